"""Fixtures for synth: the real embedded model, its OpenAI-compatible server, and hand-made hits."""

from __future__ import annotations

import pytest

from retrieval.embed import Embedder, get_embedder
from retrieval.types import Hit
from tests.synth.helpers import make_hits


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real MiniLM embedder."""
    return get_embedder()


@pytest.fixture
def hits() -> list[Hit]:
    """Three hand-written hits about rocks, pizza and water."""
    return make_hits()
