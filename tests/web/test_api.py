"""The public JSON API: answers, streams, search, stored answers, and the error shapes of every failure."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.helpers import assert_error, build_engine, sse_events
from verisight.engine import Engine

QUERY = "Should I eat rocks every day?"


def test_answer_returns_the_verified_answer(client: FlaskClient) -> None:
    response = client.post("/api/answer", json={"query": QUERY, "k": 5})
    assert response.status_code == 200
    body = response.get_json()
    assert body["query"] == QUERY
    assert body["answer_id"]
    assert body["overview"]["mode"] in ("generated", "extractive", "declined")
    assert body["sources"] and all(isinstance(s["id"], int) for s in body["sources"])
    for claim in body["overview"]["claims"]:
        assert claim["action"] in ("keep", "hedge", "drop")
        assert set(claim["verdict"]) == {"label", "score", "reason", "evidence"}
    assert set(body["timings_ms"]) >= {"retrieve", "first_token", "generate", "verify", "total"}


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"query": "x" * 2001}, "query_too_long"),
        ({"query": ""}, "bad_request"),
        ({"query": "   "}, "bad_request"),
        ({}, "bad_request"),
        ({"query": 42}, "bad_request"),
        ({"query": ["a"]}, "bad_request"),
        ({"query": QUERY, "k": 0}, "bad_request"),
        ({"query": QUERY, "k": 51}, "bad_request"),
        ({"query": QUERY, "k": "five"}, "bad_request"),
        ({"query": QUERY, "k": True}, "bad_request"),
        ({"query": QUERY, "k": 2.5}, "bad_request"),
        ({"query": QUERY, "k": None}, "bad_request"),
        ({"query": "👍🏻 ?!"}, "bad_request"),
        ({"query": QUERY, "extra": 1}, "bad_request"),
        ([QUERY], "bad_request"),
        ("just a string", "bad_request"),
    ],
)
def test_answer_rejects_bad_input(client: FlaskClient, payload: object, code: str) -> None:
    assert_error(client.post("/api/answer", json=payload), 400, code)


def test_answer_accepts_an_integral_float_k(client: FlaskClient) -> None:
    assert client.post("/api/answer", json={"query": QUERY, "k": 3.0}).status_code == 200


def test_answer_accepts_exactly_2000_characters(client: FlaskClient) -> None:
    response = client.post("/api/answer", json={"query": "rocks " * 333 + "ro"})
    assert response.status_code == 200


def test_answer_needs_a_json_body(client: FlaskClient) -> None:
    assert_error(client.post("/api/answer", data="query=rocks"), 400, "bad_request")
    assert_error(client.post("/api/answer", data="{not json", content_type="application/json"), 400, "bad_request")


def test_answer_body_over_the_limit_is_413(client: FlaskClient) -> None:
    big = '{"query": "' + "a" * 70_000 + '"}'
    assert_error(client.post("/api/answer", data=big, content_type="application/json"), 413, "payload_too_large")


def test_stream_sends_sources_tokens_claims_then_done(client: FlaskClient) -> None:
    response = client.get("/api/answer/stream", query_string={"q": QUERY})
    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"
    assert response.headers["Cache-Control"] == "no-cache"
    events = sse_events(response.get_data(as_text=True))
    kinds = [k for k, _ in events]
    assert kinds[0] == "sources" and kinds[-1] == "done"
    assert "token" in kinds and "claim" in kinds
    assert "error" not in kinds
    draft = "".join(d for k, d in events if k == "token")
    answer = events[-1][1]
    assert draft.strip() == answer["overview"]["draft"].strip()
    claim = next(d for k, d in events if k == "claim")
    assert {"id", "text", "citations", "passages", "action", "verdict", "display"} <= set(claim)
    assert {s["id"] for s in events[0][1]} >= {c for c in claim["citations"]}


def test_stream_errors_before_the_stream_are_json(client: FlaskClient) -> None:
    assert_error(client.get("/api/answer/stream"), 400, "bad_request")
    assert_error(client.get("/api/answer/stream", query_string={"q": "y" * 2001}), 400, "query_too_long")
    assert_error(client.get("/api/answer/stream", query_string={"q": QUERY, "k": "0"}), 400, "bad_request")


def test_search_returns_ranked_passages(client: FlaskClient) -> None:
    for mode in ("hybrid", "bm25", "dense"):
        response = client.get("/api/search", query_string={"q": "cheese sliding off pizza", "k": 3, "mode": mode})
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.get_json()
        assert body["mode"] == mode and body["k"] == 3
        assert 1 <= len(body["hits"]) <= 3
        assert [h["rank"] for h in body["hits"]] == sorted(h["rank"] for h in body["hits"])
        assert {"id", "doc_url", "text"} <= set(body["hits"][0]["passage"])


def test_search_validates_its_parameters(client: FlaskClient) -> None:
    assert_error(client.get("/api/search"), 400, "bad_request")
    assert_error(client.get("/api/search?q=rocks&mode=magic"), 400, "bad_request")
    assert_error(client.get("/api/search?q=rocks&k=100"), 400, "bad_request")
    assert_error(client.get("/api/search?q=rocks&k=abc"), 400, "bad_request")
    assert_error(client.get("/api/search", query_string={"q": "z" * 2001}), 400, "query_too_long")
    assert_error(client.get("/api/search", query_string={"q": "?!?"}), 400, "bad_request")


def test_stored_answer_round_trips(client: FlaskClient) -> None:
    answer = client.post("/api/answer", json={"query": QUERY}).get_json()
    stored = client.get(f"/api/answers/{answer['answer_id']}")
    assert stored.status_code == 200
    assert stored.get_json()["overview"]["claims"] == answer["overview"]["claims"]
    assert_error(client.get("/api/answers/doesnotexist"), 404, "not_found")
    assert_error(client.get("/api/answers/" + "a" * 200), 404, "not_found")


def test_unknown_routes_and_methods_are_json_errors(client: FlaskClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    response = client.get("/api/answer")
    assert_error(response, 405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]
    assert_error(client.delete("/api/search?q=x"), 405, "method_not_allowed")


def test_unexpected_exceptions_become_500_without_a_traceback(engine: Engine, make_app: Callable[..., Flask]) -> None:
    app = make_app(engine)

    @app.get("/api/explode")
    def explode() -> str:
        raise RuntimeError("secret internal detail /etc/passwd")

    body = assert_error(app.test_client().get("/api/explode"), 500, "internal")
    assert "secret internal detail" not in body["error"]["message"]
    assert "request id" in body["error"]["message"]


def test_nothing_indexed_is_409(empty_engine: Engine, make_app: Callable[..., Flask]) -> None:
    client = make_app(empty_engine).test_client()
    assert_error(client.post("/api/answer", json={"query": QUERY}), 409, "not_indexed")
    assert_error(client.get("/api/search?q=rocks"), 409, "not_indexed")
    assert_error(client.get("/api/answer/stream?q=rocks"), 409, "not_indexed")


def test_full_model_queue_is_503_busy_with_retry_after(tmp_path: Path, make_app: Callable[..., Flask]) -> None:
    engine = build_engine(tmp_path / "busy", queue_size=1)
    try:
        client = make_app(engine).test_client()
        holder = engine.answer_stream(QUERY)
        next(holder)  # the first event comes after the one model slot was taken
        response = client.post("/api/answer", json={"query": QUERY})
        assert_error(response, 503, "busy")
        assert int(response.headers["Retry-After"]) >= 1
        assert_error(client.get("/api/answer/stream", query_string={"q": QUERY}), 503, "busy")
        holder.close()  # frees the slot
        assert client.post("/api/answer", json={"query": QUERY}).status_code == 200
    finally:
        engine.close()


def test_a_dropped_stream_frees_its_model_slot(tmp_path: Path, make_app: Callable[..., Flask]) -> None:
    engine = build_engine(tmp_path / "drop", queue_size=1)
    try:
        client = make_app(engine).test_client()
        response = client.get("/api/answer/stream", query_string={"q": QUERY}, buffered=False)
        assert response.status_code == 200
        next(iter(response.response))  # read a little, then hang up
        response.close()
        assert client.post("/api/answer", json={"query": QUERY}).status_code == 200
    finally:
        engine.close()


def test_concurrent_answers_all_finish(client: FlaskClient) -> None:
    results: list[int] = []

    def ask() -> None:
        results.append(
            client.application.test_client()
            .post("/api/answer", json={"query": "how do I keep cheese on pizza"})
            .status_code
        )

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(results) == 4 and set(results) <= {200, 503}
