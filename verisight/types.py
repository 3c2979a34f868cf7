"""The answer the engine returns: ``asdict(answer)`` is the JSON of ``POST /api/answer``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from verifier.types import SourceCredibility, VerifiedClaim

AnswerMode = Literal["generated", "extractive", "declined"]
"""How the overview was written, or ``declined`` when the sources do not answer the question."""
EventKind = Literal["sources", "token", "claim", "done", "error"]
"""The kinds of event a streamed answer sends (``Engine.answer_stream`` and the SSE endpoint)."""


@dataclass(frozen=True, slots=True)
class AnswerSource:
    """A numbered source with its credibility, as listed under the overview."""

    id: int
    url: str
    title: str
    site: str
    published: str | None
    credibility: SourceCredibility


@dataclass(frozen=True, slots=True)
class AnswerOverview:
    """What the page shows: ``text`` after the policy, ``draft`` as the model wrote it.

    ``notice`` tells the reader when the model failed (e.g. timed out) and the overview was quoted instead.
    """

    mode: AnswerMode
    text: str
    draft: str
    claims: tuple[VerifiedClaim, ...]
    notice: str = ""


@dataclass(frozen=True, slots=True)
class Answer:
    """A full, verified answer to one query."""

    query: str
    answer_id: str
    overview: AnswerOverview
    sources: tuple[AnswerSource, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)
    models: dict[str, str] = field(default_factory=dict)
    passages: tuple[dict[str, object], ...] = ()
