"""The hybrid index: passages, BM25 and FAISS in one folder, updated incrementally and atomically.

The folder layout and the atomic version swap are in ``retrieval.versions``.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from crawler.types import Document
from retrieval.chunk import CHUNKER_VERSION, chunk_document
from retrieval.dense import HNSW_THRESHOLD, DenseIndex
from retrieval.embed import MAX_TOKENS, Embedder
from retrieval.errors import EmptyQuery, IndexMissing
from retrieval.fuse import DEFAULT_WEIGHTS, adjust, rrf
from retrieval.sparse import SparseIndex
from retrieval.text import tokenize, words
from retrieval.types import SEARCH_MODES, Hit, IndexUpdate, Passage
from retrieval.versions import (
    Version,
    clean_leftovers,
    current_name,
    exclusive,
    read_version,
    write_version,
)

MODES = SEARCH_MODES
MAX_K = 1000
log = logging.getLogger(__name__)


def sparse_text(p: Passage) -> str:
    """What BM25 indexes for a passage: title and heading (as extra fields) and the text."""
    return f"{p.title}\n{p.heading}\n{p.text}"


def dense_text(p: Passage) -> str:
    """What the embedder reads for a passage: the heading (section context) and the text."""
    return f"{p.heading}\n{p.text}" if p.heading and not p.text.startswith(p.heading) else p.text


def embed_key(embedder_name: str, text: str) -> str:
    """Cache key of an embedding: the embedder and the exact text it read."""
    return hashlib.sha1(f"{embedder_name}\0{text}".encode()).hexdigest()


class HybridIndex:
    """BM25 + dense passage index in a folder; ``search`` fuses both with weighted reciprocal rank fusion.

    ``weights`` maps "dense" and "bm25" to their RRF weights; ``candidates`` is how deep each list goes
    before fusion; ``dense_kind`` is "auto" (exact below ``hnsw_threshold`` passages, HNSW above), "flat"
    or "hnsw". ``progress(done, total)`` is called while embedding.
    """

    def __init__(
        self,
        path: Path | str,
        embedder: Embedder,
        *,
        max_tokens: int = MAX_TOKENS,
        overlap_tokens: int = 48,
        dense_kind: str = "auto",
        hnsw_threshold: int = HNSW_THRESHOLD,
        weights: dict[str, float] | None = None,
        rrf_k: float = 60.0,
        candidates: int = 100,
        embed_batch: int = 256,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.embedder = embedder
        self.max_tokens = max_tokens
        self.overlap_tokens = overlap_tokens
        self.dense_kind = dense_kind
        self.hnsw_threshold = hnsw_threshold
        self.weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
        self.rrf_k = rrf_k
        self.candidates = candidates
        self.embed_batch = embed_batch
        self.progress = progress
        self._state: Version | None = None
        self._lock = threading.Lock()

    # ----------------------------------------------------------------------------------------- reading

    def _load_state(self) -> Version | None:
        """The live version, loaded (re-read when ``CURRENT`` changed since the last call)."""
        name = current_name(self.path)
        if name is None:
            self._state = None
            return None
        state = self._state
        if state is not None and state.version == name:
            return state
        with self._lock:
            if self._state is None or self._state.version != name:
                self._state = read_version(self.path / name, self.embedder.name, self.embedder.dim)
            return self._state

    def _require(self) -> Version:
        """The live version, or IndexMissing."""
        state = self._load_state()
        if state is None:
            raise IndexMissing(f"no index at {self.path}; build it first (verisight index)")
        return state

    def exists(self) -> bool:
        """True when an index has been built at ``path``."""
        return current_name(self.path) is not None

    def __len__(self) -> int:
        """Number of passages (0 when no index exists)."""
        state = self._load_state()
        return 0 if state is None else len(state.passages)

    @property
    def manifest(self) -> dict[str, Any]:
        """The live version's manifest (IndexMissing when there is none)."""
        return self._require().manifest

    def passage(self, pid: str) -> Passage:
        """The passage with id ``pid`` (KeyError when unknown)."""
        state = self._require()
        return state.passages[state.rows_by_id[pid]]

    def passages_for(self, url: str) -> list[Passage]:
        """The passages of the document at ``url``, in document order (empty when not indexed)."""
        state = self._require()
        return [state.passages[i] for i in state.rows_by_url.get(url, [])]

    def documents(self) -> dict[str, str]:
        """Indexed documents: url -> content hash."""
        return dict(self._require().manifest["documents"])

    def search(
        self,
        query: str,
        k: int = 10,
        mode: str = "hybrid",
        *,
        allow_sites: Collection[str] | None = None,
        deny_sites: Collection[str] | None = None,
        boosts: Mapping[str, float] | None = None,
    ) -> list[Hit]:
        """Top ``k`` passages for ``query`` by "hybrid" (weighted RRF), "bm25" or "dense".

        ``allow_sites``/``deny_sites`` keep or drop passages by site (a domain covers its subdomains);
        ``boosts`` multiplies the scores of a domain's passages. Filtering reads deeper, but may return
        fewer than ``k`` hits when few passages pass.
        """
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        if not isinstance(query, str) or not words(query):
            raise EmptyQuery("the query is empty or has no words to search for")
        k = max(1, min(int(k), MAX_K))
        state = self._require()
        if not state.passages:
            return []
        depth = k if mode != "hybrid" else max(k, self.candidates)
        filtering = allow_sites is not None or bool(deny_sites) or bool(boosts)
        if filtering:
            depth = min(max(depth * 10, 200), len(state.passages))
        sparse_rows: list[int] = []
        dense_rows: list[int] = []
        sparse_scores: dict[int, float] = {}
        dense_scores: dict[int, float] = {}
        if mode in ("hybrid", "bm25"):
            rows, scores = state.sparse.search(tokenize(query), depth)
            sparse_rows = rows.tolist()
            sparse_scores = dict(zip(sparse_rows, scores.tolist(), strict=True))
        if mode in ("hybrid", "dense"):
            qv = self.embedder.embed([query])[0]
            rows, scores = state.dense.search(qv, depth)
            dense_rows = rows.tolist()
            dense_scores = dict(zip(dense_rows, scores.tolist(), strict=True))
        s_rank = {r: i + 1 for i, r in enumerate(sparse_rows)}
        d_rank = {r: i + 1 for i, r in enumerate(dense_rows)}
        if mode == "bm25":
            ranked = [(r, sparse_scores[r]) for r in sparse_rows]
        elif mode == "dense":
            ranked = [(r, dense_scores[r]) for r in dense_rows]
        else:
            ranked = rrf(
                [dense_rows, sparse_rows],
                k=self.rrf_k,
                weights=[self.weights.get("dense", 1.0), self.weights.get("bm25", 1.0)],
            )
        if filtering:
            ranked = adjust(
                ranked,
                lambda r: state.passages[r].site,
                allow=allow_sites,
                deny=deny_sites,
                boosts=boosts,
            )
        return [
            Hit(
                passage=state.passages[r],
                score=float(score),
                rank=i + 1,
                sparse_rank=s_rank.get(r),
                dense_rank=d_rank.get(r),
            )
            for i, (r, score) in enumerate(ranked[:k])
        ]

    # ----------------------------------------------------------------------------------------- writing

    def update(self, documents: Iterable[Document], *, keep_urls: set[str] | None = None) -> IndexUpdate:
        """Add new and changed ``documents``, drop those not in ``keep_urls`` (when given); atomic.

        Documents with ``duplicate_of`` set are not indexed (and dropped if they were). Only passages
        whose embedding is not already in the index are embedded.
        """
        self.path.mkdir(parents=True, exist_ok=True)
        with exclusive(self.path / ".lock"):
            return self._update_locked(documents, keep_urls)

    def remove(self, urls: Iterable[str]) -> IndexUpdate:
        """Drop the documents at ``urls`` (for ``verisight forget``); embeds nothing."""
        if not self.exists():
            return IndexUpdate(0, 0, 0, 0, "")
        with exclusive(self.path / ".lock"):
            return self._update_locked([], None, drop=set(urls))

    def _update_locked(
        self, documents: Iterable[Document], keep_urls: set[str] | None, drop: set[str] | None = None
    ) -> IndexUpdate:
        """``update`` once the writer lock is held."""
        t0 = time.perf_counter()
        clean_leftovers(self.path)
        old = self._load_state()
        old_docs: dict[str, str] = dict(old.manifest["documents"]) if old else {}
        incoming: dict[str, Document] = {}
        dropped: set[str] = set()
        for doc in documents:
            if doc.duplicate_of:
                dropped.add(doc.url)
                incoming.pop(doc.url, None)
                continue
            dropped.discard(doc.url)
            incoming[doc.url] = doc
        if drop:
            dropped |= {u for u in old_docs if u in drop}
        if keep_urls is not None:
            dropped |= {u for u in old_docs if u not in keep_urls}
            for u in [u for u in incoming if u not in keep_urls]:
                del incoming[u]
        changed = {u: d for u, d in incoming.items() if old_docs.get(u) != d.content_hash}
        kept_urls = {u for u in old_docs if u not in dropped and u not in changed}
        removed_docs = sum(1 for u in old_docs if u in dropped)

        if old is not None and not changed and not removed_docs:
            return IndexUpdate(0, 0, len(old.passages), 0, old.version)  # nothing to do: no new version

        # Passages: the kept documents' passages in their old order, then the new documents' passages.
        passages: list[Passage] = []
        vectors_kept: list[int] = []
        if old is not None:
            for i, p in enumerate(old.passages):
                if p.doc_url in kept_urls:
                    passages.append(p)
                    vectors_kept.append(i)
        n_kept = len(passages)
        for doc in changed.values():
            passages.extend(chunk_document(doc, max_tokens=self.max_tokens, overlap_tokens=self.overlap_tokens))

        dim = self.embedder.dim
        vectors = np.zeros((len(passages), dim), dtype=np.float32)
        todo: list[int] = []
        if old is not None:
            vectors[:n_kept] = old.vectors[vectors_kept]
            name = self.embedder.name
            cache = {embed_key(name, dense_text(p)): i for i, p in enumerate(old.passages)}
            for j in range(n_kept, len(passages)):
                hit = cache.get(embed_key(name, dense_text(passages[j])))
                if hit is None:
                    todo.append(j)
                else:
                    vectors[j] = old.vectors[hit]
        else:
            todo = list(range(len(passages)))
        embedded = self._embed_rows(passages, todo, vectors)

        sparse = SparseIndex()
        sparse.build([tokenize(sparse_text(p)) for p in passages])
        dense = DenseIndex(dim, kind=self.dense_kind, hnsw_threshold=self.hnsw_threshold)
        prefix = old is not None and vectors_kept == list(range(len(old.passages)))
        if prefix and old is not None and old.dense.built_kind == "hnsw":
            dense = old.dense.copy()  # nothing was removed: grow the HNSW graph instead of rebuilding it
            dense.append(vectors[n_kept:])
        else:
            dense.build(vectors)

        docs = {u: old_docs[u] for u in kept_urls}
        docs.update({u: d.content_hash for u, d in changed.items()})
        written = write_version(
            self.path, passages, vectors, sparse, dense, docs, embedded, self._params(dense, sparse)
        )
        version = written.version
        with self._lock:
            self._state = written
        log.info(
            "index %s: +%d docs, -%d docs, %d passages, %d embedded in %.1fs",
            version,
            len(changed),
            removed_docs,
            len(passages),
            embedded,
            time.perf_counter() - t0,
        )
        return IndexUpdate(
            added_docs=len(changed),
            removed_docs=removed_docs,
            passages=len(passages),
            embedded=embedded,
            version=version,
        )

    def _embed_rows(self, passages: Sequence[Passage], rows: list[int], out: np.ndarray) -> int:
        """Embed ``passages[rows]`` into ``out[rows]`` in chunks, reporting progress; returns the count."""
        total = len(rows)
        for b in range(0, total, self.embed_batch):
            chunk = rows[b : b + self.embed_batch]
            out[chunk] = self.embedder.embed([dense_text(passages[i]) for i in chunk])
            if self.progress is not None:
                self.progress(min(b + self.embed_batch, total), total)
        return total

    def _params(self, dense: DenseIndex, sparse: SparseIndex) -> dict[str, Any]:
        """Parameters recorded in the manifest."""
        return {
            "embedder": self.embedder.name,
            "dim": self.embedder.dim,
            "max_tokens": self.max_tokens,
            "overlap_tokens": self.overlap_tokens,
            "chunker": CHUNKER_VERSION,
            "sparse": sparse.params,
            "dense": dense.params,
            "fusion": {"method": "weighted-rrf", "k": self.rrf_k, "weights": self.weights},
        }
