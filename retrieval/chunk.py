"""Structure-aware chunking of documents into passages of at most 256 MiniLM wordpieces.

A document's text is cut into sentences (``retrieval.text.split_sentences``); heading-like lines start a new
passage; sentences are packed into a passage until the next one would pass the budget, preferring to cut at
a paragraph break once the passage is reasonably full. A passage cut for size (not at a heading) starts the
next passage with its last sentence when that sentence is short, so a fact on the boundary is found in both.
A sentence longer than the budget is cut at word boundaries by the tokenizer's own offsets.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from crawler.types import Document
from retrieval.embed import MAX_TOKENS, TOKENIZER_PATH
from retrieval.errors import ModelUnavailable
from retrieval.text import STOP_WORDS, split_sentences
from retrieval.types import Passage

CHUNKER_VERSION = 1  # bump when passage boundaries change (passage ids depend on them)
_RULE = re.compile(r"^\s*([=*\-~^#+_])\1{2,}\s*$")  # a reStructuredText/Markdown underline or rule
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")


@lru_cache(maxsize=4)
def load_tokenizer(path: str = str(TOKENIZER_PATH)) -> Any:
    """The MiniLM WordPiece tokenizer (vendored ``tokenizer.json``), without padding or truncation."""
    try:
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise ModelUnavailable("chunking needs the tokenizers package: pip install tokenizers") from exc
    try:
        tok = Tokenizer.from_file(path)
    except Exception as exc:
        raise ModelUnavailable(f"cannot load tokenizer {path}: {exc}") from exc
    tok.no_padding()
    tok.no_truncation()
    return tok


def passage_id(content_hash: str, start: int, end: int) -> str:
    """Stable passage id: first 16 hex digits of sha1(content_hash + start + end)."""
    return hashlib.sha1(f"{content_hash}:{start}:{end}".encode()).hexdigest()[:16]


@dataclass(slots=True)
class _Unit:
    """A sentence (or a piece of an over-long one) with its offsets and wordpiece count."""

    start: int
    end: int
    tokens: int
    heading: bool  # the unit is a heading-like line
    para_start: bool  # a blank line or line break precedes it


def _line_and_next(text: str, start: int, end: int) -> tuple[str, str]:
    """The full line holding ``text[start:end]`` and the line after it."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    if le >= len(text):
        return text[ls:le], ""
    nxt_end = text.find("\n", le + 1)
    return text[ls:le], text[le + 1 : len(text) if nxt_end < 0 else nxt_end]


def is_heading(line: str, next_line: str = "") -> bool:
    """Heading-like: a Markdown ``#`` line, an underlined title, or a short unpunctuated line."""
    s = line.strip()
    if not s or _RULE.match(s):
        return False
    if _MD_HEADING.match(s) or _RULE.match(next_line):
        return True
    n_words = len(s.split())
    return (
        n_words <= 12
        and len(s) <= 60
        and s.split()[-1].casefold() not in STOP_WORDS
        and s[-1] not in ".,;:!?)]}\"'”’"
        and s[0].isalnum()
        and not s[0].islower()
        and bool(next_line.strip())
        and not _RULE.match(s)
    )


def _units(doc_text: str, max_tokens: int, tokenizer: Any) -> list[_Unit]:
    """Sentences of ``doc_text`` as units no longer than ``max_tokens`` wordpieces."""
    spans = split_sentences(doc_text)
    if not spans:
        return []
    encs = tokenizer.encode_batch([doc_text[s:e] for s, e in spans], add_special_tokens=False)
    units: list[_Unit] = []
    prev_end = 0
    for (s, e), enc in zip(spans, encs, strict=True):
        gap = doc_text[prev_end:s]
        para_start = not units or "\n" in gap
        line, nxt = _line_and_next(doc_text, s, e)
        heading = line.strip() == doc_text[s:e].strip() and not _RULE.match(line) and is_heading(line, nxt)
        prev_end = e
        n = len(enc.ids)
        if n <= max_tokens:
            units.append(_Unit(s, e, n, heading, para_start))
            continue
        # Cut an over-long sentence at word boundaries, using the tokenizer's character offsets.
        offsets = enc.offsets
        i = 0
        first = True
        while i < n:
            j = min(i + max_tokens, n)
            if j < n:
                # back off to the start of a word so no word is split across passages
                k = j
                while k > i + max_tokens // 2 and offsets[k][0] == offsets[k - 1][1]:
                    k -= 1
                j = k
            cs = s + offsets[i][0]
            ce = s + offsets[j - 1][1]
            units.append(_Unit(cs, ce, j - i, False, para_start and first))
            first = False
            i = j
    return units


def chunk_document(
    doc: Document,
    *,
    max_tokens: int = MAX_TOKENS,
    overlap_tokens: int = 48,
    tokenizer: Any = None,
) -> list[Passage]:
    """Cut ``doc`` into passages of at most ``max_tokens`` wordpieces ([CLS] and [SEP] included)."""
    text = doc.text
    if not text or not text.strip():
        return []
    tok = tokenizer if tokenizer is not None else load_tokenizer()
    budget = max_tokens - 2  # [CLS] and [SEP]
    units = _units(text, budget, tok)
    groups: list[tuple[list[_Unit], str]] = []
    current: list[_Unit] = []
    used = 0
    heading = ""
    group_heading = ""
    for unit in units:
        starts_section = unit.heading
        full_enough = used >= budget * 0.6 and unit.para_start
        if current and (starts_section or used + unit.tokens > budget or full_enough):
            groups.append((current, group_heading))
            carry: list[_Unit] = []
            size_cut = not starts_section and not full_enough
            last = current[-1]
            small = last.tokens <= overlap_tokens and last.tokens + unit.tokens <= budget
            if size_cut and not last.heading and small:
                carry = [last]
            current, used = carry, sum(u.tokens for u in carry)
        if unit.heading:
            heading = text[unit.start : unit.end].strip().lstrip("#").strip()
        if not current:
            group_heading = heading
        current.append(unit)
        used += unit.tokens
    if current:
        groups.append((current, group_heading))
    passages: list[Passage] = []
    for group, head in groups:
        if all(u.heading for u in group) and len(groups) > 1:
            continue  # a heading alone carries no content; it is the next passage's heading
        start, end = group[0].start, group[-1].end
        passages.append(
            Passage(
                id=passage_id(doc.content_hash, start, end),
                doc_url=doc.url,
                doc_hash=doc.content_hash,
                title=doc.title,
                site=doc.site,
                heading=head,
                text=text[start:end],
                start=start,
                end=end,
            )
        )
    return passages


def chunk_documents(docs: Sequence[Document], **kwargs: Any) -> list[Passage]:
    """Chunk several documents (see ``chunk_document``)."""
    return [p for d in docs for p in chunk_document(d, **kwargs)]
