"""``verisight serve --ray``: index shards held by Ray actors, searched by scatter-gather.

The driver embeds the query once and sends its tokens and vector to every shard actor; each returns its top
``depth`` passages by BM25 and by the dense index, with scores. Shards are built with the whole corpus's BM25
statistics and hold whole documents in index order (``verisight.scale.pipeline``), so the merged lists (by
score, then shard and row) are the lists one index over the whole corpus would give, and the same fusion
(``retrieval.index.fuse``) turns them into hits. A shard actor that dies is restarted by Ray (it reloads its
folder) and the call is retried.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.embed import Embedder
from retrieval.fuse import DEFAULT_RRF_K, DEFAULT_WEIGHTS
from retrieval.index import Candidates, HybridIndex, check_query, fuse, search_depth
from retrieval.text import tokenize
from retrieval.types import Hit, Passage
from verisight.errors import NotIndexed
from verisight.scale.cluster import ray_module
from verisight.scale.pipeline import EmbedderFactory


class ShardServer:
    """What a shard actor runs: one index folder, answering candidate queries."""

    def __init__(self, folder: str, factory: EmbedderFactory) -> None:
        self.index = HybridIndex(Path(folder), factory())
        self.count = len(self.index)

    def size(self) -> int:
        """Passages in this shard."""
        return self.count

    def fusion(self) -> dict[str, Any]:
        """The fusion parameters recorded when the shard was built."""
        return dict(self.index.manifest["params"]["fusion"])

    def known(self, tokens: list[str]) -> list[str]:
        """The tokens this shard's passages contain."""
        return sorted(self.index._require().sparse.known(tokens)) if self.count else []

    def near_known(self, tokens: list[str]) -> list[str]:
        """The ``tokens`` this shard holds or holds a close variant of."""
        return sorted(self.index._require().sparse.near_known(tokens)) if self.count else []

    def named(self, tokens: list[str]) -> list[str]:
        """The ``tokens`` this shard holds or holds a longer form of."""
        return sorted(self.index._require().sparse.named(tokens)) if self.count else []

    def candidates(self, tokens: list[str], vector: np.ndarray | None, depth: int, mode: str) -> Candidates:
        """This shard's top ``depth`` passages by BM25 and dense."""
        if not self.count:
            return Candidates([], [])
        return self.index.candidates_for(tokens, vector, depth, mode)


class ShardedIndex:
    """Scatter-gather search over shard actors; ``search`` and ``len`` behave as ``HybridIndex``'s."""

    def __init__(
        self,
        folders: Sequence[Path],
        embedder: Embedder,
        factory: EmbedderFactory,
        *,
        candidates: int = 100,
        actor_cpus: float = 0.0,
    ) -> None:
        if not folders:
            raise NotIndexed("no index shards: build them with `verisight index --ray`")
        ray = ray_module()
        self._ray = ray
        self.embedder = embedder
        self.candidates = candidates
        actor = ray.remote(ShardServer).options(
            num_cpus=actor_cpus, max_restarts=-1, max_task_retries=-1, scheduling_strategy="SPREAD"
        )
        self.actors = [actor.remote(str(f), factory) for f in folders]
        self.sizes = [int(n) for n in ray.get([a.size.remote() for a in self.actors])]
        fusion = ray.get(self.actors[0].fusion.remote())
        self.rrf_k = float(fusion.get("k", DEFAULT_RRF_K))
        self.weights = dict(fusion.get("weights", DEFAULT_WEIGHTS))

    def __len__(self) -> int:
        """Passages over all shards."""
        return sum(self.sizes)

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
        """Top ``k`` passages for ``query`` over every shard, fused as one index would fuse them."""
        k = check_query(query, k, mode)
        if not len(self):
            return []
        filtering = allow_sites is not None or bool(deny_sites) or bool(boosts)
        depth = search_depth(k, mode, self.candidates, filtering, len(self))
        vector = self.embedder.embed([query])[0] if mode in ("hybrid", "dense") else None
        tokens = tokenize(query)
        found = self._ray.get([a.candidates.remote(tokens, vector, depth, mode) for a in self.actors])
        merged = Candidates(_merge([f.sparse for f in found], depth), _merge([f.dense for f in found], depth))
        return fuse(
            merged, k, mode, rrf_k=self.rrf_k, weights=self.weights,
            allow_sites=allow_sites, deny_sites=deny_sites, boosts=boosts,
        )

    def unknown_share(self, query: str) -> float:
        """As ``HybridIndex.unknown_share``, over the union of the shards' vocabularies."""
        terms = sorted(set(tokenize(query)))
        if not terms:
            return 0.0
        known = set().union(*self._ray.get([a.known.remote(terms) for a in self.actors]))
        return 1.0 - len(known) / len(terms)

    def unseen_terms(self, query: str) -> list[str]:
        """As ``HybridIndex.unseen_terms``: a term is seen when any shard holds it or a close variant."""
        return self._missing(query, "near_known")

    def unnamed_terms(self, query: str) -> list[str]:
        """As ``HybridIndex.unnamed_terms``: a term is named when any shard holds it or a longer form of it."""
        return self._missing(query, "named")

    def _missing(self, query: str, method: str) -> list[str]:
        """The query's distinct terms that no shard's ``method`` (``near_known`` or ``named``) returns, sorted."""
        terms = sorted(set(tokenize(query)))
        if not terms:
            return []
        found = set().union(*self._ray.get([getattr(a, method).remote(terms) for a in self.actors]))
        return [t for t in terms if t not in found]

    def close(self) -> None:
        """Stop the shard actors."""
        for a in self.actors:
            self._ray.kill(a, no_restart=True)
        self.actors = []


def _merge(lists: Sequence[list[tuple[Passage, float]]], depth: int) -> list[tuple[Passage, float]]:
    """The global top ``depth``: by score, ties in shard then row order (the single index's row order)."""
    flat = [(-score, shard, row, p) for shard, pairs in enumerate(lists) for row, (p, score) in enumerate(pairs)]
    flat.sort(key=lambda t: (t[0], t[1], t[2]))
    return [(p, -neg) for neg, _, _, p in flat[:depth]]
