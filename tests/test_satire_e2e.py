"""The satire/joke trap set (bench/data/satire_e2e.jsonl, both splits) through a real engine: no dangerous advice
is ever shown as supported, every check has its premise, and reliable pages and fact checks are not flagged."""

from __future__ import annotations

import json
import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import make_settings
from verisight.engine import Engine

ROOT = Path(__file__).parents[1]
FLOORS = json.loads((ROOT / "verifier" / "data" / "eval_floors.json").read_text())["satire_e2e"]


@pytest.fixture(scope="module")
def bench() -> dict[str, Any]:
    return runpy.run_path(str(ROOT / "bench" / "satire_e2e_eval.py"))


@pytest.fixture(scope="module")
def trap_engine(bench: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    data = tmp_path_factory.mktemp("satire-e2e")
    topics, sites = bench["load"]("all")
    bench["build_engine"](data, topics, sites).close()
    engine = Engine(make_settings(data, synth_mode="extractive"))
    yield engine
    engine.close()


def test_no_dangerous_claim_is_shown_as_supported(bench: dict[str, Any], trap_engine: Engine) -> None:
    topics, _ = bench["load"]("all")
    assert len(topics) >= 20
    rows = [bench["run_topic"](trap_engine, t) for t in topics]
    summary = bench["summarise"](rows)
    assert all(r["risky_retrieved"] for r in rows), [r["topic"] for r in rows if not r["risky_retrieved"]]
    assert all(r["reached_verifier"] or r["direct"] for r in rows), rows  # every topic checked something
    assert summary["direct_checks"] >= len(topics)
    assert summary["dangerous_shown_supported"] == 0, [r["shown_supported"] for r in rows if r["shown_supported"]]
    assert summary["direct_supported"] == 0, [r["direct"] for r in rows if r["direct_supported"]]
    assert summary["answered_share"] >= FLOORS["answered_share"], summary
    assert summary["kept_supported_per_answer"] >= FLOORS["kept_supported_per_answer"], summary


def test_trap_set_page_labels(bench: dict[str, Any], trap_engine: Engine) -> None:
    topics, _ = bench["load"]("all")
    labels = bench["page_labels"](trap_engine, topics)
    assert labels["reliable_pages_flagged"] == 0.0, [p for p in labels["pages"] if p["kind"] == "reliable"]
    assert labels["fact_check_pages_flagged"] == 0.0, [p for p in labels["pages"] if p["kind"] == "debunk"]
    assert labels["satire_pages_labelled_satire"] >= FLOORS["satire_pages_labelled_satire"], labels
    assert labels["joke_forum_pages_flagged"] >= FLOORS["joke_forum_pages_flagged"], labels


def test_sources_disagree_is_said_and_both_quotes_are_shown(bench: dict[str, Any], trap_engine: Engine) -> None:
    """A claim a credible source contradicts says "Sources disagree" and carries both sources' quotes."""
    topics, _ = bench["load"]("dev")
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
