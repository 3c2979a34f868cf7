"""The verifier's held-out report and quality gate: the embedded judge on WiCE dev, our page-level claims and
held-out Factcheck-GPT (never trained or tuned on), with speed, next to the session-1 judge as baseline in the same
run; the embedded judge's balanced accuracy is compared with the floors ``embedded`` in ``eval_floors.json``.

Our page-level claim sets (``verifier_pages.jsonl``, ``verifier_pages_heldout.jsonl``, built by
``training/verifier_pages_build.py``) and the session-1 judge (``baseline_judge_session1.json``) ship in
``verifier/data``. WiCE and Factcheck-GPT do not: pass the folder that holds them (``../shared/data/claims`` next
to a checkout); without it only our own sets are measured.

Run it as ``verisight eval verifier-gate [--claims DIR]``.
"""

from __future__ import annotations

import json
import time
from importlib.resources import files
from pathlib import Path
from typing import Any

from verifier.evaluate import (
    by_claim,
    composite_pages,
    heldout_split,
    load_claims,
    metrics,
    pseudo_page,
    score_rows,
)
from verifier.judges import EMBEDDED_WEIGHTS, EmbeddedJudge, Judge

DATA = files("verifier") / "data"
BASELINE = Path(str(DATA / "baseline_judge_session1.json"))
OWN_PAGES = Path(str(DATA / "verifier_pages.jsonl"))
OWN_PAGES_2 = Path(str(DATA / "verifier_pages_heldout.jsonl"))
FLOORS = Path(str(DATA / "eval_floors.json"))
#: the sets that need the external claims folder (WiCE dev and the Factcheck-GPT held-out split)
EXTERNAL_SETS = ("wice_dev", "factcheckgpt_heldout_passages", "factcheckgpt_heldout_pages",
                 "factcheckgpt_heldout_composite_pages")


def factcheckgpt_heldout(judge: Judge, passage_threshold: float, claims: Path) -> dict[str, dict[str, Any]]:
    """The held-out Factcheck-GPT claims (never trained or tuned on): passages, pseudo-pages, composite pages."""
    grouped = by_claim(load_claims(claims / "factcheckgpt_claim_evidence_stance.jsonl", "factcheckgpt"))
    _, held = heldout_split(list(grouped))
    passage_rows = [(c, e, y) for c in held for e, y in grouped[c]]
    t0 = time.perf_counter()
    scores = score_rows(judge, passage_rows)
    dt = time.perf_counter() - t0
    passages = metrics(scores, [r[2] for r in passage_rows], passage_threshold)
    passages["pairs_per_s"] = round(len(passage_rows) / dt, 1)
    page_scores, labels = [], []
    for c in held:
        sents, label = pseudo_page(c, grouped[c])
        page_scores.append(judge.score_sentences(c, sents)[0])
        labels.append(label)
    pages = metrics(page_scores, labels, judge.threshold)
    composites = composite_pages(held, grouped)
    composite = metrics(
        [judge.score_sentences(c, sents)[0] for c, sents, _ in composites],
        [y for *_, y in composites],
        judge.threshold,
    )
    return {
        "factcheckgpt_heldout_passages": passages,
        "factcheckgpt_heldout_pages": pages,
        "factcheckgpt_heldout_composite_pages": composite,
    }


def report(judge: Judge, passage_threshold: float | None, claims: Path | None = None,
           limit: int = 0) -> dict[str, dict[str, Any]]:
    """One judge on our page-level claims and, given the claims folder, WiCE dev and held-out Factcheck-GPT."""
    sets: list[tuple[str, Path, str]] = []
    if claims is not None:
        sets.append(("wice_dev", claims / "wice_dev.jsonl", "wice"))
    sets += [("own_pages_heldout", OWN_PAGES, "jsonl"), ("own_pages_heldout_2", OWN_PAGES_2, "jsonl")]
    out: dict[str, dict[str, Any]] = {}
    for name, path, fmt in sets:
        rows = load_claims(path, fmt)[: limit or None]
        t0 = time.perf_counter()
        scores = score_rows(judge, rows)
        out[name] = metrics(scores, [r[2] for r in rows], judge.threshold)
        out[name]["claims_per_s"] = round(len(rows) / (time.perf_counter() - t0), 1)
    if claims is not None and passage_threshold is not None and not limit:
        out.update(factcheckgpt_heldout(judge, passage_threshold, claims))
    return out


def run(claims: Path | None = None, *, weights: Path = EMBEDDED_WEIGHTS, baseline: Path = BASELINE,
        limit: int = 0) -> dict[str, dict[str, dict[str, Any]]]:
    """The embedded judge (``weights``) and the session-1 baseline in the same run, each set's figures."""
    out = {}
    for name, path in (("embedded", weights), ("baseline", baseline)):
        model = json.loads(Path(path).read_text(encoding="utf-8"))
        out[name] = report(EmbeddedJudge(path), float(model["passage_threshold"]), claims, limit)
    return out


def below_floors(figures: dict[str, dict[str, Any]]) -> list[str]:
    """Every set of the embedded judge whose balanced accuracy is below its floor (sets not measured are skipped)."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["embedded"]
    return [
        f"{name}: balanced_accuracy {figures[name]['balanced_accuracy']} < floor {floor}"
        for name, floor in floors.items()
        if name in figures and figures[name]["balanced_accuracy"] < floor
    ]


def slim(figures: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, dict[str, Any]]]:
    """The figures without the calibration tables (for printing)."""
    return {judge: {k: {kk: vv for kk, vv in v.items() if kk != "calibration"} for k, v in sets.items()}
            for judge, sets in figures.items()}
