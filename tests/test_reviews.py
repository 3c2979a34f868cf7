"""A reviewer's decision, stored the way the audit view stores it, changes what the engine says next time."""

from __future__ import annotations

from pathlib import Path

from crawler.types import Document
from synth.types import Claim, Source
from tests.helpers import make_settings
from verisight.answers import AnswerStore
from verisight.engine import Engine
from verisight.types import Answer, AnswerOverview, AnswerSource

URL = "https://www.clinic.example/water"
TEXT = (
    "Most healthy adults need about two to three litres of fluid a day. Needs rise in hot weather and during "
    "exercise. Thirst is a reliable guide for most people."
)
CLAIM = "Drinking a glass of water before bed prevents all headaches."


def test_dismissed_flag_makes_the_claim_supported_next_time(tmp_path: Path) -> None:
    engine = Engine(make_settings(tmp_path, synth_mode="extractive"))
    engine.documents.put(
        Document(URL, URL, None, "Hydration", "www.clinic.example", None, None, "en", TEXT, "h1"), b""
    )
    engine.update_index()
    hits = engine.search("how much water", k=3)
    passages = {h.passage.id: h.passage for h in hits}
    source = Source(1, URL, "Hydration", "www.clinic.example", None, tuple(passages))
    claim = Claim("c1", CLAIM, 0, len(CLAIM), (1,), tuple(passages))
    credibility = {1: engine.assessor.assess(source, {})}

    [first] = engine.verifier.verify([claim], [source], passages, credibility)
    assert first.verdict.label == "unsupported" and first.action != "keep"
    overview = AnswerOverview("generated", "", CLAIM, (first,))
    answer = Answer("q", "a1", overview, (AnswerSource(1, URL, "Hydration", "www.clinic.example", None,
                                                      credibility[1]),))
    engine.answers.save(answer)

    # the reviewer dismisses the flag on the group, exactly as the audit route does
    store = AnswerStore(engine.settings.answers_db)
    [group] = list(store.claim_groups("flagged"))
    store.decide(group["norm"], group["domain"], group["text"], "dismiss", "rita")
    assert [g["id"] for g in store.claim_groups("dismissed")] == [group["id"]]

    [second] = engine.verifier.verify([claim], [source], passages, credibility,
                                      reviewer_supported=engine.answers.dismissed())
    assert second.verdict.label == "supported" and second.action == "keep"
    engine.close()
