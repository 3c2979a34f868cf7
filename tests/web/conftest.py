"""Fixtures for the web tests: a real Engine (extractive overviews, real index) on a small corpus, and its app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.helpers import TEST_CONFIG, build_engine
from verisight.engine import Engine
from verisight.reviewers import ReviewerStore
from web.app import create_app


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One engine shared by the tests that do not change reviewer state."""
    eng = build_engine(tmp_path_factory.mktemp("web-engine"))
    yield eng
    eng.close()


@pytest.fixture
def fresh_engine(tmp_path: Path) -> Iterator[Engine]:
    """An engine of its own, for tests that record reviewer decisions or labels."""
    eng = build_engine(tmp_path / "data")
    yield eng
    eng.close()


@pytest.fixture
def empty_engine(tmp_path: Path) -> Iterator[Engine]:
    """An engine with nothing crawled or indexed."""
    eng = build_engine(tmp_path / "empty", corpus=False)
    yield eng
    eng.close()


@pytest.fixture
def make_app() -> Callable[..., Flask]:
    """Build an app over an engine with test config (rate limit off unless given)."""

    def build(eng: Engine, **config: Any) -> Flask:
        return create_app(eng, {**TEST_CONFIG, **config})

    return build


@pytest.fixture
def app(engine: Engine, make_app: Callable[..., Flask]) -> Flask:
    """The app over the shared engine."""
    return make_app(engine)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client of the shared app."""
    return app.test_client()


@pytest.fixture
def reviewer(fresh_engine: Engine) -> dict[str, str]:
    """A reviewer account on the fresh engine: name, password and API token."""
    store = ReviewerStore(fresh_engine.settings.answers_db)
    token = store.add("rita", password="correct horse battery")
    store.close()
    return {"name": "rita", "password": "correct horse battery", "token": token}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium (the browser tests skip without Playwright, and without Chromium outside CI)."""
    from tests.web.browser import CHROMIUM, FLAGS, playwright_api

    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()
