"""Fusion methods compared on labelled query sets: each query's BM25 and dense lists are read once, then fused offline.

Usage: ``python bench/fusion_sweep.py --set NAME INDEX_DIR QUERIES [--set ...] [--json]``

A set whose index folder does not exist yet is built there from Python's reference docs (``pydoc_data``) when
its name starts with ``pydoc_data``. Every method is scored by page-level nDCG@10 (``retrieval.evaluate``) on
every set, so a choice made on the sets used for choosing can then be read once on a set kept for testing.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from retrieval import pydocs  # noqa: E402
from retrieval.embed import get_embedder  # noqa: E402
from retrieval.evaluate import load_queries, page_metrics, pages  # noqa: E402
from retrieval.fuse import rrf, weighted  # noqa: E402
from retrieval.index import HybridIndex  # noqa: E402
from retrieval.text import tokenize  # noqa: E402

DEPTH = 100
Key = tuple[str, str]
Lists = tuple[list[tuple[Key, float]], list[tuple[Key, float]]]  # (bm25, dense), best first
Fusion = Callable[[Lists], list[Key]]


def read_lists(index: HybridIndex, queries: Sequence[dict[str, Any]]) -> list[Lists]:
    """Each query's BM25 and dense candidates with their scores (page URL, passage id)."""
    out: list[Lists] = []
    for q in queries:
        qv = index.embedder.embed([q["q"]])[0]
        found = index.candidates_for(tokenize(q["q"]), qv, DEPTH, "hybrid")
        out.append((
            [((p.doc_url, p.id), float(s)) for p, s in found.sparse],
            [((p.doc_url, p.id), float(s)) for p, s in found.dense],
        ))
    return out


def methods() -> dict[str, Fusion]:
    """Every fusion compared, by name."""
    out: dict[str, Fusion] = {
        "bm25": lambda ls: [k for k, _ in ls[0]],
        "dense": lambda ls: [k for k, _ in ls[1]],
    }
    for w in (0.2, 0.3, 0.5, 0.7, 1.0):
        for k in (10, 30, 60):
            out[f"rrf bm25 {w} k {k}"] = partial(_rrf, w=w, k=k)
    for a in (0.1, 0.2, 0.3, 0.4, 0.5):
        out[f"minmax bm25 {a}"] = partial(_minmax, a=a)
    for b in (0.02, 0.05, 0.1, 0.2):
        out[f"cosine + {b} x bm25/max"] = partial(_cos_plus, b=b)
    for a in (0.2, 0.3, 0.5):
        out[f"zscore bm25 {a}"] = partial(_zscore, a=a)
    return out


def _rrf(ls: Lists, w: float, k: float) -> list[Key]:
    """Weighted reciprocal rank fusion: dense at weight 1, BM25 at ``w``."""
    return [key for key, _ in rrf([[x for x, _ in ls[1]], [x for x, _ in ls[0]]], k=k, weights=[1.0, w])]


def _minmax(ls: Lists, a: float) -> list[Key]:
    """Min-max normalised scores, BM25 at weight ``a`` and dense at ``1 - a``."""
    return [key for key, _ in weighted([dict(ls[1]), dict(ls[0])], [1.0 - a, a])]


def _cos_plus(ls: Lists, b: float) -> list[Key]:
    """Dense cosine plus ``b`` times BM25 scaled by the query's best BM25 score (missing scores count 0)."""
    top = max((s for _, s in ls[0]), default=1.0) or 1.0
    total = {key: s for key, s in ls[1]}
    low = min(total.values(), default=0.0)
    for key, s in ls[0]:
        total[key] = total.get(key, low) + b * s / top
    return sorted(total, key=lambda key: -total[key])


def _zscore(ls: Lists, a: float) -> list[Key]:
    """Weighted sum of z-scored lists (a key missing from a list gets that list's lowest z-score)."""
    total: dict[Key, float] = {}
    for pairs, w in ((ls[1], 1.0 - a), (ls[0], a)):
        vals = [s for _, s in pairs]
        if not vals:
            continue
        mu, sd = statistics.fmean(vals), (statistics.pstdev(vals) or 1.0)
        z = {key: (s - mu) / sd for key, s in pairs}
        floor = min(z.values())
        for key in {*total, *z}:
            total[key] = total.get(key, 0.0) + w * z.get(key, floor)
    return sorted(total, key=lambda key: -total[key])


def score(ranked: Sequence[list[Key]], queries: Sequence[dict[str, Any]]) -> float:
    """Mean page-level nDCG@10."""
    vals = [page_metrics(pages(u for u, _ in r), q["relevant"])["ndcg@10"]
            for r, q in zip(ranked, queries, strict=True)]
    return statistics.fmean(vals) if vals else math.nan


def main(argv: list[str] | None = None) -> int:
    """Read the lists of every set, score every method, print a table."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--set", nargs=3, action="append", metavar=("NAME", "INDEX_DIR", "QUERIES"), required=True)
    ap.add_argument("--only", nargs="+", default=None, help="score only these methods (for a held-out test set)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    embedder = get_embedder()
    sets: dict[str, tuple[list[Lists], list[dict[str, Any]]]] = {}
    for name, index_dir, qfile in args.set:
        index = HybridIndex(Path(index_dir), embedder)
        if not index.exists() and name.startswith("pydoc_data"):
            index.update(pydocs.real_documents())
        queries = load_queries(qfile)
        sets[name] = (read_lists(index, queries), queries)
        print(f"read {name}: {len(queries)} queries", file=sys.stderr)
    table = {m: {name: round(score([f(ls) for ls in lists], qs), 4) for name, (lists, qs) in sets.items()}
             for m, f in methods().items() if args.only is None or m in args.only}
    if args.json:
        print(json.dumps(table, indent=1))
    else:
        names = list(sets)
        print("method".ljust(28) + "".join(n[:14].rjust(15) for n in names))
        for m, row in table.items():
            print(m.ljust(28) + "".join(f"{row[n]:15.4f}" for n in names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
