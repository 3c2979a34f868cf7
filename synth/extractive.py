"""The extractive overview: the passage sentences that best answer the query, quoted with citations."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.align import align
from retrieval.embed import Embedder
from retrieval.text import content_words
from retrieval.types import Hit
from synth.parse import strip_citations
from synth.sanitize import looks_like_injection
from synth.types import Source


def extract_sentences(
    query: str,
    hits: Sequence[Hit],
    sources: Sequence[Source],
    embedder: Embedder | None = None,
    *,
    max_sentences: int = 3,
    max_chars: int = 320,
) -> list[tuple[str, tuple[int, ...], tuple[str, ...]]]:
    """Pick up to ``max_sentences`` (text, citations, passage ids): the best span of each of the top passages."""
    number = {s.url: s.id for s in sources}
    chosen: list[tuple[str, tuple[int, ...], tuple[str, ...]]] = []
    seen_text: set[str] = set()
    for hit in hits:
        if len(chosen) >= max_sentences:
            break
        sid = number.get(hit.passage.doc_url)
        if sid is None:
            continue
        scored = [(a.score, _statement(a.quote)) for a in align(query, [hit.passage], embedder, top=5)]
        usable = [(_answer_likeness(query, q) * score, q) for score, q in scored if q and not looks_like_injection(q)]
        if not usable:
            continue
        quote = max(usable, key=lambda item: item[0])[1]
        if len(quote) > max_chars:
            cut = quote[:max_chars]
            quote = cut[: cut.rfind(" ")] + " …" if " " in cut else cut
        key = quote.lower()
        if len(quote) < 20 or key in seen_text:
            continue
        seen_text.add(key)
        chosen.append((quote, (sid,), (hit.passage.id,)))
    return chosen


_FIRST_PERSON = re.compile(r"\b(I|I'm|I've|my|me)\b")


def _answer_likeness(query: str, sentence: str) -> float:
    """Prefer sentences that add information to the query over ones that restate it or tell an anecdote."""
    words = set(content_words(sentence))
    novelty = len(words - set(content_words(query))) / len(words) if words else 0.0
    anecdote = 0.8 if _FIRST_PERSON.search(sentence) else 1.0
    return (0.6 + 0.4 * novelty) * anecdote


def _statement(span: str) -> str:
    """The span as a quotable statement: headings and forum chrome before a line break cut off; '' if unusable."""
    lines = [" ".join(line.split()) for line in span.splitlines() if line.strip()]
    while len(lines) > 1 and not lines[0].endswith((".", "!", ":", ";")):
        lines.pop(0)  # a heading or a "Reply · Quote" line glued to the sentence
    # "[7]" in page text would read as one of our citations: drop such markers from the quote
    text = strip_citations(" ".join(lines).lstrip("-•* ").strip())
    if len(text.split()) < 6 or text[-1:] not in ".!\"'”":
        return ""
    return text
