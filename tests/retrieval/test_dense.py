"""FAISS dense search: HNSW recall against exact search, persistence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from retrieval.dense import DenseIndex
from retrieval.errors import IndexCorrupt


def clustered(n: int, dim: int = 384, seed: int = 0) -> np.ndarray:
    """Unit vectors in clusters, shaped like sentence embeddings (which are far from uniform)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(50, dim))
    x = centres[rng.integers(0, 50, n)] + 0.6 * rng.normal(size=(n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_hnsw_recall_against_exact() -> None:
    data = clustered(4000)
    queries = clustered(100, seed=1)
    exact = DenseIndex(384, kind="flat")
    exact.build(data)
    hnsw = DenseIndex(384, kind="hnsw")
    hnsw.build(data)
    assert exact.built_kind == "flat" and hnsw.built_kind == "hnsw"
    recall = []
    for q in queries:
        truth = set(exact.search(q, 10)[0].tolist())
        recall.append(len(truth & set(hnsw.search(q, 10)[0].tolist())) / 10)
    assert np.mean(recall) >= 0.95


def test_auto_kind_follows_the_threshold() -> None:
    small = DenseIndex(384, hnsw_threshold=100)
    small.build(clustered(99))
    big = DenseIndex(384, hnsw_threshold=100)
    big.build(clustered(100))
    assert (small.built_kind, big.built_kind) == ("flat", "hnsw")


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
def test_save_load_roundtrip(tmp_path: Path, kind: str) -> None:
    data = clustered(300)
    index = DenseIndex(384, kind=kind)
    index.build(data)
    index.save(tmp_path)
    again = DenseIndex.load(tmp_path, data)
    assert again.built_kind == kind
    assert again.search(data[7], 5)[0].tolist() == index.search(data[7], 5)[0].tolist()
    assert again.search(data[7], 1)[0].tolist() == [7]
    with pytest.raises(IndexCorrupt):
        DenseIndex.load(tmp_path, data[:10])


def test_empty_index_returns_nothing() -> None:
    index = DenseIndex(384)
    index.build(np.zeros((0, 384), np.float32))
    assert index.search(np.ones(384, np.float32), 5)[0].size == 0
