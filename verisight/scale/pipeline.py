"""``verisight index --ray``: extract → chunk → embed on Ray Data, written as index shards in the usual format.

Stages:
1. (WARC input only) one Ray task per WARC file extracts its pages; the driver stores them in the document store,
   whose near-duplicate check marks copies as it would for ``import-warc``.
2. Ray Data chunks the store's documents (one row per document, ``flat_map`` to passages).
3. The driver keeps each distinct passage text once and drops those whose vector is already known (the previous
   shards or the single-machine index): nothing is embedded twice.
4. Ray Data embeds the rest on a pool of actors. The driver plans the model batches exactly as the single-machine
   index would (blocks of ``HybridIndex.embed_batch`` texts, length-sorted batches within each), so the vectors
   are those of the single-machine path, and hands groups of batches to the actors. A worker that dies is
   restarted by Ray and its row is run again; results are keyed by row, so nothing is lost or kept twice.
5. The passages are cut into shards of whole documents, contiguous in index order and balanced by passages.
   Each shard is an ordinary index folder (``retrieval.versions``) whose BM25 uses the whole corpus's statistics,
   so shard scores merge exactly. A generation of shards becomes live by swapping ``shards/CURRENT``.
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from crawler.sink import DocumentSink
from crawler.types import Document
from retrieval.chunk import chunk_document
from retrieval.embed import MAX_TOKENS, Embedder, get_embedder
from retrieval.index import HybridIndex, dense_text, embed_key, sparse_text
from retrieval.sparse import CorpusStats
from retrieval.text import tokenize
from retrieval.types import Passage
from retrieval.versions import current_name
from verisight.documents import DocumentStore
from verisight.errors import BadQuery
from verisight.scale.cluster import ray_module

EmbedderFactory = Callable[[], Embedder]
EMBED_BLOCK = 1024  # texts per embedding call: HybridIndex's default embed_batch, so the batches match
ROW_BATCHES = 8  # model batches per row of work handed to an embedding actor


@dataclass(frozen=True, slots=True)
class ShardedBuild:
    """What one ``index --ray`` run did."""

    documents: int
    passages: int
    embedded: int  # distinct texts run through the model
    reused: int  # vectors taken from an earlier index
    shards: list[str]
    seconds: float


def embedder_factory(name: str = "minilm-onnx", model_path: str = "") -> EmbedderFactory:
    """A picklable recipe for the embedder each Ray worker builds (one core each, no cache)."""
    kwargs: dict[str, Any] = {"cache_size": 0, "workers": 1}
    if model_path:
        kwargs["model_path"] = model_path
    return functools.partial(get_embedder, name, **kwargs)


# ----------------------------------------------------------------------------------------------- shard folders


def live_shards(root: Path) -> list[Path]:
    """The shard folders of the live generation under ``root`` (empty when none was built)."""
    try:
        name = (root / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return []
    folder = root / name
    if not name or "/" in name or not folder.is_dir():
        raise BadQuery(f"{root / 'CURRENT'} names {name!r}, which is not a shard generation; rebuild with index --ray")
    return sorted(p for p in folder.glob("shard-*") if p.is_dir())


def _new_generation(root: Path) -> Path:
    """A fresh, empty generation folder (not live until ``_publish``)."""
    root.mkdir(parents=True, exist_ok=True)
    for left in root.glob(".tmp-*"):
        shutil.rmtree(left, ignore_errors=True)
    numbers = [int(p.name[1:]) for p in root.glob("g[0-9]*") if p.name[1:].isdigit()]
    folder = root / f".tmp-g{max(numbers, default=0) + 1:06d}"
    folder.mkdir()
    return folder


def _publish(root: Path, tmp: Path) -> Path:
    """Rename the finished generation into place, point ``CURRENT`` at it, drop all but the previous one."""
    final = root / tmp.name.removeprefix(".tmp-")
    os.rename(tmp, final)
    pointer = root / f".CURRENT-{os.getpid()}"
    pointer.write_text(final.name + "\n")
    os.replace(pointer, root / "CURRENT")
    for old in sorted(p for p in root.glob("g[0-9]*") if p.is_dir())[:-2]:
        shutil.rmtree(old, ignore_errors=True)
    return final


def _known_vectors(folders: Iterable[Path], embedder_name: str) -> dict[str, np.ndarray]:
    """embed_key -> vector for every passage of the live versions in ``folders`` built by ``embedder_name``."""
    known: dict[str, np.ndarray] = {}
    for folder in folders:
        name = current_name(folder) if (folder / "CURRENT").exists() else None
        if name is None:
            continue
        version = folder / name
        manifest = json.loads((version / "manifest.json").read_text(encoding="utf-8"))
        if manifest["params"]["embedder"] != embedder_name:
            continue
        vectors = np.load(version / "vectors.npy", allow_pickle=False)
        with open(version / "passages.jsonl", encoding="utf-8") as f:
            for row, line in enumerate(f):
                known[embed_key(embedder_name, dense_text(Passage(**json.loads(line))))] = vectors[row]
    return known


# ----------------------------------------------------------------------------------------------- Ray stages


class _CollectSink(DocumentSink):
    """Keeps what a WARC import extracts, for the driver to store (the one writer of the document store)."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def put(self, doc: Document, raw_html: bytes) -> Document:
        """Keep ``doc`` and its HTML; duplicates are decided by the document store later."""
        self.rows.append({"doc": json.dumps(asdict(doc)), "raw": raw_html})
        return doc


