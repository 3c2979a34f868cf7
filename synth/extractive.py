"""The extractive overview: whole sentences of the passages that address the query, quoted with citations.

It works the way a featured snippet does: the lead is the best-answering excerpt (one sentence, or two
adjacent ones) of the most credible relevant source; at most a few points follow (one more from the lead's page,
one from each other page), each relevant to the query and not a near-duplicate of what is already shown. Nothing
is padded: an answer may be one sentence, or none when no whole sentence addresses the query.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from retrieval.embed import Embedder
from retrieval.text import content_words
from retrieval.types import Hit
from synth.parse import strip_citations
from synth.relevance import (
    RELEVANCE_MIN,
    SentenceScore,
    focus_share,
    focus_weights,
    is_whole_sentence,
    score_sentences,
)
from synth.sanitize import looks_like_injection
from synth.types import Source

CANDIDATE_PASSAGES = 8
#: a point after the lead is shown only when its value is at least this share of the lead's (chosen on dev: the old
#: question set and the first fresh one; 0.5 showed 22 fewer sentences and found every answer 0 did, 0.6 lost one)
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
) -> list[Quote]:
    """Up to ``max_sentences`` (text, citations, passage ids): the lead excerpt, then new points from others.

    ``credible`` holds the document URLs of credible sources (the lead comes from one when any is relevant);
    ``exclude`` holds sentence texts already shown.
    """
    number = {s.url: s.id for s in sources}
    scored = score_sentences(query, hits[:CANDIDATE_PASSAGES], embedder)
    seen = [set(content_words(t)) for t in exclude]
    candidates = [
        s for s in scored
        if s.hit.passage.doc_url in number and s.relevance >= relevance_min and is_whole_sentence(s.text)
        and not looks_like_injection(s.text) and not s.text.rstrip().endswith("?")  # a question answers nothing
        and not _is_title(s)  # "Why Cheese Slides Off Pizza (and How to Stop It)" is the page's title, not a point
    ]
    if not candidates or max_sentences <= 0:
        return []
    pool = [s for s in candidates if s.hit.passage.doc_url in credible] or candidates
    focus = focus_weights(query, candidates)
    value = {id(s): answer_value(query, s, focus) for s in candidates}
    lead = max(pool, key=lambda s: value[id(s)])
    chosen: list[SentenceScore] = []
    _add(chosen, seen, lead)
    following = [s for s in candidates if s.hit is lead.hit and s.start >= lead.end]
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
    for s in sorted(candidates, key=lambda s: -value[id(s)]):
        if len(chosen) >= max_sentences:
            break
        if value[id(s)] < POINT_RATIO * value[id(lead)]:
            break  # a point is shown only when it is nearly as good an answer as the lead
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


_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|my|me)\b")
# a sentence that reports the question being asked sets the scene rather than answering it ("Every few years a
# reader writes to ask whether eating rocks is good for you", "Many people wonder if ...")
_REPORTED_QUESTION = re.compile(r"\b(ask|asks|asked|asking|wonder|wonders|wondered|wondering)\b[^.;:]*\b(whether|if)\b",
                                re.IGNORECASE)


def answer_value(query: str, s: SentenceScore, focus: dict[str, float] | None = None) -> float:
    """Relevance, preferring sentences that add information to the query over restating it or an anecdote;
    with ``focus`` (``focus_weights``), the lexical half of relevance weighs the query's specific terms."""
    relevance = s.relevance
    if focus is not None:
        relevance = s.relevance_with((s.lexical + focus_share(s, focus)) / 2)
    words = set(content_words(s.text))
    novelty = len(words - set(content_words(query))) / len(words) if words else 0.0
    anecdote = 0.8 if _FIRST_PERSON.search(s.text) else 1.0  # "Just grabbed the oven rack like an idiot"
    if _REPORTED_QUESTION.search(s.text):
        anecdote *= 0.5
    rank = 1.0 / (1.0 + 0.1 * s.hit.rank)  # the ranker's order still counts, as for a featured snippet
    return relevance * (0.4 + 0.6 * novelty) * anecdote * rank
