"""Helpers for the web tests: the small corpus, a real Engine over it, a real server, SSE parsing, error checks."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import waitress
from flask import Flask
from waitress.server import BaseWSGIServer
from werkzeug.test import TestResponse

from crawler.types import Document
from verisight.engine import Engine
from verisight.settings import load_settings

XSS = "<script>alert('xss')</script>"

CORPUS: list[tuple[str, str, str | None, str]] = [
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


TEST_CONFIG = {"TESTING": True, "RATE_LIMIT_PER_MINUTE": 0, "SECRET_KEY": "test-secret"}


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


def assert_error(response: TestResponse, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is the JSON error shape with ``status`` (and ``code``), and no traceback."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    body = response.get_json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert "Traceback" not in response.get_data(as_text=True)
    if code is not None:
        assert body["error"]["code"] == code
    return dict(body)


def csrf_of(html: str) -> str:
    """The CSRF token in a page's form."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF field in the form"
    return match.group(1)
