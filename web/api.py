"""The public JSON API: answers (whole or streamed as server-sent events), search, stored answers, OpenAPI."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Generator, Iterator
from dataclasses import asdict, is_dataclass
from typing import Any

from flask import Blueprint, Flask, Response, jsonify, request

from verisight.engine import EngineEvent, validate_query
from verisight.errors import BadQuery
from verisight.limits import MAX_K, MAX_QUERY_CHARS, SEARCH_MODES, WORD_PATTERN
from web.answering import answer_events
from web.context import engine_of, metrics_of
from web.errors import ApiError, error_body, to_api_error
from web.metrics import Metrics
from web.openapi import openapi_document

log = logging.getLogger("web")
bp = Blueprint("api", __name__, url_prefix="/api")

_WORD = re.compile(WORD_PATTERN)  # the OpenAPI document's pattern for queries


def to_json(value: Any) -> Any:
    """A dataclass (or a list of them) as plain JSON-able data."""
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return value


def check_query(query: object) -> str:
    """Validate a query string (1-2,000 characters, not blank); raise ApiError 400 otherwise."""
    if not isinstance(query, str):
        raise ApiError(400, "bad_request", "query must be a string")
    if len(query) > MAX_QUERY_CHARS:
        raise ApiError(400, "query_too_long", f"the query is {len(query)} characters; the limit is {MAX_QUERY_CHARS}")
    try:
        query = validate_query(query)
    except BadQuery as exc:
        raise ApiError(400, exc.code, str(exc)) from exc
    if not _WORD.search(query):
        raise ApiError(400, "bad_request", "the query has no words to search for")
    return query


def check_k(value: object) -> int:
    """Validate ``k``: an integer 1-50 (a JSON number or a query-string digit string); raise ApiError 400 otherwise."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_K:
        raise ApiError(400, "bad_request", f"k must be an integer between 1 and {MAX_K}")
    return value


def k_arg(default: int | None) -> int | None:
    """The ``k`` query parameter, validated, or ``default`` when absent."""
    return check_k(request.args["k"]) if "k" in request.args else default


ANSWER_FIELDS = ("query", "k")
ANSWER_PARAMS = ("q", "k")


def reject_unknown(given: Any, allowed: tuple[str, ...], what: str) -> None:
    """400 for any field or parameter of an answer request outside ``allowed`` (the same rule for the JSON
    endpoint and the stream, so ``mode`` is refused by both rather than ignored by one)."""
    unknown = sorted(set(given) - set(allowed))
    if not unknown:
        return
    hint = ""
    if "mode" in unknown:
        hint = "; the overview mode (generated or extractive) is the server's synth_mode setting, not a request field"
    raise ApiError(400, "bad_request", f"unknown {what}(s): {', '.join(unknown)}; an answer takes "
                                       f"{' and '.join(allowed)}{hint}")


def _json_body() -> dict[str, Any]:
    if not request.is_json:
        raise ApiError(400, "bad_request", "send a JSON object with Content-Type: application/json")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, "bad_request", "the body must be a JSON object")
    return body


def _query_arg() -> str:
    if "q" not in request.args:
        raise ApiError(400, "bad_request", "the q parameter is required")
    return check_query(request.args["q"])


@bp.post("/answer")
def answer() -> Response:
    """POST /api/answer: the full verified answer as JSON."""
    body = _json_body()
    reject_unknown(body, ANSWER_FIELDS, "field")
    if "query" not in body:
        raise ApiError(400, "bad_request", "the query field is required")
    query = check_query(body["query"])
    k = check_k(body["k"]) if "k" in body else None
    engine = engine_of()
    result = None
    for event in answer_events(engine, query, k):
        if event.kind == "done":
            result = asdict(event.data)
    if result is None:
        raise ApiError(500, "internal", "the answer stream ended without an answer")
    metrics_of().record_answer(result)
    return jsonify(result)


def sse(kind: str, data: Any) -> str:
    """One server-sent event: ``event: kind`` and the JSON of ``data``."""
    return f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False, separators=(',', ':'))}\n\n"


def _event_stream(
    first: EngineEvent | None, events: Generator[EngineEvent, None, None], metrics: Metrics
) -> Iterator[str]:
    yield ": verisight answer stream\n\n"
    try:
        if first is not None:
            yield sse(first.kind, to_json(first.data))
        for event in events:
            data = to_json(event.data)
            if event.kind == "done":
                metrics.record_answer(data)
            yield sse(event.kind, data)
    except GeneratorExit:  # the client went away; closing ``events`` releases the model slot
        events.close()
        raise
    except Exception as exc:
        err = to_api_error(exc)
        if err.status >= 500:
            log.error("answer stream failed", exc_info=exc)
        yield sse("error", error_body(err.code, err.message if err.status < 500 else "the answer failed"))
    finally:
        events.close()


@bp.get("/answer/stream")
def answer_stream() -> Response:
    """GET /api/answer/stream?q=: the answer as server-sent events (sources, token, claim, done, error)."""
    reject_unknown(request.args.keys(), ANSWER_PARAMS, "parameter")
    query = _query_arg()
    k = k_arg(None)
    events = answer_events(engine_of(), query, k)
    # Run up to the first event here, so validation, not-indexed and busy errors get their JSON status.
    first = next(events, None)
    response = Response(_event_stream(first, events, metrics_of()), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response


@bp.get("/search")
def search() -> Response:
    """GET /api/search?q=&k=&mode=: ranked passages."""
    query = _query_arg()
    k = k_arg(10) or 10
    mode = request.args.get("mode", engine_of().settings.search_mode)
    if mode not in SEARCH_MODES:
        raise ApiError(400, "bad_request", "mode must be hybrid, bm25 or dense")
    hits = engine_of().search(query, k=k, mode=mode)
    return jsonify({"query": query, "mode": mode, "k": k, "hits": [asdict(h) for h in hits]})


@bp.get("/answers/<answer_id>")
def stored_answer(answer_id: str) -> Response:
    """GET /api/answers/<id>: a stored answer."""
    found = engine_of().answers.get(answer_id) if len(answer_id) <= 64 else None
    if found is None:
        raise ApiError(404, "not_found", "no stored answer has that id")
    return jsonify(found)


@bp.get("/openapi.json")
def openapi() -> Response:
    """GET /api/openapi.json: the OpenAPI 3 document of this API."""
    return jsonify(openapi_document())


def init_app(app: Flask) -> None:
    """Register the API blueprint."""
    app.register_blueprint(bp)
