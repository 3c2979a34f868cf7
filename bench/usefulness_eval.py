"""Usefulness on the Python reference docs: share of claims kept as supported and of answers not declined.

Usage: ``python bench/usefulness_eval.py [--data DIR] [--check]``

Puts Python's reference docs (``pydoc_data``, shipped with the interpreter; a reliable source that answers the
labelled questions in ``bench/retrieval_queries.jsonl``) into an engine with the default settings, asks every
question and reports the figures of ``verisight.bench.usefulness``. ``--check`` exits 1 when a figure is below
its floor (``usefulness_pydocs`` in ``verifier/data/eval_floors.json``; raised by hand, never lowered). The demo
corpus's 41 reliable questions are pinned the same way in the test suite (``tests/test_usefulness.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from retrieval_bench import real_documents  # noqa: E402
from retrieval_eval import below_floors  # noqa: E402

from verisight.bench import usefulness  # noqa: E402
from verisight.engine import Engine  # noqa: E402
from verisight.settings import load_settings  # noqa: E402

FLOORS = ROOT / "verifier" / "data" / "eval_floors.json"


def main(argv: list[str] | None = None) -> int:
    """Index the docs, answer the questions, print the figures as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, help="data directory to build or reuse (default: a temporary one)")
    ap.add_argument("--queries", type=Path, default=ROOT / "bench" / "retrieval_queries.jsonl")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure is below its floor")
    args = ap.parse_args(argv)
    questions = [json.loads(line)["q"] for line in args.queries.read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp)
        engine = Engine(load_settings(data))
        try:
            if engine.documents.count() == 0:
                for doc in real_documents():
                    engine.documents.put(doc, b"")
            print(f"index: {engine.update_index()}", file=sys.stderr)
            figures = usefulness(engine, questions)
        finally:
            engine.close()
    print(json.dumps(figures, indent=1))
    if args.check:
        floors = json.loads(FLOORS.read_text())["usefulness_pydocs"]
        failures = below_floors({"usefulness_pydocs": figures}, {"usefulness_pydocs": floors})
        for line in failures:
            print(line, file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
