"""The external-set suite: page building, the choose/report split, AUC, and a run of the real embedded judge."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from verifier.errors import EvalDataError
from verifier.external import EVAL_ONLY, HELD_TRAIN, PAGE_WORDS, auc, evaluate_suite, load_suite, wice_pages
from verifier.judges import get_judge

FACTS = [
    ("The bridge over the river was opened in 1932 by the mayor.", "The bridge opened in 1932."),
    ("Maria Lopez won the city chess title three years in a row.", "Maria Lopez won the chess title."),
    ("The museum keeps a collection of old maps and sea charts.", "The museum holds old maps."),
    ("Wheat is grown on the plains north of the capital.", "Wheat grows north of the capital."),
    ("The library closes at six on weekdays and at noon on Saturdays.", "The library closes at six on weekdays."),
    ("A new tram line links the airport with the central station.", "A tram links the airport and the station."),
]
WRONG = ["The bridge opened in 1990.", "Maria Lopez lost every chess game.", "The museum holds no maps."]


def _rows(split: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = [
        {"premise": p, "hypothesis": h, "label": 1, "split": split} for p, h in FACTS
    ]
    rows += [{"premise": FACTS[i][0], "hypothesis": w, "label": 0, "split": split} for i, w in enumerate(WRONG)]
    return rows


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shared-data")
    for name in EVAL_ONLY:
        _write(root / "nli" / "eval-only" / f"{name}.jsonl.gz", _rows("test"))
    for name, (test, dev) in HELD_TRAIN.items():
        _write(root / "nli" / "train" / f"{name}.jsonl.gz", _rows(test[0]) + _rows(dev[0]))
    claims = root / "claims"
    claims.mkdir()
    fc = [{"claim": h, "evidence": p, "stance": "completely-support"} for p, h in FACTS]
    fc += [{"claim": w, "evidence": FACTS[i][0], "stance": "refute"} for i, w in enumerate(WRONG)]
    (claims / "factcheckgpt_claim_evidence_stance.jsonl").write_text("\n".join(map(json.dumps, fc)) + "\n")
    wice = [{"claim": h, "evidence": [p, "Unrelated text."], "supporting_sentences": [[0]], "label": "supported"}
            for p, h in FACTS[:3]]
    wice.append({"claim": WRONG[0], "evidence": [FACTS[0][0]], "supporting_sentences": [], "label": "not_supported"})
    (claims / "wice_dev.jsonl").write_text("\n".join(map(json.dumps, wice)) + "\n")
    return root


def test_auc_counts_ties_half() -> None:
    assert auc([0.9, 0.8, 0.1], [True, True, False]) == 1.0
    assert auc([0.1, 0.9], [True, False]) == 0.0
    assert auc([0.5, 0.5], [True, False]) == 0.5


def test_suite_pages_hide_the_premise_and_keep_choose_and_report_apart(data: Path) -> None:
    suite = load_suite(data, limit=0)
    report, choose = suite["report"], suite["choose"]
    assert {f"{n}_test" for n in HELD_TRAIN} <= set(report) and set(EVAL_ONLY) <= set(report)
    assert "factcheckgpt_heldout_pages" in report and "wice_dev" not in report
    for name in EVAL_ONLY:  # a claim is in one split only
        assert not {c for c, *_ in report[name]} & {c for c, *_ in choose[name]}
    claim, sentences, label = report["fool_me_twice_test"][0]
    page = " ".join(sentences)
    assert label in (True, False) and len(page.split()) >= min(PAGE_WORDS, 60)
    assert any(p in page for p, h in FACTS if h == claim) or any(claim == w for w in WRONG)


def test_suite_reports_every_judge_with_wice_scored_once(data: Path) -> None:
    suite = load_suite(data, limit=0)
    result = evaluate_suite({"embedded": get_judge("embedded")}, suite, wice_pages(data))
    figures = result["embedded"]
    assert set(figures["sets"]) == set(suite["report"])
    assert 0.0 <= figures["mean_balanced_accuracy"] <= 1.0 and figures["claims_per_s"] > 0
    assert figures["wice_dev"]["own"]["n"] == 4
    assert figures["mean_auc"] > 0.5  # the facts are easy: a judge that reads words separates them


def test_suite_needs_the_shared_data_folder(tmp_path: Path) -> None:
    with pytest.raises(EvalDataError):
        load_suite(tmp_path)


def test_cli_eval_verifier_suite_prints_json_only(data: Path, tmp_path: Path) -> None:
    """``verisight eval verifier --suite DIR --json``: JSON on stdout, progress on stderr, embedded as baseline and
    the session-1 judge (package data) scored in the same run."""
    import os
    import subprocess
    import sys

    env = {"VERISIGHT_HOME": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    if os.environ.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from verisight.cli import main; sys.exit(main())",
         "eval", "verifier", "--suite", str(data), "--limit", "0", "--json"],
        capture_output=True, text=True, timeout=300, env=env,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert list(result) == ["embedded", "embedded_session1"]
    shipped, session1 = result["embedded"], result["embedded_session1"]
    assert "wice_dev" in shipped and "fool_me_twice_test" in shipped["sets"]
    assert set(shipped["sets"]) == set(session1["sets"]) and session1["wice_dev"]["own"]["n"] == 4
    assert shipped["threshold"] != session1["threshold"]  # two different judges, not one scored twice
    assert "WiCE dev" in proc.stderr
