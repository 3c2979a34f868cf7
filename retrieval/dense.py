"""Dense retrieval: FAISS inner-product search over L2-normalised embeddings.

Exact search (``IndexFlatIP``) below ``hnsw_threshold`` vectors, HNSW above it (``kind`` forces either).
FAISS runs on one OpenMP thread: on a small shared machine two threads were about 4x slower than one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.errors import IndexCorrupt, ModelUnavailable

HNSW_THRESHOLD = 50_000  # exact search over 50k x 384 floats is ~10 ms; past that HNSW pays for itself


def _faiss() -> Any:
    """Import faiss with one OpenMP thread, or say how to install it."""
    try:
        import faiss
    except ImportError as exc:
        raise ModelUnavailable("dense search needs FAISS: pip install faiss-cpu==1.15.1") from exc
    faiss.omp_set_num_threads(1)
    return faiss


class DenseIndex:
    """Vector index over passage embeddings (row i is passage i); ``kind`` is "auto", "flat" or "hnsw"."""

    def __init__(
        self,
        dim: int,
        *,
        kind: str = "auto",
        hnsw_threshold: int = HNSW_THRESHOLD,
        hnsw_m: int = 32,
        ef_construction: int = 80,
        ef_search: int = 128,
    ) -> None:
        if kind not in ("auto", "flat", "hnsw"):
            raise ValueError(f"kind must be auto, flat or hnsw, not {kind!r}")
        self.dim = dim
        self.kind = kind
        self.hnsw_threshold = hnsw_threshold
        self.hnsw_m = hnsw_m
        self.ef_construction = ef_construction
        self.ef_search = ef_search
        self._faiss = _faiss()
        self._index: Any = None
        self.built_kind = "flat"

    @property
    def params(self) -> dict[str, object]:
        """Parameters recorded in the index manifest."""
        return {
            "engine": "faiss",
            "kind": self.kind,
            "built_kind": self.built_kind,
            "hnsw_threshold": self.hnsw_threshold,
            "hnsw_m": self.hnsw_m,
            "ef_construction": self.ef_construction,
            "ef_search": self.ef_search,
        }

    @property
    def size(self) -> int:
        """Number of vectors indexed."""
        return 0 if self._index is None else int(self._index.ntotal)

    def build(self, vectors: np.ndarray) -> None:
        """Index ``vectors`` (float32, L2-normalised, shape (n, dim)), choosing the index type by size."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        use_hnsw = self.kind == "hnsw" or (self.kind == "auto" and len(vectors) >= self.hnsw_threshold)
        self._make(vectors, hnsw=use_hnsw)

    def append(self, vectors: np.ndarray) -> None:
        """Add ``vectors`` after the existing rows (HNSW grows in place; no rebuild)."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if self._index is None:
            self.build(vectors)
        elif len(vectors):
            self._index.add(vectors)

    def copy(self) -> DenseIndex:
        """An independent copy (so a live index is never mutated under its readers)."""
        other = DenseIndex(
            self.dim,
            kind=self.kind,
            hnsw_threshold=self.hnsw_threshold,
            hnsw_m=self.hnsw_m,
            ef_construction=self.ef_construction,
            ef_search=self.ef_search,
        )
        other.built_kind = self.built_kind
        other._index = None if self._index is None else self._faiss.clone_index(self._index)
        return other

    def _make(self, vectors: np.ndarray, *, hnsw: bool) -> None:
        """Create a flat or HNSW index holding ``vectors``."""
        use_hnsw = hnsw
        faiss = self._faiss
        if use_hnsw:
            index = faiss.IndexHNSWFlat(self.dim, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = self.ef_construction
            index.hnsw.efSearch = self.ef_search
            self.built_kind = "hnsw"
        else:
            index = faiss.IndexFlatIP(self.dim)
            self.built_kind = "flat"
        if len(vectors):
            index.add(vectors)
        self._index = index

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top ``k`` rows by inner product with ``query``: ``(rows, scores)``, best first."""
        if self._index is None or self.size == 0 or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, self.dim)
        if self.built_kind == "hnsw":
            self._index.hnsw.efSearch = max(self.ef_search, k)
        scores, rows = self._index.search(q, min(k, self.size))
        keep = rows[0] >= 0
        return rows[0][keep].astype(np.int64), scores[0][keep]

    def save(self, folder: Path) -> None:
        """Write the index into ``folder`` (HNSW graphs as a FAISS file; flat indexes come from vectors)."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "dense.json").write_text(json.dumps({**self.params, "dim": self.dim, "size": self.size}))
        if self.built_kind == "hnsw" and self._index is not None:
            self._faiss.write_index(self._index, str(folder / "hnsw.faiss"))

    @classmethod
    def load(cls, folder: Path, vectors: np.ndarray) -> DenseIndex:
        """Read an index written by ``save``; ``vectors`` are the stored embeddings (flat indexes)."""
        try:
            meta = json.loads((folder / "dense.json").read_text())
            index = cls(
                int(meta["dim"]),
                kind=str(meta["kind"]),
                hnsw_threshold=int(meta["hnsw_threshold"]),
                hnsw_m=int(meta["hnsw_m"]),
                ef_construction=int(meta["ef_construction"]),
                ef_search=int(meta["ef_search"]),
            )
            if meta["built_kind"] == "hnsw":
                index._index = index._faiss.read_index(str(folder / "hnsw.faiss"))
                index._index.hnsw.efSearch = index.ef_search
                index.built_kind = "hnsw"
            else:
                flat = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, index.dim)
                index._make(flat, hnsw=False)
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            raise IndexCorrupt(f"cannot read the dense index in {folder}: {exc}") from exc
        if index.size != int(meta["size"]) or index.size != len(vectors):
            raise IndexCorrupt(
                f"dense index in {folder} holds {index.size} vectors; expected {meta['size']} and {len(vectors)}"
            )
        return index
