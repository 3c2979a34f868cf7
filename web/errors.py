"""Every error the web layer sends is ``{"error": {"code", "message"}}`` with the right status, never a traceback.

    ApiError                   raised by views with a code, status and message (and optional headers)
    PublicError                every stage's and the engine's errors: their own code, status, public message and
                               headers (``crawler.errors.PublicError``; 5xx messages stay generic)
    HTTPException              Flask's own 404, 405, 413 ... turned into the same shape
    anything else              500 ``internal``, logged with the request id, no detail in the body

Browsers asking for HTML on a page route get a small HTML error page with the same code and message.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from flask import Flask, Response, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from crawler.errors import PublicError

log = logging.getLogger("web")

# Werkzeug's exception names become our codes; anything not listed keeps a snake_case form of its name.
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    429: "rate_limited",
    431: "headers_too_large",
    500: "internal",
    501: "not_implemented",
    502: "bad_gateway",
    503: "unavailable",
}


class ApiError(Exception):
    """An error a view raises on purpose: it becomes the JSON error shape with ``status``."""

    def __init__(self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


def to_api_error(exc: BaseException) -> ApiError:
    """Any exception as an ApiError (unknown ones become 500 ``internal``)."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, PublicError):
        return ApiError(exc.status, exc.code, exc.public(), exc.headers())
    if isinstance(exc, HTTPException):
        status = exc.code or 500
        code = _HTTP_CODES.get(status, "error")
        headers = {k: v for k, v in exc.get_headers() if k.lower() in ("allow", "retry-after", "www-authenticate")}
        return ApiError(status, code, exc.description or exc.name, headers)
    return ApiError(500, "internal", "internal error")


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    """The JSON body of every error response."""
    return {"error": {"code": code, "message": message}}


def _wants_html() -> bool:
    if request.path.startswith("/api/") or request.path in ("/healthz", "/readyz", "/metrics"):
        return False
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html" and request.accept_mimetypes[best] > request.accept_mimetypes["application/json"]


def error_response(err: ApiError) -> Response:
    """The response for ``err``: JSON, or a small HTML page for browsers on page routes."""
    if _wants_html():
        html = render_template("error.html", status=err.status, code=err.code, message=err.message)
        response = Response(html, status=err.status, mimetype="text/html")
    else:
        response = jsonify(error_body(err.code, err.message))
        response.status_code = err.status
    for key, value in err.headers.items():
        response.headers[key] = value
    return response


def handle_exception(exc: Exception) -> Response:
    """Flask error handler for every exception."""
    err = to_api_error(exc)
    if err.status >= 500:
        rid = getattr(g, "request_id", "-")
        if isinstance(exc, HTTPException | ApiError):
            log.warning(
                "request %s: %s %s -> %s %s",
                rid,
                request.method,
                request.path,
                err.status,
                err.code,
                extra={"request_id": rid},
            )
        else:
            log.error(
                "request %s: %s %s failed", rid, request.method, request.path, exc_info=exc, extra={"request_id": rid}
            )
        if err.code == "internal":
            err = ApiError(err.status, err.code, f"internal error (request id {rid})", err.headers)
    return error_response(err)


def init_app(app: Flask) -> None:
    """Register the error handlers."""
    app.register_error_handler(Exception, handle_exception)
