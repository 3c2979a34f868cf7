"""Fixtures for the retrieval tests: the real MiniLM embedder and a small real corpus (Python's own docs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.types import Document
from retrieval.embed import OnnxMiniLM, get_embedder
from retrieval.index import HybridIndex
from tests.retrieval.corpus import TOPICS, topic_docs


@pytest.fixture(scope="session")
def embedder() -> OnnxMiniLM:
    """The real default embedder (int8 ONNX MiniLM), loaded once."""
    emb = get_embedder()
    assert isinstance(emb, OnnxMiniLM)
    return emb


@pytest.fixture(scope="session")
def small_docs() -> list[Document]:
    """Eight short real documents."""
    return topic_docs(TOPICS[:8])


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory, embedder: OnnxMiniLM, small_docs: list[Document]) -> Path:
    """A folder holding an index of ``small_docs`` (built once; tests that change it copy it)."""
    path = tmp_path_factory.mktemp("index")
    HybridIndex(path, embedder).update(small_docs)
    return path
