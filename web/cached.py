"""``GET /cached/<source or passage id>``: the stored text of a source, with the evidence quotes highlighted, like a
search engine's cached page. Citations and the audit view link to it; the live link stays next to it.

A source is named by its number in a stored answer (``/cached/2?answer=ID[&claim=c1]``: the quotes of that
claim, or of every claim citing it), or a passage by its id (``/cached/<passage id>``: that passage).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from flask import Blueprint, Flask, Response, render_template, request

from retrieval.errors import RetrievalError
from web.context import engine_of
from web.errors import ApiError
from web.present import badge, source_by_id

bp = Blueprint("cached", __name__)

_PASSAGE_ID = re.compile(r"^[0-9a-f]{8,64}$")


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` occurs in ``text`` (exactly, else with any run of whitespace matching any other), or None."""
    quote = quote.strip()
    if not quote:
        return None
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def segments(text: str, spans: Iterable[tuple[int, int]]) -> list[dict[str, Any]]:
    """``text`` cut into ``{"text", "mark"}`` pieces, the (merged) ``spans`` marked, for the template to escape."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[dict[str, Any]] = []
    at = 0
    for start, end in merged:
        if start > at:
            out.append({"text": text[at:start], "mark": False})
        out.append({"text": text[start:end], "mark": True})
        at = end
    if at < len(text):
        out.append({"text": text[at:], "mark": False})
    return out


def _source_quotes(ident: str) -> tuple[str, list[str], dict[str, Any] | None]:
    """(URL, evidence quotes, source JSON) for source number ``ident`` of the answer in ``?answer=``."""
    answer_id = request.args.get("answer", "")
    if not answer_id:
        raise ApiError(400, "bad_request", "a source number needs ?answer=ANSWER_ID (or use a passage id)")
    answer = engine_of().answers.get(answer_id) if len(answer_id) <= 64 else None
    if answer is None:
        raise ApiError(404, "not_found", "no stored answer has that id")
    number = int(ident)
    source = source_by_id(answer, number)
    if source is None:
        raise ApiError(404, "not_found", "that answer has no such source")
    claims: Sequence[dict[str, Any]] = (answer.get("overview") or {}).get("claims") or ()
    claim_id = request.args.get("claim", "")
    if claim_id:
        claims = [c for c in claims if c.get("id") == claim_id]
        if not claims:
            raise ApiError(404, "not_found", "that answer has no such claim")
    quotes = [
        str(ev.get("quote", ""))
        for c in claims
        for ev in (c.get("verdict") or {}).get("evidence") or ()
        if ev.get("source_id") == number and ev.get("quote")
    ]
    return str(source.get("url", "")), quotes, dict(source)


@bp.get("/cached/<ident>")
def cached(ident: str) -> Response:
    """The stored copy of a source with the evidence quotes highlighted (the first one is ``#quote``)."""
    engine = engine_of()
    spans: list[tuple[int, int]] = []
    source: dict[str, Any] | None = None
    if ident.isascii() and ident.isdigit() and len(ident) <= 4:
        url, quotes, source = _source_quotes(ident)
    elif _PASSAGE_ID.fullmatch(ident):
        try:
            passage = engine.index.passage(ident)
        except (KeyError, RetrievalError):
            raise ApiError(404, "not_found", "no indexed passage has that id") from None
        url, quotes = passage.doc_url, []
        spans.append((passage.start, passage.end))
    else:
        raise ApiError(404, "not_found", "give a source number (with ?answer=) or a passage id")
    doc = engine.documents.get(url)
    if doc is None:
        raise ApiError(404, "not_found", "that page is no longer stored (it may have been forgotten)")
    found = [span for span in (locate(doc.text, q) for q in quotes) if span is not None]
    spans.extend(found)
    html = render_template(
        "cached.html",
        doc=doc,
        pieces=segments(doc.text, spans),
        quotes=quotes,
        missing=len(quotes) - len(found),
        source=source,
        badge=badge,
    )
    response = Response(html, mimetype="text/html")
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def init_app(app: Flask) -> None:
    """Register the cached-copy blueprint."""
    app.register_blueprint(bp)
