"""Page-level retrieval metrics, and the pinned quality floors on the Python docs (slow: embeds ~850 passages)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.evaluate import load_queries, page_metrics, pages

REPO = Path(__file__).resolve().parents[2]


def test_page_metrics() -> None:
    ranked = pages(["https://a/x", "https://a/x", "https://b/y", "https://c/z"])
    assert ranked == ["https://a/x", "https://b/y", "https://c/z"]
    m = page_metrics(ranked, ["/y", "/z"])
    assert m["mrr"] == 0.5 and m["recall@10"] == 1.0
    ideal = 1 + 1 / math.log2(3)
    assert m["ndcg@10"] == pytest.approx((1 / math.log2(3) + 1 / math.log2(4)) / ideal)
    assert page_metrics(ranked, ["/nope"]) == {"ndcg@10": 0.0, "recall@10": 0.0, "mrr": 0.0}


def test_query_file_is_checked(tmp_path: Path) -> None:
    good = load_queries(REPO / "bench" / "retrieval_queries.jsonl")
    assert len(good) >= 40 and all(q["relevant"] for q in good)
    bad = tmp_path / "q.jsonl"
    bad.write_text('{"q": "x"}\n')
    with pytest.raises(ValueError, match="expected"):
        load_queries(bad)


@pytest.mark.slow
def test_quality_floors_on_python_docs(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(REPO / "bench" / "retrieval_eval.py"), "--index", str(tmp_path / "ix"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(proc.stdout)
    assert figures["hybrid"]["ndcg@10"] >= figures["bm25"]["ndcg@10"]
