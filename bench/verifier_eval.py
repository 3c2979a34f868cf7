"""Report a judge on WiCE dev, our page-level claims and held-out Factcheck-GPT (never trained or tuned on), with
speed; the embedded judge is compared in the same run with the session-1 judge (``bench/data/``) as baseline.

Usage: .venv/bin/python bench/verifier_eval.py [--judge embedded|minicheck] [--weights W] [--baseline W] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verifier.evaluate import (  # noqa: E402
    by_claim,
    composite_pages,
    heldout_split,
    load_claims,
    metrics,
    pseudo_page,
    score_rows,
)
from verifier.judges import EMBEDDED_WEIGHTS, EmbeddedJudge, Judge, get_judge  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "claims"  # the shared data sets sit next to the repository


BASELINE = ROOT / "bench/data/baseline_judge_session1.json"


def factcheckgpt_heldout(judge: Judge, passage_threshold: float) -> dict[str, dict[str, Any]]:
    """The held-out Factcheck-GPT claims (never trained or tuned on): passages, pseudo-pages, composite pages."""
    grouped = by_claim(load_claims(DATA / "factcheckgpt_claim_evidence_stance.jsonl", "factcheckgpt"))
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


def report(judge: Judge, passage_threshold: float | None, limit: int = 0) -> dict[str, dict[str, Any]]:
    """One judge on WiCE dev, our page-level claims and (with a passage threshold) held-out Factcheck-GPT."""
    out: dict[str, dict[str, Any]] = {}
    for name, path, fmt in (
        ("wice_dev", DATA / "wice_dev.jsonl", "wice"),
        ("own_pages_heldout", ROOT / "bench/data/verifier_pages.jsonl", "jsonl"),
        ("own_pages_heldout_2", ROOT / "bench/data/verifier_pages_heldout.jsonl", "jsonl"),
    ):
        rows = load_claims(path, fmt)[: limit or None]
        t0 = time.perf_counter()
        scores = score_rows(judge, rows)
        out[name] = metrics(scores, [r[2] for r in rows], judge.threshold)
        out[name]["claims_per_s"] = round(len(rows) / (time.perf_counter() - t0), 1)
    if passage_threshold is not None and not limit:
        out.update(factcheckgpt_heldout(judge, passage_threshold))
    return out


def main() -> int:
    """Score the judge and, for the embedded one, the session-1 baseline in the same run; print and save."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--judge", default="embedded")
    ap.add_argument("--weights", type=Path, default=EMBEDDED_WEIGHTS, help="embedded judge weights to report")
    ap.add_argument("--baseline", type=Path, default=BASELINE, help="embedded judge weights to compare against")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    judges: dict[str, tuple[Judge, float | None]] = {}
    if args.judge == "embedded":
        for name, path in (("embedded", args.weights), ("baseline", args.baseline)):
            model = json.loads(path.read_text(encoding="utf-8"))
            judges[name] = (EmbeddedJudge(path), float(model["passage_threshold"]))
    else:
        judges[args.judge] = (get_judge(args.judge), None)
    out = {name: report(judge, t, args.limit) for name, (judge, t) in judges.items()}
    (ROOT / "bench/verifier_results").mkdir(exist_ok=True)
    (ROOT / f"bench/verifier_results/eval_{args.judge}.json").write_text(json.dumps(out, indent=1) + "\n")
    slim = {
        judge: {k: {kk: vv for kk, vv in v.items() if kk != "calibration"} for k, v in sets.items()}
        for judge, sets in out.items()
    }
    print(json.dumps(slim, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
