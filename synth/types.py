"""Types synth hands to later stages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    """A numbered source shown as ``[id]``: one per document among the passages given to the model."""

    id: int
    url: str
    title: str
    site: str
    published: str | None
    passages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable sentence of the overview, with the source numbers and passage ids it cites.

    ``start``/``end`` are character offsets into ``Overview.draft``.
    """

    id: str
    text: str
    start: int
    end: int
    citations: tuple[int, ...]
    passages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    """The model's draft, split into claims. ``mode`` is ``generated`` or ``extractive``."""

    mode: str
    draft: str
    claims: tuple[Claim, ...]
    sources: tuple[Source, ...]
    model: str
    prompt_version: str
    removed_citations: tuple[int, ...] = ()
