"""Types synth hands to later stages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

SynthMode = Literal["auto", "generated", "extractive"]
"""The ``synth_mode`` setting: the LLM writes (generated), quote passage sentences (extractive), or choose (auto)."""
SYNTH_MODES: tuple[SynthMode, ...] = get_args(SynthMode)
#: how an extractive overview scores candidate sentences: the learned ranker (``synth.ranker``) or the hand-set
#: ``answer_value`` it replaced (kept as the baseline ``verisight eval answers`` is compared with)
LeadRanker = Literal["learned", "heuristic"]
OverviewMode = Literal["generated", "extractive"]
"""How an overview was written."""
SynthEventKind = Literal["sources", "token", "claim", "overview", "error"]
"""The kinds of step ``Synthesizer.stream`` yields."""


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

    mode: OverviewMode
    draft: str
    claims: tuple[Claim, ...]
    sources: tuple[Source, ...]
    model: str
    prompt_version: str
    removed_citations: tuple[int, ...] = ()
