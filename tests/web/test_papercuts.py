"""The first-hour papercuts of issue 16, each with the behaviour it has now."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import httpx
from flask.testing import FlaskClient

from tests.web.helpers import assert_error
from verisight.engine import Engine
from web.server import bind


def test_a_blank_query_shows_the_search_page_with_a_hint(client: FlaskClient) -> None:
    response = client.get("/?q=%20%20%20")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="search-form"' in html and "Type a question first" in html
    assert "Something went wrong" not in html
    assert_error(client.get("/api/answer/stream?q=%20%20"), 400, "bad_request")


def test_mode_is_refused_alike_by_the_answer_and_the_stream_endpoints(client: FlaskClient) -> None:
    post = client.post("/api/answer", json={"query": "pizza cheese", "mode": "extractive"})
    stream = client.get("/api/answer/stream?q=pizza+cheese&mode=bogus")
    for response in (post, stream):
        assert_error(response, 400, "bad_request")
        assert "mode" in response.get_json()["error"]["message"]
        assert "synth_mode" in response.get_json()["error"]["message"]


@contextlib.contextmanager
def served(engine: Engine) -> Iterator[str]:
    """The production server (web.server.bind) on an ephemeral port, in a thread."""
    server = bind(engine, "127.0.0.1", 0, {"TESTING": True, "RATE_LIMIT_PER_MINUTE": 0, "SECRET_KEY": "k"})
    def run() -> None:
        with contextlib.suppress(OSError, ValueError):
            server.run()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(5)


def test_bodies_over_the_server_limit_get_a_json_413(engine: Engine) -> None:
    with served(engine) as base:
        for size in (100 * 1024, 2 * 1024 * 1024):
            response = httpx.post(f"{base}/api/answer", content=b"x" * size,
                                  headers={"Content-Type": "application/json"}, timeout=30)
            assert response.status_code == 413, size
            assert response.headers["Content-Type"].startswith("application/json"), (size, response.text[:80])
            assert response.json()["error"]["code"] == "payload_too_large"
