"""Retrieval quality on the Python reference docs: nDCG@10, recall@10 and MRR for bm25, dense and hybrid.

Usage: ``python bench/retrieval_eval.py [--index DIR] [--queries FILE] [--check]``

Builds (or updates) an index of Python's reference docs (``pydoc_data``, shipped with the interpreter) and
scores the labelled questions in ``bench/retrieval_queries.jsonl``. ``--check`` exits 1 when a figure is below
its floor in ``bench/retrieval_floors.json``; floors are raised by hand when quality improves, never lowered.
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

from retrieval.embed import get_embedder  # noqa: E402
from retrieval.evaluate import evaluate, load_queries  # noqa: E402
from retrieval.index import HybridIndex  # noqa: E402

FLOORS = ROOT / "bench" / "retrieval_floors.json"


def below_floors(figures: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    """Descriptions of every figure below its floor."""
    return [
        f"{mode} {name} {figures[mode][name]} < floor {floor}"
        for mode, names in floors.items()
        for name, floor in names.items()
        if figures.get(mode, {}).get(name, 0.0) < floor
    ]


def main(argv: list[str] | None = None) -> int:
    """Build the docs index, evaluate it and print the figures as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, help="index folder to build or reuse (default: a temporary one)")
    ap.add_argument("--queries", type=Path, default=ROOT / "bench" / "retrieval_queries.jsonl")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure is below its floor")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        index = HybridIndex(args.index or Path(tmp) / "ix", get_embedder())
        update = index.update(real_documents())
        print(f"index: {update}", file=sys.stderr)
        figures = evaluate(index, load_queries(args.queries))
    print(json.dumps(figures))
    if args.check:
        failures = below_floors(figures, json.loads(FLOORS.read_text()))
        for line in failures:
            print(line, file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
