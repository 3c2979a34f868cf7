"""Types retrieval hands to later stages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

SearchMode = Literal["hybrid", "bm25", "dense"]
"""How to rank passages: both rankers fused, BM25 alone or the dense (embedding) ranker alone."""
SEARCH_MODES: tuple[SearchMode, ...] = get_args(SearchMode)


@dataclass(frozen=True, slots=True)
class Passage:
    """A chunk of one document; ``start``/``end`` are character offsets into ``Document.text``.

    ``id`` is derived from the document's content hash and the offsets, so it survives re-indexing.
    """

    id: str
    doc_url: str
    doc_hash: str
    title: str
    site: str
    heading: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A passage returned by a search, with its fused score and 1-based rank."""

    passage: Passage
    score: float
    rank: int
    sparse_rank: int | None = None
    dense_rank: int | None = None


@dataclass(frozen=True, slots=True)
class Alignment:
    """A span of a passage that supports a sentence; ``start``/``end`` index ``Passage.text``."""

    passage_id: str
    start: int
    end: int
    quote: str
    score: float


@dataclass(frozen=True, slots=True)
class IndexUpdate:
    """What one ``HybridIndex.update`` did: documents added or changed, removed, passages, embedded."""

    added_docs: int
    removed_docs: int
    passages: int
    embedded: int
    version: str = ""
