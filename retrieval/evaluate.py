"""Retrieval quality at page level: nDCG@10, recall@10 and MRR per search mode.

A query is ``{"q": str, "relevant": [url suffixes]}``. Passages are folded into pages (a page counts once,
at its best passage's rank); a page is relevant when its URL ends with one of the suffixes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from retrieval.index import MODES, HybridIndex

DEPTH = 100  # passages read per query before folding into pages


def load_queries(path: Path | str) -> list[dict[str, Any]]:
    """Read a JSONL file of ``{"q", "relevant"}`` objects, checking each line."""
    queries: list[dict[str, Any]] = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{path}:{n}: not JSON: {exc}") from exc
        if not isinstance(row.get("q"), str) or not isinstance(row.get("relevant"), list) or not row["relevant"]:
            raise ValueError(f'{path}:{n}: expected {{"q": str, "relevant": [url suffixes]}}')
        queries.append(row)
    return queries


def pages(urls: Iterable[str]) -> list[str]:
    """Page URLs in order of first appearance (each page at its best passage's rank)."""
    return list(dict.fromkeys(urls))


def is_relevant(url: str, suffixes: Sequence[str]) -> bool:
    """True when ``url`` ends with one of ``suffixes``."""
    return any(url.endswith(s) for s in suffixes)


def page_metrics(ranked: Sequence[str], suffixes: Sequence[str], k: int = 10) -> dict[str, float]:
    """nDCG@k, recall@k and reciprocal rank of one ranked page list (binary relevance)."""
    rel = [is_relevant(u, suffixes) for u in ranked]
    n_rel = len(suffixes)  # each suffix names one relevant page
    dcg = sum(1.0 / math.log2(i + 2) for i, r in enumerate(rel[:k]) if r)
    idcg = sum(1.0 / math.log2(i + 2) for i in range(min(n_rel, k)))
    found = {s for u in ranked[:k] for s in suffixes if u.endswith(s)}
    first = next((i for i, r in enumerate(rel) if r), None)
    return {
        f"ndcg@{k}": dcg / idcg if idcg else 0.0,
        f"recall@{k}": len(found) / n_rel if n_rel else 0.0,
        "mrr": 0.0 if first is None else 1.0 / (first + 1),
    }


def evaluate(
    index: HybridIndex,
    queries: Sequence[Mapping[str, Any]],
    *,
    modes: Sequence[str] = MODES,
    k: int = 10,
) -> dict[str, dict[str, float]]:
    """Mean page-level nDCG@k, recall@k and MRR of each mode over ``queries``."""
    out: dict[str, dict[str, float]] = {}
    for mode in ("bm25", "dense", "hybrid"):
        if mode not in modes:
            continue
        totals: dict[str, float] = {}
        for query in queries:
            hits = index.search(str(query["q"]), k=DEPTH, mode=mode)
            ranked = pages(h.passage.doc_url for h in hits)
            for name, value in page_metrics(ranked, list(query["relevant"]), k).items():
                totals[name] = totals.get(name, 0.0) + value
        out[mode] = {name: round(v / max(len(queries), 1), 4) for name, v in totals.items()}
    return out
