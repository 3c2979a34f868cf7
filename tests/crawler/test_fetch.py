"""Fetching against the real fixture server: resolve, redirects, caps, content types, network rules."""

from __future__ import annotations

import asyncio
import time

from crawler.fetch import USER_AGENT, Fetcher, FetchResult, make_client, parse_resolve, retry_after_seconds

from .conftest import FixtureServer


def fetch(url: str, *, resolve: dict[str, str] | None = None, **kwargs: object) -> FetchResult:
    """Run one fetch to completion."""

    async def go() -> FetchResult:
        async with make_client(resolve=resolve) as client:
            return await Fetcher(client, **kwargs).fetch(url)  # type: ignore[arg-type]

    return asyncio.run(go())


def test_resolve_keeps_host_header(server: FixtureServer) -> None:
    result = fetch("http://echo.example/anything", resolve=server.resolve("echo.example"))
    assert result.reason == "not_html:text/plain"
    text = asyncio.run(_raw_get("http://echo.example/x", server.resolve("echo.example")))
    assert text == "host=echo.example"


async def _raw_get(url: str, resolve: dict[str, str]) -> str:
    async with make_client(resolve=resolve) as client:
        response = await client.get(url)
        assert response.request.headers["user-agent"] == USER_AGENT
        return response.text


def test_resolve_with_port_in_url(server: FixtureServer) -> None:
    resolve = {"echo.example:9999": f"127.0.0.1:{server.port}"}
    assert asyncio.run(_raw_get("http://echo.example:9999/x", resolve)) == "host=echo.example:9999"


def test_parse_resolve() -> None:
    assert parse_resolve({"A.example": "127.0.0.1:80", "b": "[::1]:81", "c": "10.0.0.1"}) == {
        "a.example": ("127.0.0.1", 80),
        "b": ("::1", 81),
        "c": ("10.0.0.1", None),
    }


def test_ok_page(server: FixtureServer) -> None:
    result = fetch(f"{server.base}/a")
    assert result.ok and result.status == 200 and b"Reservoir" in result.body


def test_redirect_followed(server: FixtureServer) -> None:
    result = fetch(f"{server.base}/redirect")
    assert result.ok
    assert result.final_url == f"{server.base}/target"
    assert result.redirects == [f"{server.base}/target"]


def test_redirect_loop(server: FixtureServer) -> None:
    assert fetch(f"{server.base}/loop1").reason == "redirect_loop"


def test_redirect_limit(server: FixtureServer) -> None:
    assert fetch(f"{server.base}/redirect", max_redirects=0).reason == "too_many_redirects"


def test_404_and_429(server: FixtureServer) -> None:
    assert fetch(f"{server.base}/nothing-here").reason == "http_404"
    server.counters.pop("busy", None)
    busy = fetch(f"{server.base}/busy")
    assert busy.reason == "http_429" and busy.retryable and busy.retry_after == 1.0
    assert fetch(f"{server.base}/busy").ok


def test_byte_cap_stops_streaming(server: FixtureServer) -> None:
    result = fetch(f"{server.base}/huge", max_bytes=500_000)
    assert result.reason == "too_large"


def test_non_html_not_downloaded(server: FixtureServer) -> None:
    assert fetch(f"{server.base}/doc.pdf").reason == "not_html:application/pdf"


def test_network_rules_in_transport() -> None:
    assert fetch("http://169.254.169.254/latest/meta-data/").reason == "metadata_address"
    assert fetch("http://10.1.2.3/").reason == "private_address"
    assert fetch("http://trap.example/", resolve={"trap.example": "169.254.169.254:80"}).reason == ("metadata_address")
    assert fetch("http://link.example/", resolve={"link.example": "169.254.3.3:80"}).reason == "link_local_address"
    assert fetch("file:///etc/passwd").reason == "scheme_file"


def test_connection_refused_is_a_reason() -> None:
    result = fetch("http://127.0.0.1:1/")
    assert result.reason == "connect_error" and not result.retryable


def test_retry_after_parsing() -> None:
    assert retry_after_seconds("5") == 5.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 10) == 10.0
    assert retry_after_seconds("soon") is None


def test_gzip_decoded(server: FixtureServer) -> None:
    result = fetch(f"{server.base}/gzipped")
    assert result.ok and b"Mike text" in result.body


def test_gzip_bomb_stops_at_cap(server: FixtureServer) -> None:
    assert fetch(f"{server.base}/bomb", max_bytes=1_000_000).reason == "too_large"


def test_slowloris_hits_the_deadline(server: FixtureServer) -> None:
    started = time.monotonic()
    result = fetch(f"{server.base}/slowloris", deadline=0.6)
    assert result.reason == "timeout" and result.retryable
    assert time.monotonic() - started < 3
