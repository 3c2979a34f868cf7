"""Types the crawler hands to later stages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

FrontierState = Literal["queued", "in_flight", "done", "failed", "skipped"]
"""Where a URL stands in the crawl frontier."""
FRONTIER_STATES: tuple[FrontierState, ...] = get_args(FrontierState)


@dataclass(frozen=True, slots=True)
class Document:
    """One extracted page: the unit the document store keeps and retrieval indexes."""

    url: str
    final_url: str
    canonical_url: str | None
    title: str
    site: str
    author: str | None
    published: str | None
    language: str | None
    text: str
    content_hash: str
    duplicate_of: str | None = None
    fetched_at: str = ""
