"""Turn model text into sentences and their ``[n]`` citations, incrementally as tokens arrive."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_CITE = re.compile(r"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")
_BOUNDARY = re.compile(r"(?<=[.!?])((?:\s*\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\])*)(?:\s+|$)")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "No.", "approx.")
_SPACES = re.compile(r"\s+")
_PENDING_CITE = re.compile(r"\[[\d,;\s]*(?:\]\s*)?$")


@dataclass(frozen=True, slots=True)
class DraftSentence:
    """A sentence of the draft: its clean text, the numbers it cites and its span in the draft."""

    text: str
    citations: tuple[int, ...]
    start: int
    end: int


def find_citations(text: str) -> tuple[int, ...]:
    """All citation numbers in ``text``, in order of first appearance."""
    seen: list[int] = []
    for match in _CITE.finditer(text):
        for part in re.split(r"[,;]", match.group(1)):
            n = int(part.strip())
            if n not in seen:
                seen.append(n)
    return tuple(seen)


def strip_citations(text: str) -> str:
    """``text`` without its ``[n]`` markers and with tidy spacing."""
    text = _CITE.sub("", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return _SPACES.sub(" ", text).strip()


def _is_abbreviation(text: str, end: int) -> bool:
    before = text[:end].rstrip()
    return any(before.endswith(a) for a in _ABBREVIATIONS) or bool(re.search(r"\b[A-Z]\.$", before))


class SentenceStream:
    """Feed text pieces; complete sentences come out as soon as their boundary (and citations) is seen."""

    def __init__(self) -> None:
        self.text = ""
        self._pos = 0

    def feed(self, piece: str) -> list[DraftSentence]:
        """Add ``piece`` and return the sentences it completed (a sentence needs the next word to close)."""
        self.text += piece
        out: list[DraftSentence] = []
        while True:
            sentence = self._next(final=False)
            if sentence is None:
                return out
            out.append(sentence)

    def close(self) -> list[DraftSentence]:
        """Return every sentence left, the unterminated tail included."""
        out: list[DraftSentence] = []
        while (sentence := self._next(final=True)) is not None:
            out.append(sentence)
        return out

    def _next(self, *, final: bool) -> DraftSentence | None:
        rest = self.text[self._pos :]
        if not rest.strip():
            return None
        for match in _BOUNDARY.finditer(rest):
            if not final and (match.end() == len(rest) or _PENDING_CITE.match(rest, match.end())):
                return None  # citations may still follow the full stop
            if _is_abbreviation(rest, match.start()):
                continue
            return self._emit(match.end())
        if final:
            return self._emit(len(rest))
        return None

    def _emit(self, length: int) -> DraftSentence | None:
        start = self._pos
        raw = self.text[start : start + length]
        self._pos = start + length
        lead = len(raw) - len(raw.lstrip())
        clean = strip_citations(raw)
        if not clean or not re.search(r"\w", clean):
            return self._next(final=True) if self._pos < len(self.text) else None
        return DraftSentence(clean, find_citations(raw), start + lead, start + len(raw.rstrip()))


def split_draft(text: str) -> list[DraftSentence]:
    """Split a whole draft into sentences with their citations."""
    stream = SentenceStream()
    return stream.feed(text) + stream.close()


def join_with_citations(parts: Iterable[tuple[str, tuple[int, ...]]]) -> str:
    """Render sentences as ``Sentence text [1][2].`` joined by spaces."""
    rendered = []
    for text, cites in parts:
        marks = "".join(f"[{n}]" for n in cites)
        body = text.rstrip()
        if body and body[-1] in ".!?" and marks:
            rendered.append(f"{body[:-1]} {marks}{body[-1]}")
        elif marks:
            rendered.append(f"{body} {marks}")
        else:
            rendered.append(body)
    return " ".join(rendered)
