"""Shared fixtures: the demo corpus crawled and indexed once per test run into a temporary data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from synth.backends import EmbeddedBackend
from synth.server import EmbeddedServer
from verisight.engine import Engine
from verisight.settings import Settings, load_settings


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for tests: nothing from the environment or a config file, ``overrides`` applied."""
    return load_settings(data_dir, environ={}, config_file=data_dir / "none.toml", **overrides)


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory holding the demo corpus, crawled with the real crawler and indexed."""
    from verisight.cli.demo import prepare_demo

    data = tmp_path_factory.mktemp("demo-data")
    engine = Engine(make_settings(data))
    server = prepare_demo(engine)
    server.stop()
    engine.close()
    yield data


@pytest.fixture(scope="session")
def demo_engine(demo_data: Path) -> Iterator[Engine]:
    """An engine over the demo corpus with the embedded default (generated overviews, embedded judge)."""
    engine = Engine(make_settings(demo_data))
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def embedded_backend() -> EmbeddedBackend:
    """The real embedded SmolLM2 model, loaded once (logits kept so the server can return logprobs)."""
    return EmbeddedBackend(n_threads=2, seed=42, logits_all=True)


@pytest.fixture(scope="session")
def llm_server(embedded_backend: EmbeddedBackend) -> Iterator[EmbeddedServer]:
    """The embedded model served over the OpenAI protocol (what vLLM speaks) on a free 127.0.0.1 port."""
    with EmbeddedServer(embedded_backend, host="127.0.0.1", port=0) as server:
        yield server
