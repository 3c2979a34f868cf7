"""Compare overview modes on the demo corpus's reliable questions: supported claims per answer, declines, citations.

Usage: python bench/synth_modes.py DATA_DIR [--n 12] [--out pairs.jsonl]
DATA_DIR holds the demo corpus (crawled and indexed, e.g. by `verisight demo --check --data DATA_DIR`).
``--out`` also writes every (claim, cited passage) pair, for labelling by hand (citation precision).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from verisight.demo.server import load_manifest
from verisight.engine import Engine
from verisight.settings import load_settings


def run(data: Path, modes: list[str], n: int, out: Path | None) -> dict[str, dict[str, float]]:
    """Answer the first ``n`` reliable questions in each mode and aggregate the verifier's verdicts."""
    questions = [q["q"] for q in load_manifest()["reliable_questions"][:n]]
    results: dict[str, dict[str, float]] = {}
    pairs = []
    for mode in modes:
        engine = Engine(load_settings(data, environ={}, synth_mode=mode))
        claims = supported = kept = cited = declined = 0
        started = time.perf_counter()
        for q in questions:
            answer = engine.answer(q)
            passages = {h.passage.id: h.passage for h in engine.search(q, k=engine.settings.top_k)}
            declined += answer.overview.mode == "declined"
            for c in answer.overview.claims:
                claims += 1
                supported += c.verdict.label == "supported"
                kept += c.action == "keep"
                cited += bool(c.citations)
                for pid in c.passages:
                    if pid in passages:
                        pairs.append({"mode": mode, "query": q, "sentence": c.text, "passage_id": pid,
                                      "passage": passages[pid].text, "verifier": c.verdict.label})
            print(f"{mode}: {q[:50]!r}: {[c.verdict.label for c in answer.overview.claims]}", file=sys.stderr)
        engine.close()
        results[mode] = {
            "answers": len(questions),
            "claims_per_answer": round(claims / len(questions), 2),
            "supported_claims_per_answer": round(supported / len(questions), 2),
            "kept_share": round(kept / max(claims, 1), 3),
            "citation_rate": round(cited / max(claims, 1), 3),
            "declined_share": round(declined / len(questions), 3),
            "seconds_per_answer": round((time.perf_counter() - started) / len(questions), 1),
        }
    if out:
        out.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), encoding="utf-8")
    return results


def main() -> None:
    """Parse arguments and print the comparison as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("--n", type=int, default=12)
    parser.add_argument("--modes", default="extractive,generated")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    print(json.dumps(run(args.data, args.modes.split(","), args.n, args.out), indent=2))


if __name__ == "__main__":
    main()
