"""The hybrid index: passages, BM25 and FAISS in one folder, updated incrementally and atomically.

The folder layout and the atomic version swap are in ``retrieval.versions``.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from crawler.types import Document
from retrieval.chunk import CHUNKER_VERSION, chunk_document
from retrieval.dense import HNSW_THRESHOLD, DenseIndex
from retrieval.embed import MAX_TOKENS, Embedder
from retrieval.errors import EmptyQuery, IndexMissing
from retrieval.fuse import DEFAULT_RRF_K, DEFAULT_WEIGHTS, adjust, rrf
from retrieval.sparse import CorpusStats, SparseIndex
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


@dataclass(frozen=True, slots=True)
class Candidates:
    """A query's candidates from one index (or one shard): ``(passage, score)`` by BM25 and dense, best first."""

    sparse: list[tuple[Passage, float]]
    dense: list[tuple[Passage, float]]


def check_query(query: str, k: int, mode: str) -> int:
    """Validate a search (EmptyQuery, ValueError) and return ``k`` clamped to 1..MAX_K."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    if not isinstance(query, str) or not words(query):
        raise EmptyQuery("the query is empty or has no words to search for")
    return max(1, min(int(k), MAX_K))


def search_depth(k: int, mode: str, candidates: int, filtering: bool, n_passages: int) -> int:
    """How deep each ranked list is read before fusion (deeper when site filters may drop hits)."""
    depth = k if mode != "hybrid" else max(k, candidates)
    if filtering:
        depth = min(max(depth * 10, 200), n_passages)
    return depth


def fuse(
    found: Candidates,
    k: int,
    mode: str,
    *,
    rrf_k: float,
    weights: Mapping[str, float],
    allow_sites: Collection[str] | None = None,
    deny_sites: Collection[str] | None = None,
    boosts: Mapping[str, float] | None = None,
) -> list[Hit]:
    """The top ``k`` hits from ``found``: one list as is, or both by weighted RRF; then site filters and boosts."""
    by_key: dict[tuple[str, str], Passage] = {}
    sparse_keys: list[tuple[str, str]] = []
    dense_keys: list[tuple[str, str]] = []
    scores: dict[str, dict[tuple[str, str], float]] = {"sparse": {}, "dense": {}}
    for name, pairs, keys in (("sparse", found.sparse, sparse_keys), ("dense", found.dense, dense_keys)):
        for p, score in pairs:
            key = (p.doc_url, p.id)
            by_key[key] = p
            keys.append(key)
            scores[name][key] = score
    s_rank = {key: i + 1 for i, key in enumerate(sparse_keys)}
    d_rank = {key: i + 1 for i, key in enumerate(dense_keys)}
    if mode == "bm25":
        ranked = [(key, scores["sparse"][key]) for key in sparse_keys]
    elif mode == "dense":
        ranked = [(key, scores["dense"][key]) for key in dense_keys]
    else:
        ranked = rrf([dense_keys, sparse_keys], k=rrf_k, weights=[weights.get("dense", 1.0), weights.get("bm25", 1.0)])
    if allow_sites is not None or deny_sites or boosts:
        ranked = adjust(ranked, lambda key: by_key[key].site, allow=allow_sites, deny=deny_sites, boosts=boosts)
    return [
        Hit(
            passage=by_key[key],
            score=float(score),
            rank=i + 1,
            sparse_rank=s_rank.get(key),
            dense_rank=d_rank.get(key),
        )
        for i, (key, score) in enumerate(ranked[:k])
    ]


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
        rrf_k: float = DEFAULT_RRF_K,
        candidates: int = 100,
        embed_batch: int = 1024,
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
        k = check_query(query, k, mode)
        state = self._require()
        if not state.passages:
            return []
        filtering = allow_sites is not None or bool(deny_sites) or bool(boosts)
        depth = search_depth(k, mode, self.candidates, filtering, len(state.passages))
        qv = self.embedder.embed([query])[0] if mode in ("hybrid", "dense") else None
        found = self.candidates_for(tokenize(query), qv, depth, mode)
        return fuse(
            found, k, mode, rrf_k=self.rrf_k, weights=self.weights,
            allow_sites=allow_sites, deny_sites=deny_sites, boosts=boosts,
        )

    def unknown_share(self, query: str) -> float:
        """The share of the query's distinct content terms that no indexed passage contains (0 when it has none):
        a question about words the corpus never uses is seldom one it answers."""
        terms = set(tokenize(query))
        if not terms:
            return 0.0
        return 1.0 - len(self._require().sparse.known(sorted(terms))) / len(terms)

    def unseen_terms(self, query: str) -> list[str]:
        """The query's distinct content terms that no indexed passage contains in any close variant (another
        inflection, a longer form, a typing slip away), sorted."""
        terms = sorted(set(tokenize(query)))
        known = self._require().sparse.near_known(terms)
        return [t for t in terms if t not in known]

    def unnamed_terms(self, query: str) -> list[str]:
        """The query's distinct content terms that no indexed passage contains, not even as the start of a longer
        word (a name the corpus never uses: "tracemalloc" where pages only say "trace"), sorted."""
        terms = sorted(set(tokenize(query)))
        named = self._require().sparse.named(terms)
        return [t for t in terms if t not in named]

    def candidates_for(
        self, query_tokens: Sequence[str], query_vector: np.ndarray | None, depth: int, mode: str
    ) -> Candidates:
        """The top ``depth`` passages by BM25 and by the dense index (what ``fuse`` merges; shards return it)."""
        state = self._require()
        sparse: list[tuple[Passage, float]] = []
        dense: list[tuple[Passage, float]] = []
        if mode in ("hybrid", "bm25"):
            rows, scores = state.sparse.search(query_tokens, depth)
            sparse = [(state.passages[r], s) for r, s in zip(rows.tolist(), scores.tolist(), strict=True)]
        if mode in ("hybrid", "dense") and query_vector is not None:
            rows, scores = state.dense.search(query_vector, depth)
            dense = [(state.passages[r], s) for r, s in zip(rows.tolist(), scores.tolist(), strict=True)]
        return Candidates(sparse, dense)

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

    def replace_with(
        self,
        passages: list[Passage],
        vectors: np.ndarray,
        documents: Mapping[str, str],
        *,
        stats: CorpusStats | None = None,
        shard: Mapping[str, Any] | None = None,
        embedded: int = 0,
    ) -> IndexUpdate:
        """Make a new version holding exactly ``passages`` with their ``vectors`` (embedded elsewhere); atomic.

        ``documents`` maps url -> content hash. ``stats`` are BM25 statistics of a whole corpus this index is
        one shard of (its scores then match one index over that corpus); ``shard`` is recorded in the manifest;
        ``embedded`` is how many of the vectors were computed for this version (for the manifest's counts).
        """
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.embedder.dim)
        if len(vectors) != len(passages):
            raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors")
        self.path.mkdir(parents=True, exist_ok=True)
        with exclusive(self.path / ".lock"):
            clean_leftovers(self.path)
            sparse = SparseIndex()
            sparse.build([tokenize(sparse_text(p)) for p in passages], stats=stats)
            dense = DenseIndex(self.embedder.dim, kind=self.dense_kind, hnsw_threshold=self.hnsw_threshold)
            dense.build(vectors)
            params = self._params(dense, sparse)
            if shard is not None:
                params["shard"] = dict(shard)
            written = write_version(self.path, passages, vectors, sparse, dense, dict(documents), embedded, params)
            with self._lock:
                self._state = written
        return IndexUpdate(len(documents), 0, len(passages), embedded, written.version)

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
        """Embed ``passages[rows]`` into ``out[rows]``, each distinct text once, reporting progress.

        Returns how many texts went through the embedder (repeated texts are copied, not embedded again).
        """
        first: dict[str, int] = {}  # text -> position in ``unique``
        unique: list[str] = []
        slot: list[int] = []
        for i in rows:
            text = dense_text(passages[i])
            pos = first.get(text)
            if pos is None:
                pos = first[text] = len(unique)
                unique.append(text)
            slot.append(pos)
        vecs = np.zeros((len(unique), out.shape[1]), dtype=np.float32)
        total = len(unique)
        for b in range(0, total, self.embed_batch):
            vecs[b : b + self.embed_batch] = self.embedder.embed(unique[b : b + self.embed_batch])
            if self.progress is not None:
                self.progress(min(b + self.embed_batch, total), total)
        if rows:
            out[rows] = vecs[slot]
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
