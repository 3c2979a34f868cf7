"""Types the verifier hands to the composition root."""

from __future__ import annotations

from dataclasses import dataclass

CREDIBILITY_LABELS = ("reliable", "unknown", "user_generated", "unreliable", "satire")
VERDICT_LABELS = ("supported", "unsupported", "contradicted", "satire", "unreliable_source")
ACTIONS = ("keep", "hedge", "drop")


@dataclass(frozen=True, slots=True)
class SourceCredibility:
    """How far a source can be trusted, with the signals that decided it."""

    label: str
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

    label: str
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
    action: str
    verdict: Verdict
    display: str
