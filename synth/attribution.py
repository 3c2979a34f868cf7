"""Attach and repair citations: each sentence is credited to the sources whose passages best support it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from retrieval.align import align
from retrieval.embed import Embedder
from retrieval.types import Passage
from synth.types import Source


@dataclass(frozen=True, slots=True)
class Attribution:
    """The citations kept for one sentence, the passages behind them, and the cited numbers dropped."""

    citations: tuple[int, ...]
    passages: tuple[str, ...]
    removed: tuple[int, ...]


def attribute(
    sentence: str,
    cited: Sequence[int],
    sources: Sequence[Source],
    passages: Mapping[str, Passage],
    embedder: Embedder | None = None,
    *,
    min_score: float = 0.35,
    max_citations: int = 2,
) -> Attribution:
    """Keep the model's valid citations that alignment backs, and add the best-aligned sources when none is left.

    Citation numbers that were not given to the model are always removed and reported.
    """
    by_id = {s.id: s for s in sources}
    removed = tuple(n for n in cited if n not in by_id)
    valid = [n for n in cited if n in by_id]
    pool = [passages[pid] for s in sources for pid in s.passages if pid in passages]
    if not pool:
        return Attribution((), (), removed)
    source_of = {pid: s.id for s in sources for pid in s.passages}
    best: dict[int, tuple[float, str]] = {}
    for alignment in align(sentence, pool, embedder, top=max(6, len(pool))):
        sid = source_of.get(alignment.passage_id)
        if sid is None:
            continue
        if sid not in best or alignment.score > best[sid][0]:
            best[sid] = (alignment.score, alignment.passage_id)
    kept = [n for n in valid if n in best and best[n][0] >= min_score * 0.6]
    if not kept:
        ranked = sorted(best.items(), key=lambda item: -item[1][0])
        kept = [sid for sid, (score, _) in ranked[:max_citations] if score >= min_score]
        if not kept and ranked:
            kept = [ranked[0][0]]  # uncited claims still point at the closest source; the verifier judges them
    removed += tuple(n for n in valid if n not in kept)
    return Attribution(tuple(kept), tuple(best[n][1] for n in kept if n in best), removed)
