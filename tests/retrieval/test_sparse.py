"""BM25 through bm25s, checked against rank-bm25 under the same tokeniser."""

from __future__ import annotations

import itertools
import pydoc_data.topics
from pathlib import Path

import numpy as np
import pytest
from rank_bm25 import BM25Okapi

from retrieval.chunk import chunk_document
from retrieval.errors import IndexCorrupt
from retrieval.sparse import CorpusStats, SparseIndex
from retrieval.text import tokenize
from tests.retrieval.corpus import make_doc

QUERIES = [
    "how to catch an exception",
    "what does the with statement do",
    "context manager enter exit",
    "lambda expression anonymous function",
    "break out of a loop",
    "string formatting mini language",
    "import a module from a package",
    "global variable inside a function",
    "yield in a generator",
    "assert statement debugging",
    "slice a list",
    "dictionary keys and values",
    "integer division floor",
    "class definition inheritance",
    "comparison operators chaining",
    "del statement delete name",
    "raise an exception from another",
    "async for loop coroutine",
    "boolean truth value testing",
    "operator precedence table",
]


@pytest.fixture(scope="module")
def corpus() -> list[list[str]]:
    docs = [make_doc(name, text) for name, text in sorted(pydoc_data.topics.topics.items())]
    return [tokenize(p.text) for d in docs for p in chunk_document(d)]


def test_rankings_match_rank_bm25(corpus: list[list[str]]) -> None:
    ours = SparseIndex(k1=1.5, b=0.75, method="robertson")
    ours.build(corpus)
    # epsilon=0: negative IDF clipped to 0 as bm25s does (rank-bm25's default floors it at 0.25 x mean IDF)
    reference = BM25Okapi(corpus, k1=1.5, b=0.75, epsilon=0.0)
    overlaps = []
    for q in QUERIES:
        qt = tokenize(q)
        rows, _ = ours.search(qt, 10)
        ref = np.argsort(-reference.get_scores(qt), kind="stable")[:10]
        overlaps.append(len(set(rows.tolist()) & set(ref.tolist())) / 10)
    assert np.mean(overlaps) >= 0.9, overlaps


def test_default_lucene_ranking_agrees_too(corpus: list[list[str]]) -> None:
    ours = SparseIndex()
    ours.build(corpus)
    reference = BM25Okapi(corpus, k1=ours.k1, b=ours.b)
    overlaps = []
    for q in QUERIES:
        qt = tokenize(q)
        rows, _ = ours.search(qt, 10)
        ref = np.argsort(-reference.get_scores(qt), kind="stable")[:10]
        overlaps.append(len(set(rows.tolist()) & set(ref.tolist())) / 10)
    assert np.mean(overlaps) >= 0.9, overlaps


def test_save_load_and_unknown_terms(tmp_path: Path) -> None:
    index = SparseIndex()
    index.build([tokenize("the cat sat on the mat"), tokenize("dogs chase cats"), [], tokenize("birds fly")])
    rows, scores = index.search(tokenize("cat"), 10)
    assert rows.tolist() == [0, 1] and (scores > 0).all()
    assert index.search(tokenize("zebra"), 10)[0].size == 0
    index.save(tmp_path / "s")
    again = SparseIndex.load(tmp_path / "s")
    assert again.size == 4
    assert again.search(tokenize("cat"), 3)[0].tolist() == [0, 1]
    (tmp_path / "s" / "sparse.json").write_text("{")
    with pytest.raises(IndexCorrupt):
        SparseIndex.load(tmp_path / "s")


@pytest.mark.parametrize("method", ["lucene", "robertson"])
def test_shards_with_corpus_statistics_score_as_one_index(corpus: list[list[str]], method: str, tmp_path: Path) -> None:
    whole = SparseIndex(method=method)
    whole.build(corpus)
    cuts = [0, len(corpus) // 3, len(corpus) // 2 + 7, len(corpus)]
    stats = CorpusStats.of(corpus[: cuts[1]]).merge(CorpusStats.of(corpus[cuts[1] :]))
    assert stats == CorpusStats.of(corpus)
    shards = []
    for a, b in itertools.pairwise(cuts):
        shard = SparseIndex(method=method)
        shard.build(corpus[a:b], stats=stats)
        shard.save(tmp_path / f"s{a}")
        shards.append(SparseIndex.load(tmp_path / f"s{a}"))  # the plain-file format holds the shard's scores
    local = SparseIndex(method=method)
    local.build(corpus[cuts[1] : cuts[2]])  # its own statistics: scores differ, which is why stats exist
    for q in QUERIES:
        qt = tokenize(q)
        joined = np.concatenate([s.scores(qt) for s in shards])
        assert np.array_equal(joined, whole.scores(qt)), q
    assert not np.array_equal(local.scores(tokenize(QUERIES[0])), whole.scores(tokenize(QUERIES[0]))[cuts[1] : cuts[2]])
