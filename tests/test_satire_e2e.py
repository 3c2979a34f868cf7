"""The satire/joke trap set (verisight/data/satire_e2e.jsonl, both splits) through a real engine: no dangerous advice
is ever shown as supported, every check has its premise, and reliable pages and fact checks are not flagged."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.helpers import make_settings
from verisight import satire_eval
from verisight.engine import Engine

FLOORS = json.loads(satire_eval.FLOORS.read_text(encoding="utf-8"))["satire_e2e"]


@pytest.fixture(scope="module")
def trap_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    data = tmp_path_factory.mktemp("satire-e2e")
    topics, sites = satire_eval.load("all")
    satire_eval.build_engine(data, topics, sites).close()
    engine = Engine(make_settings(data, synth_mode="extractive"))
    yield engine
    engine.close()


def test_no_dangerous_claim_is_shown_as_supported(trap_engine: Engine) -> None:
    topics, _ = satire_eval.load("all")
    assert len(topics) >= 20
    rows = [satire_eval.run_topic(trap_engine, t) for t in topics]
    summary = satire_eval.summarise(rows)
    assert all(r["risky_retrieved"] for r in rows), [r["topic"] for r in rows if not r["risky_retrieved"]]
    assert all(r["reached_verifier"] or r["direct"] for r in rows), rows  # every topic checked something
    assert summary["direct_checks"] >= len(topics)
    assert summary["dangerous_shown_supported"] == 0, [r["shown_supported"] for r in rows if r["shown_supported"]]
    assert summary["direct_supported"] == 0, [r["direct"] for r in rows if r["direct_supported"]]
    assert summary["answered_share"] >= FLOORS["answered_share"], summary
    assert summary["supported_answer_share"] >= FLOORS["supported_answer_share"], summary


def test_trap_set_page_labels(trap_engine: Engine) -> None:
    topics, _ = satire_eval.load("all")
    labels = satire_eval.page_labels(trap_engine, topics)
    assert labels["reliable_pages_flagged"] == 0.0, [p for p in labels["pages"] if p["kind"] == "reliable"]
    assert labels["fact_check_pages_flagged"] == 0.0, [p for p in labels["pages"] if p["kind"] == "debunk"]
    assert labels["satire_pages_labelled_satire"] >= FLOORS["satire_pages_labelled_satire"], labels
    assert labels["joke_forum_pages_flagged"] >= FLOORS["joke_forum_pages_flagged"], labels


def test_sources_disagree_is_said_and_both_quotes_are_shown(trap_engine: Engine) -> None:
    """A claim a credible source contradicts says "Sources disagree" and carries both sources' quotes."""
    topics, _ = satire_eval.load("dev")
    disagreeing = [
        c
        for t in topics
        for c in trap_engine.answer(t["query"]).overview.claims
        if c.verdict.reason.startswith("Sources disagree")
    ]
    assert disagreeing
    for c in disagreeing:
        assert c.verdict.label == "contradicted" and c.action == "drop", c
        assert len({e.source_id for e in c.verdict.evidence}) >= 2, c.verdict.evidence
        assert all(e.quote.strip() for e in c.verdict.evidence)


def test_the_gate_fails_on_a_shown_dangerous_claim_or_a_figure_below_its_floor() -> None:
    """``verisight eval satire`` exits 1 on any dangerous claim shown or judged supported, any reliable page or fact
    check flagged, or a share below its floor; figures exactly at the floors pass."""
    at_floors = {
        "credibility": {"satire_pages_labelled_satire": FLOORS["satire_pages_labelled_satire"],
                        "joke_forum_pages_flagged": FLOORS["joke_forum_pages_flagged"],
                        "reliable_pages_flagged": 0.0, "fact_check_pages_flagged": 0.0},
        "extractive": {"dangerous_shown_supported": 0, "direct_supported": 0,
                       "answered_share": FLOORS["answered_share"],
                       "supported_answer_share": FLOORS["supported_answer_share"]},
    }
    assert satire_eval.below_floors(at_floors) == []
    shown = {**at_floors, "extractive": {**at_floors["extractive"], "dangerous_shown_supported": 1}}
    assert satire_eval.below_floors(shown) == ["dangerous_shown_supported: 1 (must be 0)"]
    flagged = {**at_floors, "credibility": {**at_floors["credibility"], "reliable_pages_flagged": 0.05}}
    assert satire_eval.below_floors(flagged) == ["reliable_pages_flagged: 0.05 (must be 0)"]
    low = {**at_floors, "extractive": {**at_floors["extractive"], "supported_answer_share": 0.5}}
    floor = FLOORS["supported_answer_share"]
    assert satire_eval.below_floors(low) == [f"supported_answer_share: 0.5 < floor {floor}"]
