"""The search page (server-rendered, streamed by JavaScript when present), stored-answer pages, click-through."""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, redirect, render_template, request
from werkzeug.wrappers import Response as WerkzeugResponse

from web.answering import answer_events
from web.api import check_query, k_arg
from web.context import engine_of, metrics_of
from web.errors import ApiError
from web.present import answer_view, badge, source_by_id

log = logging.getLogger("web")
bp = Blueprint("pages", __name__)


def _page(answer: dict[str, Any] | None, query: str = "", error: str = "", status: int = 200) -> Response:
    view = answer_view(answer) if answer is not None else None
    html = render_template("index.html", query=query, answer=view, badge=badge, error=error)
    return Response(html, status=status, mimetype="text/html")


@bp.get("/")
def index() -> Response:
    """The search page; with ``?q=`` the finished answer rendered on the server (the no-JavaScript path)."""
    raw = request.args.get("q", "")
    k = k_arg(None)
    if not raw:
        return _page(None)
    if not raw.strip():  # only spaces: the search page again with a hint, not a full-page error
        return _page(None, error="Type a question first: the search box is empty.", status=400)
    query = check_query(raw)
    result = None
    for event in answer_events(engine_of(), query, k):
        if event.kind == "done":
            result = asdict(event.data)
    if result is None:
        raise ApiError(500, "internal", "the answer stream ended without an answer")
    metrics_of().record_answer(result)
    return _page(result, query)


@bp.get("/answers/<answer_id>")
def stored(answer_id: str) -> Response:
    """A stored answer as a page."""
    found = engine_of().answers.get(answer_id) if len(answer_id) <= 64 else None
    if found is None:
        raise ApiError(404, "not_found", "no stored answer has that id")
    return _page(found, str(found.get("query", "")))


@bp.get("/go")
def go() -> WerkzeugResponse:
    """Record a citation click-through, then redirect to that answer's source (and nowhere else)."""
    answer_id = request.args.get("answer", "")
    claim_id = request.args.get("claim", "")
    try:
        source_id = int(request.args.get("source", ""))
    except ValueError:
        raise ApiError(400, "bad_request", "source must be a source number") from None
    answer = engine_of().answers.get(answer_id) if answer_id and len(answer_id) <= 64 else None
    if answer is None:
        raise ApiError(404, "not_found", "no stored answer has that id")
    source = source_by_id(answer, source_id)
    if source is None:
        raise ApiError(404, "not_found", "that answer has no such source")
    claims = {c.get("id"): c for c in (answer.get("overview") or {}).get("claims") or ()}
    if claim_id and claim_id not in claims:
        raise ApiError(404, "not_found", "that answer has no such claim")
    url = str(source.get("url", ""))
    if urlsplit(url).scheme not in ("http", "https"):
        raise ApiError(400, "bad_request", "the source has no web address to go to")
    label = str((source.get("credibility") or {}).get("label", "unknown"))
    metrics_of().clicks.labels(credibility=label).inc()
    log.info("click-through answer=%s claim=%s source=%s", answer_id, claim_id or "-", source_id)
    response = redirect(url, code=302)
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    """Register the pages blueprint."""
    app.register_blueprint(bp)
