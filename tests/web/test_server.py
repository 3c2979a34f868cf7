"""The app under a real waitress server on 127.0.0.1: JSON, streamed events and threads over real sockets."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest

from tests.web.helpers import TEST_CONFIG, running_server, sse_events
from verisight.engine import Engine
from web.app import create_app


@pytest.fixture
def base_url(engine: Engine) -> Iterator[str]:
    """A waitress server for the shared engine on an ephemeral port."""
    with running_server(create_app(engine, TEST_CONFIG)) as url:
        yield url


def test_json_over_a_real_socket(base_url: str) -> None:
    with httpx.Client(base_url=base_url, timeout=30) as http:
        assert http.get("/healthz").json()["status"] == "ok"
        response = http.post("/api/answer", json={"query": "how much water should adults drink"})
        assert response.status_code == 200
        assert response.json()["sources"]
        error = http.post("/api/answer", json={"query": "q" * 2001})
        assert error.status_code == 400 and error.json()["error"]["code"] == "query_too_long"


def test_events_stream_over_a_real_socket(base_url: str) -> None:
    params = {"q": "cheese slides off pizza"}
    with (
        httpx.Client(base_url=base_url, timeout=30) as http,
        http.stream("GET", "/api/answer/stream", params=params) as response,
    ):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        body = "".join(response.iter_text())
    kinds = [k for k, _ in sse_events(body)]
    assert kinds[0] == "sources" and kinds[-1] == "done" and "claim" in kinds


def test_parallel_requests(base_url: str) -> None:
    statuses: list[int] = []

    def hit() -> None:
        with httpx.Client(base_url=base_url, timeout=60) as http:
            statuses.append(http.get("/api/search", params={"q": "pizza cheese"}).status_code)

    threads = [threading.Thread(target=hit) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert statuses == [200] * 8