def _extract_warc(row: dict[str, Any]) -> list[dict[str, Any]]:
    """Ray Data ``flat_map``: the documents extracted from one WARC file."""
    from crawler.warc import import_warc

    sink = _CollectSink()
    import_warc([row["path"]], sink)
    return sink.rows


def _chunk(row: dict[str, Any], max_tokens: int, overlap_tokens: int) -> list[dict[str, Any]]:
    """Ray Data ``flat_map``: one document's passages, numbered in document order."""
    doc = Document(**json.loads(row["doc"]))
    passages = chunk_document(doc, max_tokens=max_tokens, overlap_tokens=overlap_tokens)
    return [{"order": row["order"], "n": i, "passage": json.dumps(asdict(p))} for i, p in enumerate(passages)]


class _EmbedBlocks:
    """Ray Data actor: embeds the batches of one row with its own single-core embedder, each batch on its own."""

    def __init__(self, factory: EmbedderFactory) -> None:
        self.embedder = factory()

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        """``{"row", "texts", "sizes"}`` -> ``{"row", "vectors"}`` (float32 bytes, row-major, texts' order)."""
        texts = [str(t) for t in row["texts"]]
        parts = []
        start = 0
        for size in (int(n) for n in row["sizes"]):
            parts.append(self.embedder.embed(texts[start : start + size]))
            start += size
        vectors = np.concatenate(parts) if parts else np.zeros((0, self.embedder.dim), dtype=np.float32)
        return {"row": row["row"], "vectors": np.ascontiguousarray(vectors, dtype=np.float32).tobytes()}


def _write_shard(
    folder: str, factory: EmbedderFactory, passages: list[Passage], vectors: np.ndarray,
    documents: dict[str, str], stats: CorpusStats, shard: dict[str, Any], embedded: int,
) -> int:
    """Ray task: write one shard as an ordinary index folder; returns its passage count."""
    index = HybridIndex(Path(folder), factory())
    return index.replace_with(passages, vectors, documents, stats=stats, shard=shard, embedded=embedded).passages


# ----------------------------------------------------------------------------------------------- the driver


def import_warcs_with_ray(paths: Sequence[Path], store: DocumentStore, *, workers: int) -> dict[str, int]:
    """Extract WARC files on Ray (one task per file) and store their documents; returns counts."""
    ray = ray_module()
    missing = [p for p in paths if not Path(p).is_file()]
    if missing:
        raise BadQuery(f"no such file: {missing[0]}")
    ds = ray.data.from_items([{"path": str(p)} for p in paths], override_num_blocks=max(1, len(paths)))
    stored = duplicates = 0
    for row in ds.flat_map(_extract_warc, compute=ray.data.TaskPoolStrategy(size=workers)).iter_rows():
        doc = store.put(Document(**json.loads(row["doc"])), bytes(row["raw"]))
        stored += 1
        duplicates += doc.duplicate_of is not None
    return {"stored": stored, "duplicates": duplicates}


def _chunk_all(docs: list[Document], workers: int) -> list[Passage]:
    """Every passage of ``docs`` in index order (documents in store order, passages in document order)."""
    ray = ray_module()
    rows = [{"order": i, "doc": json.dumps(asdict(d))} for i, d in enumerate(docs)]
    ds = ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows), workers * 4)))
    chunked = ds.flat_map(
        _chunk,
        fn_kwargs={"max_tokens": MAX_TOKENS, "overlap_tokens": 48},
        compute=ray.data.TaskPoolStrategy(size=workers),
    )
    found = sorted((int(r["order"]), int(r["n"]), str(r["passage"])) for r in chunked.iter_rows())
    return [Passage(**json.loads(p)) for _, _, p in found]


def _work_rows(texts: list[str], planner: Embedder) -> list[dict[str, Any]]:
    """Rows of work for the embedding actors: the batches the single-machine index would run, grouped.

    The index embeds EMBED_BLOCK texts per call and the embedder cuts each call into length-sorted batches; int8
    quantisation scales per batch, so running exactly those batches (each as its own call) gives the same
    vectors, while the batches of one block can go to different workers.
    """
    plan = getattr(planner, "plan", None)
    rows: list[dict[str, Any]] = []
    for start in range(0, len(texts), EMBED_BLOCK):
        block = texts[start : start + EMBED_BLOCK]
        batches = plan(block) if plan is not None else [list(range(len(block)))]
        for g in range(0, len(batches), ROW_BATCHES):
            group = batches[g : g + ROW_BATCHES]
            rows.append({
                "row": len(rows),
                "index": [start + i for b in group for i in b],
                "texts": [block[i] for b in group for i in b],
                "sizes": [len(b) for b in group],
            })
    return rows


