"""Fit the answerability gate (``synth/data/answerability.json``) on the dev split of the answer questions.

Usage::

    python training/fit_answer_gate.py --data demo=DEMO_DATA_DIR --data pydocs=PYDOCS_DATA_DIR [--write]

Each ``--data`` names a corpus of ``verisight/data/answer_questions.jsonl`` and a data directory indexed over it
(``verisight demo`` builds the demo one; the Python-docs one is a crawl of Debian's python3.11-doc subset, see
``docs/measurements.md``). Rows are the dev questions of those corpora. The questions of the usefulness gates
(the demo manifest's reliable questions on the demo data, and ``retrieval/data/pydocs_queries.jsonl`` over Python's
reference docs, indexed here in a temporary folder) are known to be answerable and must pass the gate: the
threshold is the highest that lets all of them through and declines at most 5% of the answerable dev questions.
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
from synth.relevance import CALIBRATION, RELEVANCE_MIN  # noqa: E402
from verisight.answer_eval import QUESTIONS, features, fit, load_questions, save_calibration  # noqa: E402
from verisight.demo.server import load_manifest  # noqa: E402
from verisight.engine import Engine  # noqa: E402
from verisight.settings import load_settings  # noqa: E402


def engine_on(folder: Path) -> Engine:
    """An engine over ``folder`` with the defaults (no user configuration)."""
    return Engine(load_settings(folder, environ={}, config_file=folder / "none.toml"))


Row = tuple[float, float, float]


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
        rows = [(tuple(f), bool(ok)) for f, ok in saved["rows"]]
        must_pass = [tuple(f) for f in saved["must_pass"]]
    else:
        rows, must_pass = collect(args.data, questions)
        if args.rows:
            args.rows.write_text(json.dumps({"rows": rows, "must_pass": must_pass}))
    # chosen on dev: without the lexical match the model declines 12 of the 13 unanswerable dev questions, with it
    # 11, and its lexical weight came out negative (the unknown share already carries the lexical signal)
    model = fit(rows, relevance_min=RELEVANCE_MIN, must_pass=must_pass, lexical=False)
    probs = [(model.probability(*f), ok) for f, ok in rows]
    report = {
        "model": {k: getattr(model, k) for k in ("bias", "w_lexical", "w_cosine", "w_unknown", "threshold")},
        "dev_rows": len(rows),
        "dev_unanswerable_declined": round(sum(p < model.threshold for p, ok in probs if not ok)
                                           / max(sum(not ok for _, ok in probs), 1), 4),
        "dev_answerable_declined": round(sum(p < model.threshold for p, ok in probs if ok)
                                         / max(sum(ok for _, ok in probs), 1), 4),
        "must_pass_questions": len(must_pass),
        "must_pass_lowest_probability": round(min(model.probability(*f) for f in must_pass), 4),
    }
    cut = [((f[0], f[1], 0.0), ok) for f, ok in rows]
    two = fit(cut, relevance_min=RELEVANCE_MIN, must_pass=[(f[0], f[1], 0.0) for f in must_pass])
    report["previous_features_lexical_and_cosine"] = {
        "threshold": two.threshold,
        "dev_unanswerable_declined": round(sum(two.probability(*f) < two.threshold for f, ok in cut if not ok)
                                           / max(sum(not ok for _, ok in cut), 1), 4),
        "dev_answerable_declined": round(sum(two.probability(*f) < two.threshold for f, ok in cut if ok)
                                         / max(sum(ok for _, ok in cut), 1), 4),
    }
    print(json.dumps(report, indent=1))
    if args.write:
        save_calibration(model)
        print(f"wrote {CALIBRATION}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
