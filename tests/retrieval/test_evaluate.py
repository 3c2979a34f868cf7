"""Page-level retrieval metrics, and the pinned quality floors on the Python docs (slow: embeds ~850 passages)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from retrieval.evaluate import load_queries, page_metrics, pages
from retrieval.pydocs import QUERIES, below_floors
from verisight.gates import retrieval_gate


def test_page_metrics() -> None:
    ranked = pages(["https://a/x", "https://a/x", "https://b/y", "https://c/z"])
    assert ranked == ["https://a/x", "https://b/y", "https://c/z"]
    m = page_metrics(ranked, ["/y", "/z"])
    assert m["mrr"] == 0.5 and m["recall@10"] == 1.0
    ideal = 1 + 1 / math.log2(3)
    assert m["ndcg@10"] == pytest.approx((1 / math.log2(3) + 1 / math.log2(4)) / ideal)
    assert page_metrics(ranked, ["/nope"]) == {"ndcg@10": 0.0, "recall@10": 0.0, "mrr": 0.0}


def test_query_file_is_checked(tmp_path: Path) -> None:
    good = load_queries(QUERIES)
    assert len(good) >= 40 and all(q["relevant"] for q in good)
    bad = tmp_path / "q.jsonl"
    bad.write_text('{"q": "x"}\n')
    with pytest.raises(ValueError, match="expected"):
        load_queries(bad)


def test_below_floors_names_each_figure_under_its_floor() -> None:
    pinned = {"bm25": {"ndcg@10": 0.6, "mrr": 0.5}}
    assert below_floors({"bm25": {"ndcg@10": 0.61, "mrr": 0.5}}, pinned) == []
    assert below_floors({"bm25": {"ndcg@10": 0.59, "mrr": 0.5}}, pinned) == ["bm25 ndcg@10 0.59 < floor 0.6"]
    assert below_floors({}, pinned) == ["bm25 ndcg@10 0.0 < floor 0.6", "bm25 mrr 0.0 < floor 0.5"]


@pytest.mark.slow
def test_quality_floors_on_python_docs(tmp_path: Path) -> None:
    gate = retrieval_gate(tmp_path / "ix")
    assert gate.passed, gate.failures
    figures = gate.figures
    assert figures["hybrid"]["ndcg@10"] >= figures["bm25"]["ndcg@10"]
