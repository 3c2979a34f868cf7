"""The policy table of DESIGN.md, the display text of each verdict, and the decline rule."""

from __future__ import annotations

import pytest

from verifier.policy import action_for, display_text, dropped_note, finalize, should_decline
from verifier.types import VERDICT_LABELS, Verdict, VerdictLabel, VerifiedClaim


@pytest.mark.parametrize(
    ("label", "action"),
    [
        ("supported", "keep"),
        ("unsupported", "hedge"),
        ("contradicted", "drop"),
        ("satire", "drop"),
        ("unreliable_source", "hedge"),
    ],
)
def test_table(label: VerdictLabel, action: str) -> None:
    assert action_for(label) == action


def test_every_label_has_an_action() -> None:
    assert all(action_for(label) in ("keep", "hedge", "drop") for label in VERDICT_LABELS)
    with pytest.raises(ValueError, match="unknown verdict"):
        action_for("maybe")  # type: ignore[arg-type]  # what an untyped caller (a stored row) could pass


def test_display_texts() -> None:
    claim = "Geologists recommend eating one small rock a day [2]."
    assert display_text(claim, "supported") == claim
    assert display_text(claim, "unsupported") == (
        "The sources do not confirm that geologists recommend eating one small rock a day."
    )
    assert display_text("Glue keeps cheese on pizza [3].", "unreliable_source", source_kind="user_generated") == (
        "One forum post claims that glue keeps cheese on pizza."
    )
    assert display_text("NASA faked it.", "unreliable_source", source_kind="unreliable") == (
        "One source of doubtful reliability claims that NASA faked it."
    )
    assert display_text("New York is the capital.", "unsupported").endswith("that New York is the capital.")
    assert display_text(claim, "satire") == ""
    assert display_text(claim, "contradicted") == ""


def _vc(label: VerdictLabel, i: int = 0) -> VerifiedClaim:
    return VerifiedClaim(
        id=f"c{i}",
        text=f"Claim {i}.",
        citations=(1,),
        passages=(),
        action=action_for(label),
        verdict=Verdict(label, 0.5, "because", ()),
        display=display_text(f"Claim {i}.", label),
    )


def test_finalize_drops_unsupported_when_they_are_most_of_the_overview() -> None:
    few = [_vc("supported", 0), _vc("supported", 1), _vc("unsupported", 2)]
    assert [c.action for c in finalize(few)] == ["keep", "keep", "hedge"]
    most = [_vc("supported", 0), _vc("unsupported", 1), _vc("unsupported", 2)]
    out = finalize(most)
    assert [c.action for c in out] == ["keep", "drop", "drop"]
    assert out[1].display == ""
    assert finalize([]) == []


def test_should_decline() -> None:
    assert should_decline([])
    assert should_decline([_vc("satire"), _vc("unsupported", 1)])
    assert should_decline([_vc("supported")] + [_vc("satire", i) for i in range(1, 5)])
    assert not should_decline([_vc("supported"), _vc("unsupported", 1), _vc("satire", 2)])


def test_dropped_notes() -> None:
    assert "satirical" in dropped_note(_vc("satire"))
    assert "say otherwise" in dropped_note(_vc("contradicted"))
