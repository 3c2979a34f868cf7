"""Index folders: each version written whole under a temporary name, made live by swapping ``CURRENT``.

Layout of an index folder::

    CURRENT             name of the live version folder (swapped with os.replace: the commit point)
    .lock               held (flock) by the one process updating the index
    v000007/            one complete version: written under a temporary name, renamed, then made CURRENT
        manifest.json   format version, parameters, counts, file sizes, documents (url -> content hash)
        passages.jsonl  one Passage per line, row order shared by every other file
        vectors.npy     float32 embeddings (n, dim): the embedding cache of the next update
        sparse/         bm25s files
        dense/          dense.json (+ hnsw.faiss for HNSW)

A kill at any moment leaves ``CURRENT`` naming a complete version; ``clean_leftovers`` removes the rest.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.dense import DenseIndex
from retrieval.errors import IndexCorrupt
from retrieval.sparse import SparseIndex
from retrieval.types import Passage

FORMAT_VERSION = 1


@dataclass(slots=True)
class Version:
    """One loaded version of an index."""

    version: str
    manifest: dict[str, Any]
    passages: list[Passage]
    vectors: np.ndarray
    sparse: SparseIndex
    dense: DenseIndex
    rows_by_id: dict[str, int] = field(default_factory=dict)
    rows_by_url: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for i, p in enumerate(self.passages):
            self.rows_by_id[p.id] = i
            self.rows_by_url.setdefault(p.doc_url, []).append(i)


def current_name(path: Path) -> str | None:
    """The version named by ``CURRENT``, or None when there is no index."""
    try:
        name = (path / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IndexCorrupt(f"cannot read {path / 'CURRENT'}: {exc}") from exc
    if not name or "/" in name or not (path / name).is_dir():
        raise IndexCorrupt(f"{path / 'CURRENT'} names {name!r}, which is not a version folder")
    return name


def write_version(
    path: Path,
    passages: list[Passage],
    vectors: np.ndarray,
    sparse: SparseIndex,
    dense: DenseIndex,
    docs: dict[str, str],
    embedded: int,
    params: dict[str, Any],
) -> Version:
    """Write a complete new version beside the live one and make it live."""
    numbers = [int(p.name[1:]) for p in path.glob("v[0-9]*") if p.name[1:].isdigit()]
    name = f"v{max(numbers, default=0) + 1:06d}"
    tmp = path / f".tmp-{name}-{os.getpid()}"
    tmp.mkdir()
    with open(tmp / "passages.jsonl", "w", encoding="utf-8") as f:
        for p in passages:
            f.write(json.dumps(asdict(p), ensure_ascii=False) + "\n")
    np.save(tmp / "vectors.npy", vectors)
    sparse.save(tmp / "sparse")
    dense.save(tmp / "dense")
    files = {str(f.relative_to(tmp)): f.stat().st_size for f in sorted(tmp.rglob("*")) if f.is_file()}
    manifest = {
        "format_version": FORMAT_VERSION,
        "version": name,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "params": params,
        "counts": {"documents": len(docs), "passages": len(passages), "embedded": embedded},
        "files": files,
        "documents": docs,
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    for written in tmp.rglob("*"):
        if written.is_file():
            _fsync(written)
    os.rename(tmp, path / name)
    _fsync_dir(path)
    pointer = path / f".CURRENT-{os.getpid()}"
    pointer.write_text(name + "\n")
    _fsync(pointer)
    os.replace(pointer, path / "CURRENT")  # the commit point
    _fsync_dir(path)
    prune(path, keep={name})
    return Version(name, manifest, passages, vectors, sparse, dense)


def prune(path: Path, keep: set[str]) -> None:
    """Remove versions other than ``keep`` and the one before the newest (kept for inspection)."""
    versions = sorted(p.name for p in path.glob("v[0-9]*") if p.is_dir())
    keep = keep | set(versions[-2:])
    for v in versions:
        if v not in keep:
            shutil.rmtree(path / v, ignore_errors=True)


def clean_leftovers(path: Path) -> None:
    """Remove temporary folders and pointer files left by a killed update."""
    for p in path.glob(".tmp-*"):
        shutil.rmtree(p, ignore_errors=True)
    for p in path.glob(".CURRENT-*"):
        p.unlink(missing_ok=True)
    live = current_name(path)
    for p in path.glob("v[0-9]*"):
        if p.is_dir() and live is not None and p.name > live:
            shutil.rmtree(p, ignore_errors=True)  # renamed but never made live


def read_version(folder: Path, embedder_name: str, dim: int) -> Version:
    """Load one version folder, checking it is complete and consistent."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"cannot read {folder / 'manifest.json'}: {exc}") from exc
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexCorrupt(
            f"{folder} has index format {manifest.get('format_version')}, "
            f"this version reads {FORMAT_VERSION}; rebuild the index"
        )
    params = manifest["params"]
    if params["embedder"] != embedder_name or int(params["dim"]) != dim:
        raise IndexCorrupt(
            f"{folder} was built with embedder {params['embedder']!r} ({params['dim']}-d), not "
            f"{embedder_name!r} ({dim}-d); rebuild the index with the same embedder"
        )
    for rel, size in manifest["files"].items():
        p = folder / rel
        if not p.is_file() or p.stat().st_size != size:
            raise IndexCorrupt(f"{p} is missing or truncated; rebuild the index")
    try:
        with open(folder / "passages.jsonl", encoding="utf-8") as f:
            passages = [Passage(**json.loads(line)) for line in f]
        vectors = np.load(folder / "vectors.npy", allow_pickle=False)
    except (OSError, ValueError, TypeError) as exc:
        raise IndexCorrupt(f"cannot read the passages or vectors in {folder}: {exc}") from exc
    n = int(manifest["counts"]["passages"])
    if len(passages) != n or vectors.shape != (n, dim):
        raise IndexCorrupt(f"{folder}: {len(passages)} passages and {vectors.shape} vectors; expected {n}")
    sparse = SparseIndex.load(folder / "sparse")
    if sparse.size != n:
        raise IndexCorrupt(f"{folder}: BM25 index has {sparse.size} rows, expected {n}")
    dense = DenseIndex.load(folder / "dense", vectors)
    return Version(folder.name, manifest, passages, vectors, sparse, dense)


@contextlib.contextmanager
def exclusive(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``lock_path`` (one writer at a time)."""
    with open(lock_path, "a") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def _fsync(path: Path) -> None:
    """Flush ``path`` to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    """Flush a directory entry change (rename) to disk."""
    with contextlib.suppress(OSError):
        _fsync(path)
