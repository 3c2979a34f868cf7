"""Fusion of ranked lists as pure functions: reciprocal rank fusion and weighted score fusion."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

#: dense is the stronger ranker on the Python docs sets. Session 6 swept 29 fusions on three seen query sets
#: (``bench/fusion_sweep.py``): BM25 0.3 with k 10 ranked best there (+0.012 nDCG@10), but it cut the answers found
#: on the answer questions' Python-docs dev split from 0.72 to 0.63 (other top passages reach the overview), so
#: these stay; on a fresh test set both beat BM25 and dense alone (docs/measurements.md)
DEFAULT_WEIGHTS = {"dense": 1.0, "bm25": 0.5}
DEFAULT_RRF_K = 60.0


def rrf(
    ranked_lists: Sequence[Sequence[K]],
    k: float = 60.0,
    weights: Sequence[float] | None = None,
) -> list[tuple[K, float]]:
    """Weighted reciprocal rank fusion: sum of ``weight / (k + rank)`` over lists (1-based), best first."""
    if weights is not None and len(weights) != len(ranked_lists):
        raise ValueError("weights must have one entry per ranked list")
    scores: dict[K, float] = {}
    for i, ranked in enumerate(ranked_lists):
        w = 1.0 if weights is None else float(weights[i])
        for rank, key in enumerate(ranked, start=1):
            scores[key] = scores.get(key, 0.0) + w / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def _minmax(scores: Mapping[K, float]) -> dict[K, float]:
    """Scale scores to [0, 1] (all equal → all 1)."""
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    if hi - lo <= 1e-12:
        return dict.fromkeys(scores, 1.0)
    return {key: (v - lo) / (hi - lo) for key, v in scores.items()}


def weighted(score_lists: Sequence[Mapping[K, float]], weights: Sequence[float]) -> list[tuple[K, float]]:
    """Weighted sum of min-max-normalised scores (a key missing from a list scores 0 there), best first."""
    if len(weights) != len(score_lists):
        raise ValueError("weights must have one entry per score list")
    total: dict[K, float] = {}
    for scores, w in zip(score_lists, weights, strict=True):
        for key, v in _minmax(scores).items():
            total[key] = total.get(key, 0.0) + float(w) * v
    for scores in score_lists:
        for key in scores:
            total.setdefault(key, 0.0)
    return sorted(total.items(), key=lambda kv: -kv[1])


def site_matches(site: str, domains: Iterable[str]) -> bool:
    """True when ``site`` is one of ``domains`` or a subdomain of one."""
    site = site.lower().rstrip(".")
    return any(site == d or site.endswith("." + d) for d in (d.lower().strip(".") for d in domains))


def adjust(
    ranked: Sequence[tuple[K, float]],
    site_of: Callable[[K], str],
    *,
    allow: Collection[str] | None = None,
    deny: Collection[str] | None = None,
    boosts: Mapping[str, float] | None = None,
) -> list[tuple[K, float]]:
    """Keep allowed and drop denied sites, multiply scores by per-domain ``boosts``, re-sort best first."""
    out: list[tuple[K, float]] = []
    for key, score in ranked:
        site = site_of(key)
        if allow is not None and not site_matches(site, allow):
            continue
        if deny and site_matches(site, deny):
            continue
        if boosts:
            for domain, factor in boosts.items():
                if site_matches(site, [domain]):
                    score *= factor
        out.append((key, score))
    return sorted(out, key=lambda kv: -kv[1]) if boosts else out
