"""Usefulness, not only caution: on questions that reliable demo pages answer, claims are kept and answers given."""

from __future__ import annotations

import json
from pathlib import Path

from verisight.bench import usefulness
from verisight.engine import Engine
from verisight.gates import usefulness_gate

DEMO = Path(__file__).parents[1] / "verisight" / "demo"
FLOORS = Path(__file__).parents[1] / "verifier" / "data" / "eval_floors.json"


def test_reliable_questions_are_answered_with_kept_claims(private_demo_engine: Engine) -> None:
    """Floors (only ever raised) on the share of claims kept as supported and of answers not declined."""
    questions = [item["q"] for item in json.loads((DEMO / "manifest.json").read_text())["reliable_questions"]]
    assert len(questions) >= 30
    figures = usefulness(private_demo_engine, questions)
    floors = json.loads(FLOORS.read_text())["usefulness_demo"]
    assert figures["claims"] > 0
    detail = [q for q in figures["per_question"] if q["kept"] == 0]
    assert figures["kept_supported_share"] >= floors["kept_supported_share"], detail
    assert figures["answered_share"] >= floors["answered_share"], detail


def test_python_docs_questions_are_answered_with_kept_claims(tmp_path: Path) -> None:
    """The same floors over Python's reference docs (shipped with the interpreter) and 54 labelled questions."""
    gate = usefulness_gate(tmp_path / "data")
    assert gate.figures["questions"] == 54
    assert gate.passed, gate.failures
