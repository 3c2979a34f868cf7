"""Rate limiting, trusted proxies, CORS, security headers and the secret key."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from flask import Flask

from tests.web.helpers import assert_error
from verisight.engine import Engine
from web.app import load_secret_key
from web.limits import TokenBucketLimiter, retry_after


def test_token_bucket_refills_over_time() -> None:
    now = [0.0]
    bucket = TokenBucketLimiter(60, clock=lambda: now[0])  # one token a second, burst of 60
    assert all(bucket.take("a") == 0 for _ in range(60))
    wait = bucket.take("a")
    assert 0 < wait <= 1.0
    assert bucket.take("b") == 0  # other clients have their own bucket
    now[0] += 1.0
    assert bucket.take("a") == 0
    assert retry_after(0.2) == "1" and retry_after(2.1) == "3"


def test_token_bucket_forgets_old_clients() -> None:
    bucket = TokenBucketLimiter(10, max_clients=3)
    for client in "abcde":
        bucket.take(client)
    assert len(bucket._buckets) == 3


def test_disabled_limiter_never_waits() -> None:
    bucket = TokenBucketLimiter(0)
    assert not bucket.enabled
    assert all(bucket.take("a") == 0 for _ in range(1000))


def test_rate_limit_is_429_with_retry_after(engine: Engine, make_app: Callable[..., Flask]) -> None:
    client = make_app(engine, RATE_LIMIT_PER_MINUTE=3).test_client()
    for _ in range(3):
        assert client.get("/api/openapi.json").status_code == 200
    response = client.get("/api/openapi.json")
    assert_error(response, 429, "rate_limited")
    assert int(response.headers["Retry-After"]) >= 1
    assert client.get("/healthz").status_code == 200  # operations routes are never limited
    assert client.get("/metrics").status_code == 200
    other = client.get("/api/openapi.json", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200


def test_forwarded_for_is_ignored_unless_proxies_are_trusted(engine: Engine, make_app: Callable[..., Flask]) -> None:
    untrusted = make_app(engine, RATE_LIMIT_PER_MINUTE=1).test_client()
    assert untrusted.get("/api/openapi.json", headers={"X-Forwarded-For": "1.1.1.1"}).status_code == 200
    # a spoofed header does not buy a fresh bucket
    assert untrusted.get("/api/openapi.json", headers={"X-Forwarded-For": "2.2.2.2"}).status_code == 429

    trusted = make_app(engine, RATE_LIMIT_PER_MINUTE=1, TRUSTED_PROXIES=1).test_client()
    assert trusted.get("/api/openapi.json", headers={"X-Forwarded-For": "1.1.1.1"}).status_code == 200
    assert trusted.get("/api/openapi.json", headers={"X-Forwarded-For": "1.1.1.1"}).status_code == 429
    assert trusted.get("/api/openapi.json", headers={"X-Forwarded-For": "2.2.2.2"}).status_code == 200
    # with one trusted proxy only the last hop counts: a client cannot prepend its own address
    assert trusted.get("/api/openapi.json", headers={"X-Forwarded-For": "9.9.9.9, 2.2.2.2"}).status_code == 429


def test_cors_is_off_by_default(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/openapi.json", headers={"Origin": "https://other.example"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_allows_only_configured_origins(engine: Engine, make_app: Callable[..., Flask]) -> None:
    client = make_app(engine, CORS_ORIGINS="https://app.example, https://b.example").test_client()
    ok = client.get("/api/openapi.json", headers={"Origin": "https://app.example"})
    assert ok.headers["Access-Control-Allow-Origin"] == "https://app.example"
    assert "Origin" in ok.headers["Vary"]
    other = client.get("/api/openapi.json", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = client.options(
        "/api/answer", headers={"Origin": "https://b.example", "Access-Control-Request-Method": "POST"}
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://b.example"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    audit = client.get("/api/audit/claims", headers={"Origin": "https://app.example"})
    assert "Access-Control-Allow-Origin" not in audit.headers  # the audit API is never opened to other sites


def test_request_id_and_security_headers(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert response.headers["X-Request-ID"] == "abc-123"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    odd = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces"})
    assert odd.headers["X-Request-ID"] != "bad id\twith spaces"


def test_secret_key_is_generated_once_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "secret_key"
    key = load_secret_key(path)
    assert len(key) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret_key(path) == key


def test_app_uses_the_data_dir_key_when_none_is_configured(engine: Engine) -> None:
    from web.app import create_app

    app = create_app(engine, {"TESTING": True})
    assert app.config["SECRET_KEY"] == engine.settings.secret_key_file.read_text().strip()


def test_json_log_lines_carry_the_request_id_but_not_the_query() -> None:
    import io
    import json
    import logging

    from web.logs import JsonFormatter, log_request

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    access = logging.getLogger("web.access")
    access.addHandler(handler)
    old = access.level
    access.setLevel(logging.INFO)
    try:
        log_request("GET", "/", "/", 200, 12.34, "rid-1", "127.0.0.1")
    finally:
        access.removeHandler(handler)
        access.setLevel(old)
    line = json.loads(stream.getvalue())
    assert line["request_id"] == "rid-1" and line["status"] == 200 and line["event"] == "request"
    assert line["level"] == "info" and line["duration_ms"] == 12.3


def test_password_attempts_cost_more(engine: Engine, make_app: Callable[..., Flask]) -> None:
    client = make_app(engine, RATE_LIMIT_PER_MINUTE=25).test_client()
    form = {"name": "nobody", "password": "guess"}
    assert client.post("/audit/signin", data=form).status_code == 403  # no CSRF token, but the attempt is counted
    assert client.post("/audit/signin", data=form).status_code == 403
    assert_error(client.post("/audit/signin", data=form), 429, "rate_limited")
