"""What the overview does with each verdict (DESIGN.md's table) and when the answer is declined.

| label             | action                                                        |
|-------------------|---------------------------------------------------------------|
| supported         | keep                                                          |
| unsupported       | hedge ("The sources do not confirm that ..."); drop when most |
|                   | of the overview is unsupported                                |
| contradicted      | drop (the reason says what the sources say instead)           |
| satire            | drop ("from a satirical source")                              |
| unreliable_source | hedge with attribution ("One forum post claims ...")          |

``display`` is the text the overview shows for a claim; it is empty for a dropped claim, which is listed
under the overview instead (``dropped_note``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from verifier.types import Action, VerdictLabel, VerifiedClaim

ACTION: dict[VerdictLabel, Action] = {
    "supported": "keep",
    "unsupported": "hedge",
    "contradicted": "drop",
    "satire": "drop",
    "unreliable_source": "hedge",
}
#: unsupported claims are dropped rather than hedged when they are more than this share of the overview
UNSUPPORTED_DROP_SHARE = 0.5
#: ... but only in overviews of at least this many claims (a streamed single claim is hedged, not dropped)
UNSUPPORTED_DROP_MIN_CLAIMS = 3
#: the answer is declined when fewer than this share of its claims are kept (or none is)
MIN_KEPT_SHARE = 0.25


def action_for(label: VerdictLabel) -> Action:
    """The policy action (keep, hedge, drop) for a verdict label."""
    try:
        return ACTION[label]
    except KeyError:
        raise ValueError(f"unknown verdict label {label!r}") from None


def _clause(text: str) -> str:
    """The claim as a clause to follow "that": citation marks and final stop removed, first letter lowered."""
    body = re.sub(r"\s*\[\d+(?:\s*,\s*\d+)*\]", "", text).strip().rstrip(".!;: ")
    words = body.split()
    if not words:
        return body
    first = words[0]
    looks_like_name = (
        not first[:1].isupper()
        or not first[1:].islower()  # acronyms, CamelCase, digits
        or (len(words) > 1 and words[1][:1].isupper())  # "New York", "Joe Biden"
        or re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(first)}\b", body[len(first) :]) is not None
    )
    return body if looks_like_name else first.lower() + body[len(first) :]


def display_text(text: str, label: VerdictLabel, *, source_kind: str = "unreliable") -> str:
    """The text the overview shows for a claim with this verdict ('' when it is dropped).

    ``source_kind`` says who backs an ``unreliable_source`` claim: ``user_generated`` or ``unreliable``.
    """
    action = action_for(label)
    if action == "drop":
        return ""
    if label == "supported":
        return text
    if label == "unsupported":
        return f"The sources do not confirm that {_clause(text)}."
    if source_kind == "user_generated":
        return f"One forum post claims that {_clause(text)}."
    return f"One source of doubtful reliability claims that {_clause(text)}."


def dropped_note(claim: VerifiedClaim) -> str:
    """The line listed under the overview for a dropped claim."""
    if claim.verdict.label == "satire":
        return f'Left out, from a satirical source: "{claim.text}"'
    if claim.verdict.label == "contradicted":
        return f'Left out, the sources say otherwise: "{claim.text}" ({claim.verdict.reason})'
    return f'Left out, not confirmed by the sources: "{claim.text}"'


def finalize(claims: Sequence[VerifiedClaim]) -> list[VerifiedClaim]:
    """Apply the overview-wide rule: drop unsupported claims when they are most of the overview."""
    if len(claims) < UNSUPPORTED_DROP_MIN_CLAIMS:
        return list(claims)
    unsupported = sum(1 for c in claims if c.verdict.label == "unsupported")
    if unsupported / len(claims) <= UNSUPPORTED_DROP_SHARE:
        return list(claims)
    return [
        dataclasses.replace(c, action="drop", display="") if c.verdict.label == "unsupported" else c for c in claims
    ]


def should_decline(verified: Sequence[VerifiedClaim]) -> bool:
    """True when too little survives verification for the overview to be shown (show passages instead)."""
    if not verified:
        return True
    kept = sum(1 for c in verified if c.action == "keep")
    return kept == 0 or kept / len(verified) < MIN_KEPT_SHARE
