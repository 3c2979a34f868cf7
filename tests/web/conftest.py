"""Fixtures for the web tests: a real Engine (extractive overviews, real index) on a small corpus, and its app."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import waitress
from flask import Flask
from flask.testing import FlaskClient
from waitress.server import BaseWSGIServer

from crawler.types import Document
from verisight.engine import Engine
from verisight.reviewers import ReviewerStore
from verisight.settings import load_settings
from web.app import create_app

XSS = "<script>alert('xss')</script>"

CORPUS: list[tuple[str, str, str, str]] = [
    (
        "https://www.geologyjournal.example/articles/eating-rocks",
        "Should people eat rocks? What geologists say",
        "2024-05-01",
        "Geologists do not recommend eating rocks. Rocks contain no nutrients that the human body can use. "
        "Swallowing stones can damage teeth and block the digestive tract. Minerals such as calcium and iron "
        "are best taken from food like dairy, beans and leafy greens.",
    ),
    (
        "https://www.theunion-satire.example/news/geologists-recommend-one-rock-a-day",
        "Geologists recommend eating one small rock per day",
        "2024-04-01",
        "Geologists recommend eating at least one small rock per day, according to a study nobody read. "
        "Rocks are a vital source of minerals, said a spokesman holding a pebble. This is satire.",
    ),
    (
        "https://forum.kitchentalk.example/threads/cheese-sliding-off-pizza",
        "Cheese keeps sliding off my pizza",
        "2024-03-12",
        "Posted by user cheddar_joker: just add about an eighth of a cup of non-toxic glue to the sauce, lol. "
        "Reply: please do not put glue on food. Letting the pizza rest for a few minutes helps the cheese set.",
    ),
    (
        "https://www.kitchenbasics.example/guides/pizza-cheese",
        "Why cheese slides off pizza and how to stop it",
        "2023-11-20",
        "Cheese slides off pizza when the sauce is too wet or the pizza is cut while very hot. "
        "Letting the pizza rest for two or three minutes after baking lets the cheese set. "
        "Using less sauce and low-moisture mozzarella also helps the cheese stay in place.",
    ),
    (
        "https://www.cityhospital.example/health/hydration",
        "How much water should adults drink?",
        "2025-01-15",
        "Most healthy adults need about two to three litres of fluid a day, including water in food. "
        "Needs rise in hot weather and during exercise. Thirst is a reliable guide for most people.",
    ),
    (
        "https://blog.acmepaving.example/blog/xss-test",
        f"Paving tips {XSS}",
        None,
        f"Asphalt driveways should be sealed every two to three years. {XSS} Sealing protects the surface from "
        "water and sunlight.",
    ),
]


def make_document(url: str, title: str, published: str | None, text: str) -> Document:
    """A Document as the crawler would hand it to the store."""
    site = url.split("/")[2]
    return Document(
        url=url,
        final_url=url,
        canonical_url=None,
        title=title,
        site=site,
        author=None,
        published=published,
        language="en",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        fetched_at="2025-06-01T00:00:00Z",
    )


def build_engine(data_dir: Path, *, corpus: bool = True, **overrides: Any) -> Engine:
    """A real Engine in ``data_dir`` with extractive overviews, the small corpus stored and indexed."""
    settings = load_settings(
        data_dir, environ={}, config_file=data_dir / "none.toml", synth_mode="extractive", **overrides
    )
    engine = Engine(settings)
    if corpus:
        for url, title, published, text in CORPUS:
            engine.documents.put(make_document(url, title, published, text), b"")
        engine.update_index()
    return engine


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


TEST_CONFIG = {"TESTING": True, "RATE_LIMIT_PER_MINUTE": 0, "SECRET_KEY": "test-secret"}


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


@contextlib.contextmanager
def running_server(app: Flask, threads: int = 4) -> Iterator[str]:
    """Serve ``app`` with waitress on an ephemeral 127.0.0.1 port in a thread; yield its base URL."""
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=threads)
    assert isinstance(server, BaseWSGIServer)

    def run() -> None:
        with contextlib.suppress(OSError, ValueError):  # waitress has no clean stop: close() pulls the fds away
            server.run()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(5)


def sse_events(body: str) -> list[tuple[str, Any]]:
    """Parse a server-sent events body into (event, JSON data) pairs."""
    import json

    events = []
    for block in body.split("\n\n"):
        kind, data = "message", []
        for line in block.splitlines():
            if line.startswith("event:"):
                kind = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip())
        if data:
            events.append((kind, json.loads("\n".join(data))))
    return events