def _embed_all(texts: list[str], factory: EmbedderFactory, workers: int, dim: int) -> np.ndarray:
    """Vectors of ``texts`` (in order), embedded on a pool of ``workers`` Ray actors, as one process would."""
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    ray = ray_module()
    rows = _work_rows(texts, factory())
    ds = ray.data.from_items([{k: r[k] for k in ("row", "texts", "sizes")} for r in rows],
                             override_num_blocks=len(rows))
    embedded = ds.map(
        _EmbedBlocks,
        fn_constructor_kwargs={"factory": factory},
        # Ray Data starts an actor that dies again (max_restarts=-1) and re-runs its row (max_task_retries=-1)
        compute=ray.data.ActorPoolStrategy(size=max(1, min(workers, len(rows)))),
        num_cpus=1,
    )
    out = np.zeros((len(texts), dim), dtype=np.float32)
    seen: set[int] = set()
    for item in embedded.iter_rows():
        r = int(item["row"])
        if r in seen:
            raise RuntimeError(f"embedding row {r} came back twice")
        seen.add(r)
        out[rows[r]["index"]] = np.frombuffer(bytes(item["vectors"]), dtype=np.float32).reshape(-1, dim)
    if len(seen) != len(rows):
        raise RuntimeError(f"embedding lost rows: got {len(seen)} of {len(rows)}")
    return out


def _split(passages: list[Passage], shards: int) -> list[tuple[int, int]]:
    """Row ranges ``[start, end)`` of ``shards`` contiguous parts, whole documents each, balanced by passages."""
    bounds = [0]
    total = len(passages)
    for s in range(1, shards):
        cut = max(bounds[-1], round(total * s / shards))
        while 0 < cut < total and passages[cut].doc_url == passages[cut - 1].doc_url:
            cut += 1  # never split a document
        bounds.append(min(cut, total))
    bounds.append(total)
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _documents_by_shard(
    docs: list[Document], passages: list[Passage], ranges: list[tuple[int, int]]
) -> list[dict[str, str]]:
    """url -> content hash per shard: a document goes where its passages are (one without any, with the one before)."""
    shard_of_url: dict[str, int] = {}
    for i, (a, b) in enumerate(ranges):
        for p in passages[a:b]:
            shard_of_url[p.doc_url] = i
    out: list[dict[str, str]] = [{} for _ in ranges]
    last = 0
    for d in docs:
        last = shard_of_url.get(d.url, last)
        if out:
            out[last][d.url] = d.content_hash
    return out


def build_shards(
    docs: list[Document],
    root: Path,
    *,
    shards: int,
    workers: int,
    factory: EmbedderFactory,
    reuse_from: Sequence[Path] = (),
) -> ShardedBuild:
    """Chunk, embed and shard ``docs`` on Ray into a new generation under ``root``; returns what it did."""
    ray = ray_module()
    t0 = time.perf_counter()
    if shards < 1 or workers < 1:
        raise BadQuery("--shards and --workers must be at least 1")
    docs = [d for d in docs if not d.duplicate_of]
    passages = _chunk_all(docs, workers)
    probe = factory()
    name, dim = probe.name, probe.dim
    known = _known_vectors([*live_shards(root), *reuse_from], name)
    texts = [dense_text(p) for p in passages]
    vectors = np.zeros((len(passages), dim), dtype=np.float32)
    first: dict[str, int] = {}
    unique: list[str] = []
    slot: list[int] = []
    rows: list[int] = []
    reused = 0
    for row, text in enumerate(texts):
        old = known.get(embed_key(name, text))
        if old is not None:
            vectors[row] = old
            reused += 1
            continue
        pos = first.get(text)
        if pos is None:
            pos = first[text] = len(unique)
            unique.append(text)
        slot.append(pos)
        rows.append(row)
    fresh = _embed_all(unique, factory, workers, dim)
    fresh_rows = np.zeros(len(passages), dtype=bool)
    if rows:
        vectors[rows] = fresh[slot]
        fresh_rows[rows] = True

    stats = CorpusStats.of([tokenize(sparse_text(p)) for p in passages])
    tmp = _new_generation(root)
    ranges = _split(passages, min(shards, max(1, len(docs))))
    write = ray.remote(num_cpus=1, max_retries=3)(_write_shard)
    shard_docs = _documents_by_shard(docs, passages, ranges)
    refs = []
    for i, (a, b) in enumerate(ranges):
        part = passages[a:b]
        part_docs = shard_docs[i]
        info = {"index": i, "of": len(ranges), "first_row": a, "rows": b - a}
        refs.append(write.remote(
            str(tmp / f"shard-{i:03d}"), factory, part, vectors[a:b], part_docs, stats, info, int(fresh_rows[a:b].sum())
        ))
    ray.get(refs)
    final = _publish(root, tmp)
    return ShardedBuild(
        documents=len(docs),
        passages=len(passages),
        embedded=len(unique),
        reused=reused,
        shards=[str(final / f"shard-{i:03d}") for i in range(len(ranges))],
        seconds=round(time.perf_counter() - t0, 2),
    )
