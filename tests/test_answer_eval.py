"""``verisight eval answers``: the figures on the test split and the held-out sets stay above their floors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import make_settings, skip_or_fail
from verisight.answer_eval import QUESTIONS, evaluate, is_fragment, load_questions, matches, split_of
from verisight.engine import Engine
from verisight.errors import BadQuery

FLOORS = Path(__file__).parents[1] / "verisight" / "data" / "answer_floors.json"


def test_demo_test_questions_are_answered_or_declined_above_the_floors(demo_engine: Engine) -> None:
    """Floors (only ever raised) measured once on the test split, the snippet baseline from the same run."""
    questions = load_questions(QUESTIONS, corpus="demo", split="test")
    assert len(questions) == 40
    figures = evaluate(demo_engine, questions)
    floors = json.loads(FLOORS.read_text())["demo_test"]
    missed = [p["q"] for p in figures["per_question"] if p["answerable"] and not p["found"]]
    assert figures["answer_rate"] >= floors["answer_rate"], missed
    assert figures["answer_rate"] > figures["snippet_rate"]
    assert figures["unanswerable_declined"] >= floors["unanswerable_declined"]
    assert figures["answerable_declined"] <= floors["answerable_declined_max"]
    assert figures["fragments"] <= floors["fragments_max"], [p["fragments"] for p in figures["per_question"]]


HELD_OUT = [  # (question file, corpus, floor key): sets written by someone who had seen no answer, read once
    ("answer_questions_fresh.jsonl", "demo", "demo_fresh"),
    ("answer_questions_fresh2.jsonl", "demo", "demo_fresh2"),
    ("answer_questions_fresh.jsonl", "pydocs", "pydocs_fresh"),
    ("answer_questions_fresh2.jsonl", "pydocs", "pydocs_fresh2"),
    ("answer_questions_fresh3.jsonl", "demo", "demo_fresh3"),
    ("answer_questions_fresh3.jsonl", "pydocs", "pydocs_fresh3"),
    ("answer_questions_fresh4.jsonl", "demo", "demo_fresh4"),
    ("answer_questions_fresh4.jsonl", "pydocs", "pydocs_fresh4"),
    ("answer_questions_fresh5.jsonl", "demo", "demo_fresh5"),
    ("answer_questions_fresh5.jsonl", "pydocs", "pydocs_fresh5"),
    ("answer_questions_fresh6.jsonl", "demo", "demo_fresh6"),
    ("answer_questions_fresh6.jsonl", "pydocs", "pydocs_fresh6"),
    ("answer_questions_fresh7.jsonl", "demo", "demo_fresh7"),
    ("answer_questions_fresh7.jsonl", "pydocs", "pydocs_fresh7"),
    ("answer_questions_fresh8.jsonl", "demo", "demo_fresh8"),
    ("answer_questions_fresh8.jsonl", "pydocs", "pydocs_fresh8"),
    ("answer_questions_fresh9.jsonl", "demo", "demo_fresh9"),
    ("answer_questions_fresh9.jsonl", "pydocs", "pydocs_fresh9"),
    ("answer_questions_fresh10.jsonl", "demo", "demo_fresh10"),
    ("answer_questions_fresh10.jsonl", "pydocs", "pydocs_fresh10"),
    ("answer_questions_fresh11.jsonl", "demo", "demo_fresh11"),
    ("answer_questions_fresh11.jsonl", "pydocs", "pydocs_fresh11"),
    ("answer_questions_fresh12.jsonl", "demo", "demo_fresh12"),
    ("answer_questions_fresh12.jsonl", "pydocs", "pydocs_fresh12"),
    ("answer_questions_fresh13.jsonl", "demo", "demo_fresh13"),
    ("answer_questions_fresh13.jsonl", "pydocs", "pydocs_fresh13"),
]


@pytest.fixture(scope="module")
def pydocs_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """An engine over the Python-docs corpus (``verisight.pydocs_site``: Debian's python3.11-doc, crawled from a
    real HTTP server on 127.0.0.1 and indexed); ``make test`` installs the docs where it can."""
    from verisight.pydocs_site import DOCS, build

    if not (DOCS / "tutorial" / "index.html").is_file():
        skip_or_fail(f"no Python docs at {DOCS} (apt-get install python3.11-doc; make test installs it)")
    data = tmp_path_factory.mktemp("pydocs-data")
    build(data)
    engine = Engine(make_settings(data))
    yield engine
    engine.close()


@pytest.mark.parametrize(("name", "corpus", "key"), HELD_OUT, ids=[k for _, _, k in HELD_OUT])
def test_held_out_questions_stay_above_their_floors(
    name: str, corpus: str, key: str, request: pytest.FixtureRequest
) -> None:
    """The held-out sets' figures as measured when each was read once (then pinned; only ever raised).

    They are far below the issue's targets, above all on declines (near-miss questions the pages do not answer
    mostly get an overview); the floors keep what was measured from slipping. ``pydocs_fresh2`` allows one
    fragment: a Python-docs sentence that ends its list with the page's own "etc…". Session 9 traded answers
    for declines on the demo sets (the rare-word rule declines "toddler", "git" and "defrost" questions the pages
    answer in other words) and re-pinned those floors at the measured figures: see docs/measurements.md.
    """
    engine: Engine = request.getfixturevalue("demo_engine" if corpus == "demo" else "pydocs_engine")
    questions = load_questions(QUESTIONS.with_name(name), corpus=corpus)
    figures = evaluate(engine, questions)
    floors = json.loads(FLOORS.read_text())[key]
    missed = [p["q"] for p in figures["per_question"] if p["answerable"] and not p["found"]]
    assert figures["answer_rate"] >= floors["answer_rate"], missed
    if floors["above_snippet"]:  # the overview beat the best passage's first 400 characters when it was read
        assert figures["answer_rate"] > figures["snippet_rate"]
    assert figures["unanswerable_declined"] >= floors["unanswerable_declined"]
    assert figures["answerable_declined"] <= floors["answerable_declined_max"]
    assert figures["fragments"] <= floors["fragments_max"], [p["fragments"] for p in figures["per_question"]]


def test_the_question_set_and_its_split_are_fixed() -> None:
    """At least 120 questions, 30 unanswerable, each answerable one with a key; the split is sha1 parity."""
    rows = load_questions(QUESTIONS)
    assert len(rows) >= 120
    assert sum(not r["answerable"] for r in rows) >= 30
    assert all(r["split"] == split_of(r["q"]) for r in rows)


def test_answer_keys_and_fragments() -> None:
    """A regex key matches case-insensitively, nuggets must all appear; fragments open mid-sentence or are cut."""
    assert matches("Cool it for 20 Minutes.", {"regex": r"20 minutes"})
    assert not matches("Cool it.", {"nuggets": ["cool", "20"]})
    assert is_fragment("be used inside a coroutine function declared with async def.")
    assert is_fragment("Hold the burn under running water for …")
    assert not is_fragment("sorted() returns a new list.")
    # an API entry's quote is led by the signature it describes
    assert not is_fragment("os.path.exists(path): Return True if path refers to an existing path.")
    assert not is_fragment("int(x): Return an integer object constructed from a number or string x.")
    assert is_fragment("be (as in the example) used here.")
    assert is_fragment("Note that these methods round the values to the given number of decimal places (i.e.")
    assert not is_fragment("Use sorted() for lists, tuples, etc.")
    assert not is_fragment("duck-typing: A programming style which does not look at an object's type.")
    assert is_fragment("duck-typing: a programming style which does not look at an object's type.")
    assert not is_fragment("Hold the burn under cool running water for 20 minutes.")
    assert not is_fragment("The try … except statement has an optional else clause.")  # the page's own "…"
    assert is_fragment("… and then the statement ends.")


def test_a_bad_question_file_is_a_clear_error(tmp_path: Path) -> None:
    """A row without an answer key names the file and line."""
    path = tmp_path / "q.jsonl"
    path.write_text('{"q": "What is x?", "answerable": true}\n', encoding="utf-8")
    with pytest.raises(BadQuery, match=r"q.jsonl:1"):
        load_questions(path)


def test_eval_answers_from_the_command_line(demo_data: Path, tmp_path: Path) -> None:
    """``verisight eval answers --questions FILE --json``: JSON figures on stdout, nothing else there."""
    path = tmp_path / "q.jsonl"
    rows = [
        {"q": "How long should you cool a burn under running water?", "answerable": True,
         "answer": {"regex": "20 minutes"}},
        {"q": "Who won the 2018 FIFA World Cup?", "answerable": False},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    data = tmp_path / "data"
    shutil.copytree(demo_data, data)
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from verisight.cli import main; sys.exit(main())", "eval", "answers",
         "--questions", str(path), "--data", str(data), "--json"],
        capture_output=True, text=True, timeout=300,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["questions"] == 2
    assert figures["answer_rate"] == 1.0 and figures["unanswerable_declined"] == 1.0
    assert set(figures["latency_ms"]) == {"p50", "p95"}


def test_the_gate_fit_lets_every_must_pass_question_through_and_reads_unknown_terms() -> None:
    """The threshold declines the most unanswerable rows that it can without declining a known-answerable one;
    a question whose terms the corpus never uses scores lower than the same match without them; rows the
    rare-word rule declines are left out of the fit, and a must-pass question it would decline stops the fit."""
    from synth.answerability import Features
    from verisight.answer_gate import fit

    answerable = [(Features(0.5, 0.55 + 0.01 * i, 0.0, 0.6), True) for i in range(20)]
    unanswerable = [(Features(0.3, 0.35 + 0.01 * i, 0.5, 0.3), False) for i in range(10)]
    ruled = [(Features(0.9, 0.95, 0.2, 0.9, ("selenium",)), False)]  # would teach a high cosine to decline
    hard = [Features(0.3, 0.42, 0.25, 0.3)]  # an answerable question in words the corpus lacks: must pass
    model = fit([*answerable, *unanswerable, *ruled], relevance_min=0.35, must_pass=hard)
    assert model.w_lexical == 0.0 and model.rare_weight > 0
    assert model.probability(hard[0]) >= model.threshold
    assert all(model.probability(f) >= model.threshold for f, _ in answerable)
    assert sum(model.probability(f) < model.threshold for f, _ in unanswerable) >= 5
    assert model.probability(ruled[0][0]) == 0.0
    assert model.probability(Features(0.3, 0.45, 0.5, 0.3)) < model.probability(Features(0.3, 0.45, 0.0, 0.3))
    with pytest.raises(ValueError, match="must-pass"):
        fit(answerable, relevance_min=0.35, must_pass=[Features(0.5, 0.6, 0.0, 0.6, ("lazili",))])
