"""Fit the answerability gate (``synth/data/answerability.json``) on the dev split of the answer questions.

Usage::

    python training/fit_answer_gate.py --data demo=DEMO_DATA_DIR --data pydocs=PYDOCS_DATA_DIR [--write]

Each ``--data`` names a corpus of ``verisight/data/answer_questions.jsonl`` and a data directory indexed over it
(``verisight demo`` builds the demo one; the Python-docs one is a crawl of Debian's python3.11-doc subset, see
``docs/measurements.md``). Rows are the dev questions of those corpora. The questions of the usefulness gates
(the demo manifest's reliable questions on the demo data, and ``retrieval/data/pydocs_queries.jsonl`` over Python's
reference docs, indexed here in a temporary folder) are known to be answerable and must pass the gate: the
threshold is the highest that lets all of them through and declines at most 5% of the answerable dev questions.
Questions the rare-word rule declines (``synth.answerability``) are left out of the fit; a must-pass question it
would decline stops the fit with an error.
``--questions FILE=SPLIT`` (repeatable) names the question rows to fit on instead of the default
``answer_questions.jsonl=dev``: a held-out set that has been read once for its report may join dev afterwards,
and a newer held-out set then tests the refit. ``verisight eval answers`` reports the held-out set.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from retrieval import pydocs  # noqa: E402
from retrieval.evaluate import load_queries  # noqa: E402
from synth.answerability import CALIBRATION, Features  # noqa: E402
from synth.relevance import RELEVANCE_MIN  # noqa: E402
from verisight.answer_eval import QUESTIONS, load_questions  # noqa: E402
from verisight.answer_gate import features, fit, from_json, save_calibration, to_json  # noqa: E402
from verisight.demo.server import load_manifest  # noqa: E402
from verisight.engine import Engine  # noqa: E402
from verisight.settings import load_settings  # noqa: E402


def engine_on(folder: Path) -> Engine:
    """An engine over ``folder`` with the defaults (no user configuration)."""
    return Engine(load_settings(folder, environ={}, config_file=folder / "none.toml"))


Row = Features


def collect(data: list[str], questions: list[tuple[Path, str]]) -> tuple[list[tuple[Row, bool]], list[Row]]:
    """(dev rows with their answerability, feature rows of the questions that must pass the gate)."""
    rows: list[tuple[Row, bool]] = []
    must_pass: list[Row] = []
    for spec in data:
        corpus, _, folder = spec.partition("=")
        engine = engine_on(Path(folder))
        try:
            for path, split in questions:
                for q in load_questions(path, corpus=corpus, split=split):
                    rows.append((features(engine, q["q"]), bool(q["answerable"])))
            if corpus == "demo":
                must_pass += [features(engine, item["q"]) for item in load_manifest()["reliable_questions"]]
        finally:
            engine.close()
    with tempfile.TemporaryDirectory() as tmp:
        engine = engine_on(Path(tmp))
        try:
            for doc in pydocs.real_documents():
                engine.documents.put(doc, b"")
            engine.update_index()
            must_pass += [features(engine, row["q"]) for row in load_queries(pydocs.QUERIES)]
        finally:
            engine.close()
    return rows, must_pass


def main(argv: list[str] | None = None) -> int:
    """Collect the feature rows, fit, print the model and what it declines, optionally write it."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", action="append", required=True, metavar="CORPUS=DIR")
    ap.add_argument("--write", action="store_true", help=f"save the calibration to {CALIBRATION}")
    ap.add_argument("--rows", type=Path, help="keep the collected feature rows in this JSON file and reuse them")
    ap.add_argument("--questions", action="append", metavar="FILE=SPLIT",
                    help=f"question rows to fit on (repeatable; default {QUESTIONS.name}=dev)")
    args = ap.parse_args(argv)
    questions = [(Path(spec.rpartition("=")[0]), spec.rpartition("=")[2]) for spec in args.questions or []] \
        or [(QUESTIONS, "dev")]
    if args.rows and args.rows.is_file():
        saved = json.loads(args.rows.read_text())
        rows = [(from_json(f), bool(ok)) for f, ok in saved["rows"]]
        must_pass = [from_json(f) for f in saved["must_pass"]]
    else:
        rows, must_pass = collect(args.data, questions)
        if args.rows:
            args.rows.write_text(json.dumps({"rows": [(to_json(f), ok) for f, ok in rows],
                                             "must_pass": [to_json(f) for f in must_pass]}))
    model = fit(rows, relevance_min=RELEVANCE_MIN, must_pass=must_pass)
    kept = [(model.probability(f), ok, f) for f, ok in rows]
    un = [p for p, ok, _ in kept if not ok]
    ans = [p for p, ok, _ in kept if ok]
    report = {
        "model": {k: getattr(model, k) for k in ("bias", "w_cosine", "w_unknown", "w_coverage", "threshold",
                                                  "rare_weight", "name_weight")},
        "dev_rows": len(rows),
        "dev_unanswerable_declined": round(sum(p < model.threshold for p in un) / max(len(un), 1), 4),
        "dev_answerable_declined": round(sum(p < model.threshold for p in ans) / max(len(ans), 1), 4),
        "dev_declined_by_the_rare_word_rule": {
            "unanswerable": sum(bool(f.rare_unseen) for _, ok, f in kept if not ok),
            "answerable": sorted({t for _, ok, f in kept if ok for t in f.rare_unseen}),
        },
        "must_pass_questions": len(must_pass),
        "must_pass_lowest_probability": round(min(model.probability(f) for f in must_pass), 4),
    }
    print(json.dumps(report, indent=1))
    if args.write:
        save_calibration(model)
        print(f"wrote {CALIBRATION}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
