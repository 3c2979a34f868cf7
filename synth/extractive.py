"""The extractive overview: whole sentences of the passages that address the query, quoted with citations.

It works the way a featured snippet does: the lead is the best-answering excerpt (one sentence, or two
adjacent ones) of the most credible relevant source, by the hand-set ``answer_value`` (or, opt-in, the learned
``synth.ranker``); at most a few points follow (one more from the lead's page, one from each other page), each
relevant to the query and not a near-duplicate of what is already shown. Nothing is padded: an answer may be one
sentence, or none when no whole sentence addresses the query.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache

import numpy as np

from retrieval.embed import Embedder
from retrieval.text import content_words
from retrieval.types import Hit
from synth.parse import strip_citations
from synth.ranker import SentenceRanker, answer_value, features, load
from synth.relevance import (
    RELEVANCE_MIN,
    SentenceScore,
    focus_weights,
    is_whole_sentence,
    score_sentences,
)
from synth.sanitize import looks_like_injection
from synth.types import LeadRanker, Source

CANDIDATE_PASSAGES = 8
#: a point after the lead is shown only when its hand-set value (``answer_value``) is at least this share of the best
#: candidate's (chosen on dev: the old question set and the first fresh one; 0.5 showed 22 fewer sentences and
#: found every answer 0 did, 0.6 lost one)
POINT_RATIO = 0.5
NEAR_DUPLICATE = 0.6  # content-word Jaccard at or above which two sentences say the same thing

Quote = tuple[str, tuple[int, ...], tuple[str, ...]]


def extract_sentences(
    query: str,
    hits: Sequence[Hit],
    sources: Sequence[Source],
    embedder: Embedder | None = None,
    *,
    max_sentences: int = 3,
    credible: Collection[str] = (),
    relevance_min: float = RELEVANCE_MIN,
    exclude: Collection[str] = (),
    ranker: SentenceRanker | None = None,
    lead_min: float | None = None,
) -> list[Quote]:
    """Up to ``max_sentences`` (text, citations, passage ids): the lead excerpt, then new points from others.

    ``credible`` holds the document URLs of credible sources (the lead comes from one when any is relevant);
    ``exclude`` holds sentence texts already shown; ``ranker`` picks the lead when given (the hand-set
    ``answer_value`` does otherwise; it always ranks the points after the lead). ``lead_min`` (at least
    ``relevance_min``) is the usual floor when ``relevance_min`` is lowered for a sure answer: a sentence below it
    may only lead, and only when no credible source has one above it ("Do not put butter ... on a burn." for a
    question about a satirical butter study); every point reaches it.
    """
    number = {s.url: s.id for s in sources}
    seen = [set(content_words(t)) for t in exclude]
    found = candidates(query, hits, sources, embedder, relevance_min=relevance_min)
    if not found or max_sentences <= 0:
        return []
    # below ``lead_min`` a sentence may only lead, when no credible source has a closer one; the question's
    # specific terms are weighed over the closer sentences (weaker matches must not make a term look common)
    close = [s for s in found if lead_min is None or s.relevance >= lead_min]
    focus = focus_weights(query, close or found)
    pool = [s for s in close if s.hit.passage.doc_url in credible] \
        or [s for s in found if s.hit.passage.doc_url in credible] or close or found
    # the points after the lead keep the hand-set score: with the learned one they found fewer answers on dev
    value = {id(s): answer_value(query, s, focus) for s in found}
    best = max(value[id(s)] for s in pool)
    if ranker is None:
        lead = max(pool, key=lambda s: value[id(s)])
    else:
        lead = pool[int(np.argmax(ranker.score(features(query, pool, focus, credible))))]
    chosen: list[SentenceScore] = []
    _add(chosen, seen, lead)
    following = [s for s in close if s.hit is lead.hit and s.start >= lead.end]
    shown: dict[int, str] = {id(lead): lead.display}
    # a contiguous excerpt: the lead's next sentence, when it is relevant (an API entry's signature once)
    if following and len(chosen) < max_sentences and following[0].start - lead.end <= 2 \
            and _add(chosen, seen, following[0]):
        nxt = following[0]
        own = (nxt.entry and nxt.entry == lead.entry) or nxt.previous == lead.text  # the lead already says it
        shown[id(nxt)] = _clean(nxt.text) if own else nxt.display
    # the lead's own page may add one more point (the answer often sits a few sentences from the lead: on the
    # answer questions' dev split this found 3 more answers of 54); every other page adds at most one
    used_docs: set[str] = set()
    for s in sorted(close, key=lambda s: -value[id(s)]):
        if len(chosen) >= max_sentences:
            break
        if value[id(s)] < POINT_RATIO * best:
            break  # a point is shown only when it is nearly as good an answer as the best candidate
        if s.hit.passage.doc_url in used_docs or (s.entry and any(s.entry == c.entry for c in chosen)):
            continue  # one point per page beyond the lead's, and per API entry
        if _add(chosen, seen, s):
            used_docs.add(s.hit.passage.doc_url)
    return [
        (_clean(shown.get(id(s), s.display)), (number[s.hit.passage.doc_url],), (s.hit.passage.id,)) for s in chosen
    ]


def _is_title(s: SentenceScore) -> bool:
    """True when the sentence is its page's title or its passage's heading (page furniture)."""
    text = " ".join(s.text.split()).casefold()
    return any(text == " ".join(t.split()).casefold() for t in (s.hit.passage.title, s.hit.passage.heading) if t)


def _add(chosen: list[SentenceScore], seen: list[set[str]], s: SentenceScore) -> bool:
    """Append ``s`` unless it nearly repeats a sentence already chosen or shown; the sentence its display leads
    with (``previous``) counts as shown too, so a later point cannot repeat it."""
    words = set(content_words(s.text))
    if any(_near_duplicate(words, other) for other in seen):
        return False
    chosen.append(s)
    seen.append(words)
    if s.previous and is_whole_sentence(s.previous):  # shown before it (``SentenceScore.display``)
        seen.append(set(content_words(s.previous)))
    return True


def _near_duplicate(words: set[str], other: set[str]) -> bool:
    union = words | other
    return bool(union) and len(words & other) / len(union) >= NEAR_DUPLICATE


def _clean(text: str) -> str:
    """The sentence as shown: whitespace collapsed, page-text "[7]" markers dropped (they would read as ours)."""
    return strip_citations(" ".join(text.split()))


def candidates(
    query: str,
    hits: Sequence[Hit],
    sources: Sequence[Source],
    embedder: Embedder | None = None,
    *,
    relevance_min: float = RELEVANCE_MIN,
) -> list[SentenceScore]:
    """The quotable sentences of the top passages: relevant, whole, of a listed source, neither an instruction to a
    model, a question nor the page's title."""
    urls = {s.url for s in sources}
    return [
        s for s in score_sentences(query, hits[:CANDIDATE_PASSAGES], embedder)
        if s.hit.passage.doc_url in urls and s.relevance >= relevance_min and is_whole_sentence(s.text)
        and not looks_like_injection(s.text) and not s.text.rstrip().endswith("?")  # a question answers nothing
        and not _is_title(s)  # "Why Cheese Slides Off Pizza (and How to Stop It)" is the page's title, not a point
    ]


def lead_ranker(name: LeadRanker) -> SentenceRanker | None:
    """The ranker a ``lead_ranker`` setting names: the stored learned one, or ``None`` for the hand-set score."""
    return _stored() if name == "learned" else None


@cache
def _stored() -> SentenceRanker:
    return load()
