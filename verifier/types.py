"""Types the verifier hands to the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

CredibilityLabel = Literal["reliable", "unknown", "user_generated", "unreliable", "satire"]
"""How far a source can be trusted."""
VerdictLabel = Literal["supported", "unsupported", "contradicted", "satire", "unreliable_source"]
"""The verifier's judgement of one claim."""
Action = Literal["keep", "hedge", "drop"]
"""What the policy does with a claim: show it, show it hedged, or leave it out."""
CREDIBILITY_LABELS: tuple[CredibilityLabel, ...] = get_args(CredibilityLabel)
VERDICT_LABELS: tuple[VerdictLabel, ...] = get_args(VerdictLabel)
ACTIONS: tuple[Action, ...] = get_args(Action)


@dataclass(frozen=True, slots=True)
class SourceCredibility:
    """How far a source can be trusted, with the signals that decided it."""

    label: CredibilityLabel
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quote from a passage that bears on a claim; ``start``/``end`` index the passage text."""

    source_id: int
    passage_id: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verifier's judgement of one claim."""

    label: VerdictLabel
    score: float
    reason: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class VerifiedClaim:
    """A claim with its verdict and the action the policy chose (``keep``, ``hedge``, ``drop``)."""

    id: str
    text: str
    citations: tuple[int, ...]
    passages: tuple[str, ...]
    action: Action
    verdict: Verdict
    display: str
