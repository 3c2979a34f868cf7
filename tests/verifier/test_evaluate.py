"""evaluate(): loading the public claim files and scoring a judge on them, with pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import shared_data
from verifier.errors import EvalDataError
from verifier.evaluate import (
    by_claim,
    composite_page,
    composite_pages,
    composite_pairs,
    evaluate,
    heldout_split,
    load_claims,
    metrics,
    pseudo_page,
    score_rows,
)
from verifier.judges import get_judge

FLOORS = Path(__file__).parents[2] / "verifier" / "data" / "eval_floors.json"


@pytest.fixture
def claims() -> Path:
    """``../shared/data/claims``: the test skips without it, and fails in CI (``CI=true``)."""
    return shared_data("claims")


def _slice(src: Path, dst: Path, n: int) -> Path:
    with src.open(encoding="utf-8") as fh:
        dst.write_text("".join(next(fh) for _ in range(n)), encoding="utf-8")
    return dst


def test_load_wice_slice_partial_support_is_not_supported(claims: Path, tmp_path: Path) -> None:
    rows = load_claims(_slice(claims / "wice_dev.jsonl", tmp_path / "w.jsonl", 20), "wice")
    raw = [json.loads(line) for line in (tmp_path / "w.jsonl").read_text().splitlines()]
    assert len(rows) == 20
    for (claim, evidence, label), r in zip(rows, raw, strict=True):
        assert claim == r["claim"] and isinstance(evidence, list)
        assert label is (r["label"] == "supported")


def test_load_factcheckgpt_slice(claims: Path, tmp_path: Path) -> None:
    rows = load_claims(
        _slice(claims / "factcheckgpt_claim_evidence_stance.jsonl", tmp_path / "f.jsonl", 30), "factcheckgpt"
    )
    assert len(rows) == 30 and all(isinstance(e, str) for _, e, _ in rows)


def test_jsonl_format_and_errors(tmp_path: Path) -> None:
    f = tmp_path / "own.jsonl"
    f.write_text(
        json.dumps(
            {
                "claim": "Water boils at 100 C at sea level.",
                "evidence": "At sea level water boils at 100 C.",
                "label": "supported",
            }
        )
        + "\n\n"
        + json.dumps({"claim": "Cats bark.", "evidence": ["Dogs bark.", "Cats meow."], "label": "not_supported"})
        + "\n",
        encoding="utf-8",
    )
    rows = load_claims(f, "jsonl")
    assert [r[2] for r in rows] == [True, False]
    result = evaluate(get_judge("embedded"), rows)
    assert set(result) >= {"balanced_accuracy", "precision", "recall", "n", "calibration"}
    assert result["n"] == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"claim": "x", "evidence": "y", "label": "maybe"}) + "\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match=r"bad\.jsonl:1"):
        load_claims(bad, "jsonl")
    with pytest.raises(EvalDataError, match="unknown format"):
        load_claims(f, "csv")
    with pytest.raises(EvalDataError, match="cannot read"):
        load_claims(tmp_path / "missing.jsonl", "jsonl")


def test_metrics_by_hand() -> None:
    m = metrics([0.9, 0.8, 0.2, 0.7], [True, False, False, True], 0.5)
    assert m["recall"] == 1.0 and m["precision"] == pytest.approx(0.6667, abs=1e-3)
    assert m["balanced_accuracy"] == pytest.approx(0.75)
    assert sum(b["n"] for b in m["calibration"]) == 4


def test_wice_dev_floor(claims: Path) -> None:
    floors = json.loads(FLOORS.read_text())["embedded"]
    judge = get_judge("embedded")
    rows = load_claims(claims / "wice_dev.jsonl", "wice")
    assert evaluate(judge, rows)["balanced_accuracy"] >= floors["wice_dev"]


def test_factcheckgpt_heldout_floors(claims: Path) -> None:
    floors = json.loads(FLOORS.read_text())["embedded"]
    judge = get_judge("embedded")
    grouped = by_claim(load_claims(claims / "factcheckgpt_claim_evidence_stance.jsonl", "factcheckgpt"))
    _, held = heldout_split(list(grouped))
    passage_rows = [(c, e, y) for c in held for e, y in grouped[c]]
    thr = json.loads((FLOORS.parent / "embedded_judge.json").read_text())["passage_threshold"]
    scores = score_rows(judge, passage_rows)
    assert (
        metrics(scores, [r[2] for r in passage_rows], thr)["balanced_accuracy"]
        >= floors["factcheckgpt_heldout_passages"]
    )
    page_scores, labels = [], []
    for c in held:  # pseudo-pages, built as training/verifier_train.py builds them
        sents, label = pseudo_page(c, grouped[c])
        page_scores.append(judge.score_sentences(c, sents)[0])
        labels.append(label)
    assert metrics(page_scores, labels, judge.threshold)["balanced_accuracy"] >= floors["factcheckgpt_heldout_pages"]


def test_composite_pairs_stay_in_group_and_label_needs_both_parts() -> None:
    claims = [f"claim {i}" for i in range(7)]
    pairs = composite_pairs(claims, [i % 2 for i in range(7)])
    assert len(pairs) == 3  # groups of 4 and 3 give 2 + 1 pairs; the odd one out is left alone
    assert all(int(a.split()[1]) % 2 == int(b.split()[1]) % 2 for a, b in pairs)
    assert pairs == composite_pairs(claims, [i % 2 for i in range(7)])  # deterministic
    yes = ("Paris is the capital of France.", [("Paris is the capital of France.", True)])
    no = ("The Seine flows through Berlin.", [("The Seine flows through Paris.", False)])
    claim, sents, label = composite_page(yes, no)
    assert claim == "Paris is the capital of France, and The Seine flows through Berlin."
    assert sorted(sents) == ["Paris is the capital of France.", "The Seine flows through Paris."]
    assert label is False and composite_page(yes, yes)[2] is True


def test_factcheckgpt_heldout_composite_floor(claims: Path) -> None:
    """Two held-out claims joined ("A, and B"), supported only when both are: long, partly supported claims."""
    floors = json.loads(FLOORS.read_text())["embedded"]
    judge = get_judge("embedded")
    grouped = by_claim(load_claims(claims / "factcheckgpt_claim_evidence_stance.jsonl", "factcheckgpt"))
    _, held = heldout_split(list(grouped))
    pages = composite_pages(held, grouped)
    scores = [judge.score_sentences(c, sents)[0] for c, sents, _ in pages]
    result = metrics(scores, [y for *_, y in pages], judge.threshold)
    assert result["n"] == 66 and result["balanced_accuracy"] >= floors["factcheckgpt_heldout_composite_pages"]


@pytest.mark.parametrize(
    ("name", "file", "min_rows"),
    [("own_pages_heldout", "verifier_pages.jsonl", 200), ("own_pages_heldout_2", "verifier_pages_heldout.jsonl", 150)],
)
def test_own_pages_heldout_floor(name: str, file: str, min_rows: int) -> None:
    """Our hand-labelled claims against whole real pages (package data, so this runs in CI too)."""
    floors = json.loads(FLOORS.read_text())["embedded"]
    rows = load_claims(FLOORS.parent / file, "jsonl")
    assert len(rows) >= min_rows and all(isinstance(e, list) for _, e, _ in rows)
    assert evaluate(get_judge("embedded"), rows)["balanced_accuracy"] >= floors[name]
