"""Alignment: which sentence spans of which passages best support a given sentence.

Synth's attribution and the verifier's evidence both call ``align``. Each passage is split into sentences
(``retrieval.text.split_sentences``); every sentence and every window of two adjacent sentences is a
candidate span. A span scores by the share of the sentence's content words (stemmed) it contains and, when
an embedder is given, by embedding cosine; a two-sentence window is embedded as the normalised sum of its
sentences' vectors, so each passage sentence is embedded once (and cached by the embedder).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from retrieval.embed import Embedder
from retrieval.text import split_sentences, tokenize
from retrieval.types import Alignment, Passage

LEXICAL_WEIGHT = 0.5  # with an embedder: score = 0.5 * lexical + 0.5 * max(cosine, 0)
WINDOW_PENALTY = 0.97  # a two-sentence window must beat its best single sentence to be preferred


@dataclass(frozen=True, slots=True)
class _Span:
    """One candidate span: passage index, sentence index range [first, last] and character offsets."""

    passage: int
    first: int
    last: int
    start: int
    end: int


def lexical_support(sentence_terms: set[str], span_terms: set[str]) -> float:
    """Share of the sentence's distinct content terms found in the span (0 when the sentence has none)."""
    if not sentence_terms:
        return 0.0
    return len(sentence_terms & span_terms) / len(sentence_terms)


def align(
    sentence: str,
    passages: Sequence[Passage],
    embedder: Embedder | None = None,
    *,
    top: int = 3,
) -> list[Alignment]:
    """Best supporting sentence spans for ``sentence`` in ``passages``, best first, non-overlapping.

    ``score`` lies in [0, 1]. ``start``/``end`` index ``Passage.text`` and ``quote`` is that slice.
    """
    if top <= 0 or not passages or not sentence.strip():
        return []
    claim_terms = set(tokenize(sentence))
    spans: list[_Span] = []
    sent_texts: list[str] = []
    sent_terms: list[set[str]] = []
    first_sent: list[int] = []  # index into sent_texts of each passage's first sentence
    for p_i, passage in enumerate(passages):
        offsets = split_sentences(passage.text)
        first_sent.append(len(sent_texts))
        for s_i, (s, e) in enumerate(offsets):
            sent_texts.append(passage.text[s:e])
            sent_terms.append(set(tokenize(passage.text[s:e])))
            spans.append(_Span(p_i, s_i, s_i, s, e))
            if s_i > 0:
                spans.append(_Span(p_i, s_i - 1, s_i, offsets[s_i - 1][0], e))
    if not spans:
        return []

    cos_sent: np.ndarray | None = None
    vecs: np.ndarray | None = None
    if embedder is not None:
        mat = embedder.embed([sentence, *sent_texts])
        query, vecs = mat[0], mat[1:]
        cos_sent = vecs @ query

    scored: list[tuple[float, _Span]] = []
    for span in spans:
        a = first_sent[span.passage] + span.first
        b = first_sent[span.passage] + span.last
        terms = sent_terms[a] if a == b else sent_terms[a] | sent_terms[b]
        score = lexical_support(claim_terms, terms)
        if cos_sent is not None and vecs is not None:
            if a == b:
                cos = float(cos_sent[a])
            else:
                pair = vecs[a] + vecs[b]
                cos = float(pair @ mat[0] / max(float(np.linalg.norm(pair)), 1e-12))
            score = LEXICAL_WEIGHT * score + (1.0 - LEXICAL_WEIGHT) * max(cos, 0.0)
        if a != b:
            score *= WINDOW_PENALTY
        scored.append((score, span))
    scored.sort(key=lambda x: (-x[0], x[1].passage, x[1].start, x[1].end))

    chosen: list[tuple[float, _Span]] = []
    for score, span in scored:
        if score <= 0.0:
            break
        if any(c.passage == span.passage and c.start < span.end and span.start < c.end for _, c in chosen):
            continue
        chosen.append((score, span))
        if len(chosen) == top:
            break
    return [
        Alignment(
            passage_id=passages[span.passage].id,
            start=span.start,
            end=span.end,
            quote=passages[span.passage].text[span.start : span.end],
            score=round(min(max(score, 0.0), 1.0), 6),
        )
        for score, span in chosen
    ]
