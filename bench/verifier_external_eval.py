"""Every judge we have on the external sets (``verifier.external``), written to bench/verifier_results/.

The shipped embedded judge is the baseline; the session-1 judge (``bench/data/baseline_judge_session1.json``) is
scored in the same run, and so is ``minicheck`` when ``--minicheck URL MODEL`` names an OpenAI-compatible server.
Same figures as ``verisight eval verifier --suite DATA_DIR``.

Usage: .venv/bin/python bench/verifier_external_eval.py [--data ../shared/data] [--limit 300] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verifier.external import evaluate_suite, load_suite, wice_pages  # noqa: E402
from verifier.judges import EmbeddedJudge, Judge, get_judge  # noqa: E402

BASELINE = ROOT / "bench" / "data" / "baseline_judge_session1.json"


def main(argv: list[str] | None = None) -> int:
    """Score the judges, print the summary, write everything to --out."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--minicheck", nargs=2, metavar=("URL", "MODEL"))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "verifier_results" / "external_suite.json")
    args = ap.parse_args(argv)
    judges: dict[str, Judge] = {"embedded": get_judge("embedded"), "embedded_session1": EmbeddedJudge(BASELINE)}
    if args.minicheck:
        judges["minicheck"] = get_judge("minicheck", base_url=args.minicheck[0], model=args.minicheck[1])
    result = evaluate_suite(judges, load_suite(args.data, args.limit), wice_pages(args.data),
                            progress=lambda msg: print(msg, file=sys.stderr, flush=True))
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for name, fig in result.items():
        print(f"{name}: mean BA {fig['mean_balanced_accuracy']} (chosen threshold {fig['chosen_threshold']}: "
              f"{fig['mean_balanced_accuracy_chosen']}), mean AUC {fig['mean_auc']}, {fig['claims_per_s']} claims/s")
        for set_name, f in {**fig["sets"], "wice_dev": fig["wice_dev"]}.items():
            own, chosen = f["own"], f["chosen"]
            print(f"  {set_name:32s} BA {own['balanced_accuracy']:.3f}  chosen {chosen['balanced_accuracy']:.3f}"
                  f"  AUC {own['auc']:.3f}  n {own['n']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
