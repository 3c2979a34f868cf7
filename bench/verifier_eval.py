"""Report a judge on WiCE dev and our page-level claims (never trained or tuned on) and Factcheck-GPT, with speed.

Usage: .venv/bin/python bench/verifier_eval.py [--judge embedded] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verifier.evaluate import heldout_split, load_claims, metrics, score_rows  # noqa: E402
from verifier.features import split_sentences  # noqa: E402
from verifier.judges import EMBEDDED_WEIGHTS, Judge, get_judge  # noqa: E402

DATA = Path("/work/shared/data/claims")


def factcheckgpt_heldout(judge: Judge) -> dict[str, dict[str, Any]]:
    """The held-out Factcheck-GPT claims (never trained or tuned on): single passages and pseudo-pages."""
    rows = load_claims(DATA / "factcheckgpt_claim_evidence_stance.jsonl", "factcheckgpt")
    by_claim: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for c, e, y in rows:
        by_claim[c].append((str(e), y))
    _, held = heldout_split(list(by_claim))
    passage_rows = [(c, e, y) for c in held for e, y in by_claim[c]]
    model = json.loads(EMBEDDED_WEIGHTS.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    scores = score_rows(judge, passage_rows)
    dt = time.perf_counter() - t0
    passages = metrics(scores, [r[2] for r in passage_rows], float(model["passage_threshold"]))
    passages["pairs_per_s"] = round(len(passage_rows) / dt, 1)
    page_scores, labels = [], []
    for c in held:
        ps = [e for e, _ in by_claim[c]]
        random.Random(zlib.crc32(c.encode())).shuffle(ps)
        sents = [p[a:b] for p in ps for a, b in (split_sentences(p) or [(0, len(p))])]
        page_scores.append(judge.score_sentences(c, sents)[0])
        labels.append(any(y for _, y in by_claim[c]))
    pages = metrics(page_scores, labels, judge.threshold)
    return {"factcheckgpt_heldout_passages": passages, "factcheckgpt_heldout_pages": pages}


def main() -> int:
    """Score WiCE dev (and Factcheck-GPT held-out) and print balanced accuracy, precision, recall, speed."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--judge", default="embedded")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    judge = get_judge(args.judge)
    out: dict[str, dict[str, Any]] = {}
    rows = load_claims(DATA / "wice_dev.jsonl", "wice")
    if args.limit:
        rows = rows[: args.limit]
    t0 = time.perf_counter()
    scores = score_rows(judge, rows)
    dt = time.perf_counter() - t0
    labels = [r[2] for r in rows]
    res = metrics(scores, labels, judge.threshold)
    res["claims_per_s"] = round(len(rows) / dt, 1)
    out["wice_dev"] = res
    if args.judge == "embedded" and not args.limit:
        out.update(factcheckgpt_heldout(judge))
    own = load_claims(ROOT / "bench/data/verifier_pages.jsonl", "jsonl")
    t0 = time.perf_counter()
    own_scores = score_rows(judge, own)
    out["own_pages_heldout"] = metrics(own_scores, [r[2] for r in own], judge.threshold)
    out["own_pages_heldout"]["claims_per_s"] = round(len(own) / (time.perf_counter() - t0), 1)
    (ROOT / "bench/verifier_results").mkdir(exist_ok=True)
    (ROOT / f"bench/verifier_results/eval_{args.judge}.json").write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "calibration"} for k, v in out.items()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
