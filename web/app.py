"""The Flask app factory: the search page, the JSON API, the audit view and the operations routes over one Engine.

Config keys (``create_app(engine, config)``; each falls back to the engine's Settings):

- ``RATE_LIMIT_PER_MINUTE``: requests per client per minute (Settings ``rate_limit_per_minute``, 120; 0 = off)
- ``TRUSTED_PROXIES``: how many proxies in front of the server set ``X-Forwarded-For`` / ``-Proto`` / ``-Host``
  (Settings ``trusted_proxies``, 0 = trust no forwarding header)
- ``CORS_ORIGINS``: comma-separated origins allowed to call the public JSON API, or ``*`` (Settings
  ``cors_origins``, empty = CORS off)
- ``SECRET_KEY``: signs reviewer sessions (Settings ``secret_key`` / ``VERISIGHT_SECRET_KEY``, else generated once
  into ``DATA/secret_key`` with mode 0600)
- ``MAX_CONTENT_LENGTH``: the largest request body accepted (64 KiB; larger gets 413)
- ``TESTING``: Flask's testing flag
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, g, request
from werkzeug.middleware.proxy_fix import ProxyFix

from verisight import __version__
from verisight.engine import Engine
from verisight.reviewers import ReviewerStore
from web import api, audit, cached, errors, ops, pages
from web.context import ENGINE, LIMITER, METRICS, REVIEWERS, limiter_of, metrics_of
from web.limits import TokenBucketLimiter, retry_after
from web.logs import log_request
from web.metrics import Metrics
from web.present import web_url

log = logging.getLogger("web")

MAX_BODY_BYTES = 64 * 1024
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# A password attempt costs as much as this many ordinary requests, to slow down guessing.
SIGNIN_COST = 10.0
# Routes that never count against a client's rate limit.
UNLIMITED_PREFIXES = ("/healthz", "/readyz", "/metrics", "/static/")
# The public API routes CORS may open; the audit API never gets CORS headers.
CORS_PREFIXES = ("/api/answer", "/api/search", "/api/answers/", "/api/openapi.json")


def load_secret_key(path: Path) -> str:
    """The key in ``path`` (``Settings.secret_key_file``), created (mode 0600) with a random value when missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
        raise RuntimeError(f"{path} is empty; delete it to generate a new key") from None
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key + "\n")
    return key


def create_app(engine: Engine, config: Mapping[str, Any] | None = None) -> Flask:
    """Build the web app over ``engine``."""
    config = dict(config or {})
    settings = engine.settings
    app = Flask(__name__)
    app.config.update(
        RATE_LIMIT_PER_MINUTE=settings.rate_limit_per_minute,
        TRUSTED_PROXIES=settings.trusted_proxies,
        CORS_ORIGINS=settings.cors_origins,
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_NAME="verisight_session",
        PERMANENT_SESSION_LIFETIME=8 * 3600,
        JSON_SORT_KEYS=False,
    )
    app.config.update(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = settings.secret_key or load_secret_key(settings.secret_key_file)
    app.json.sort_keys = False  # type: ignore[attr-defined]

    app.extensions[ENGINE] = engine
    app.extensions[METRICS] = Metrics()
    app.extensions[REVIEWERS] = ReviewerStore(settings.answers_db)
    app.extensions[LIMITER] = TokenBucketLimiter(int(app.config["RATE_LIMIT_PER_MINUTE"] or 0))

    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies
        )

    app.before_request(_start_request)
    app.after_request(_finish_request)
    errors.init_app(app)
    for module in (api, ops, pages, audit, cached):
        module.init_app(app)
    app.jinja_env.globals["version"] = __version__
    app.add_template_filter(web_url, "web_url")
    return app


def _start_request() -> Response | None:
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex[:16]
    g.started = time.perf_counter()
    if request.path.startswith(UNLIMITED_PREFIXES):
        return None
    cost = SIGNIN_COST if request.endpoint == "audit.signin" and request.method == "POST" else 1.0
    wait = limiter_of().take(request.remote_addr or "unknown", cost)
    if wait > 0:
        metrics_of().rate_limited.inc()
        raise errors.ApiError(429, "rate_limited", "too many requests; slow down", {"Retry-After": retry_after(wait)})
    return None


def _cors_origin() -> str | None:
    allowed = [o.strip() for o in str(current_app.config.get("CORS_ORIGINS") or "").split(",") if o.strip()]
    origin = request.headers.get("Origin")
    if not allowed or not origin or not request.path.startswith(CORS_PREFIXES):
        return None
    if "*" in allowed:
        return "*"
    return origin if origin in allowed else None


def _finish_request(response: Response) -> Response:
    rule = request.url_rule.rule if request.url_rule is not None else "unmatched"
    elapsed = time.perf_counter() - g.get("started", time.perf_counter())
    metrics = metrics_of()
    metrics.requests.labels(route=rule, method=request.method, status=str(response.status_code)).inc()
    metrics.request_seconds.labels(route=rule).observe(elapsed)
    log_request(
        request.method,
        rule,
        request.path,
        response.status_code,
        elapsed * 1000,
        g.get("request_id", ""),
        request.remote_addr or "",
    )
    if (
        response.status_code == 503
        and response.is_json
        and (response.get_json(silent=True) or {}).get("error", {}).get("code") == "busy"
    ):
        metrics.busy.inc()
    response.headers["X-Request-ID"] = g.get("request_id", "")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        )
        response.headers.setdefault("X-Frame-Options", "DENY")
    origin = _cors_origin()
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type"
        response.headers["Access-Control-Max-Age"] = "600"
        if origin != "*":
            response.vary.add("Origin")
    return response
