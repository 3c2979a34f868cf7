"""A real threaded HTTP server on 127.0.0.1 serving fixture sites, told apart by the Host header."""

from __future__ import annotations

import gzip
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from verisight.documents import DocumentStore

LOREM = (
    "The committee met on Tuesday to discuss the water supply of the northern district. "
    "Engineers reported that the reservoir had reached its highest level in a decade, "
    "while farmers asked for a clear schedule of releases during the dry summer months. "
    "The mayor promised a public report before the end of the month and an open meeting in the town hall. "
)


_EXTRA_WORDS = (
    "river bridge school library market harbour council budget garden museum railway station hospital "
    "teacher student nurse driver baker farmer painter writer doctor pilot storm winter spring autumn "
    "morning evening quickly slowly carefully openly quietly loudly early late new old small large"
)
_VOCABULARY = sorted(set(LOREM.lower().replace(".", "").replace(",", "").split()) | set(_EXTRA_WORDS.split(" ")))


def filler(seed: str, n: int) -> str:
    """Forty words of deterministic filler text, different for every seed, so pages are not near-duplicates."""
    rng = random.Random(f"{seed}/{n}")
    words = [rng.choice(_VOCABULARY) for _ in range(40)]
    return " ".join(words).capitalize() + "."


def article(title: str, body: str, links: list[str] | tuple[str, ...] = (), head: str = "", lang: str = "en") -> str:
    """An article page with a title, a paragraph-rich body, and a nav of links."""
    nav = "".join(f'<li><a href="{h}">{h}</a></li>' for h in links)
    paragraphs = "".join(f"<p>{body} {filler(title + body, i)}</p>" for i in range(3))
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body><nav><ul>{nav}</ul></nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Fixture site footer</footer></body></html>"
    )


def links_page(links: list[str]) -> str:
    """A bare page of links (no main text)."""
    items = "".join(f'<li><a href="{h}">{h}</a></li>' for h in links)
    return f"<html><head><title>Index</title></head><body><ul>{items}</ul></body></html>"


@dataclass
class Hit:
    """One request the server saw."""

    host: str
    path: str
    start: float
    end: float = 0.0


Response = tuple[int, dict[str, str], bytes | Callable[[BaseHTTPRequestHandler], None]]


class FixtureServer(ThreadingHTTPServer):
    """The fixture HTTP server; ``hits`` records every request with its arrival and completion time."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.counters: dict[str, int] = {}

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self.server_address[1])

    @property
    def base(self) -> str:
        """Base URL of the default (127.0.0.1) site."""
        return f"http://127.0.0.1:{self.port}"

    def resolve(self, *hosts: str) -> dict[str, str]:
        """A ``resolve`` mapping sending ``hosts`` to this server."""
        return {h: f"127.0.0.1:{self.port}" for h in hosts}

    def hits_for(self, host: str) -> list[Hit]:
        """Requests seen for ``host`` (completed ones), in arrival order."""
        with self.lock:
            return sorted((h for h in self.hits if h.host == host and h.end), key=lambda h: h.start)

    def bump(self, key: str) -> int:
        """Increment and return a named counter (per-path state such as 'fail once')."""
        with self.lock:
            self.counters[key] = self.counters.get(key, 0) + 1
            return self.counters[key]


def _html(text: str, status: int = 200, **headers: str) -> Response:
    return status, {"Content-Type": "text/html; charset=utf-8", **headers}, text.encode("utf-8")


def _huge(handler: BaseHTTPRequestHandler) -> None:
    """Stream 3 MB of HTML with no Content-Length (the client must stop reading at its cap)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.write(b"<html><body>")
    chunk = b"<p>" + LOREM.encode() * 50 + b"</p>"
    try:
        for _ in range(3_000_000 // len(chunk)):
            handler.wfile.write(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass


_BOMB = gzip.compress(b"<html><body><p>" + b" " * 30_000_000, compresslevel=9)


def _slowloris(handler: BaseHTTPRequestHandler) -> None:
    """Send headers, then one byte every 0.2 s for a long time."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    try:
        for _ in range(100):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.2)
    except (BrokenPipeError, ConnectionResetError):
        pass


def main_site(server: FixtureServer, path: str) -> Response:
    """The default site: every kind of bad input linked from the index."""
    if path == "/robots.txt":
        return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
    if path == "/":
        return _html(
            links_page(
                [
                    "/a",
                    "/b",
                    "/dup",
                    "/redirect",
                    "/loop1",
                    "/missing",
                    "/busy",
                    "/binary",
                    "/latin1",
                    "/huge",
                    "/malformed",
                    "/canon",
                    "/private/secret",
                    "/doc.pdf",
                    "/a#section",
                    "mailto:someone@example.com",
                    "javascript:alert(1)",
                    "file:///etc/passwd",
                    "http://elsewhere.example/",
                    "http://169.254.169.254/latest/meta-data/",
                ]
            )
        )
    if path == "/a":
        return _html(article("Reservoir levels", "Alpha report on the reservoir.", ["/", "/b"]))
    if path == "/b":
        return _html(article("Farmers ask for schedule", "Bravo story about farmers.", ["/", "/a", "/c"]))
    if path == "/c":
        return _html(article("Town hall meeting", "Charlie notes on the meeting.", ["/"]))
    if path == "/dup":
        return _html(article("Reservoir levels", "Alpha report on the reservoir.", ["/", "/b"]))
    if path == "/redirect":
        return 301, {"Location": "/target"}, b""
    if path == "/target":
        return _html(article("Redirect target", "Delta text reached through a redirect.", []))
    if path == "/loop1":
        return 302, {"Location": "/loop2"}, b""
    if path == "/loop2":
        return 302, {"Location": "/loop1"}, b""
    if path == "/busy":
        if server.bump("busy") == 1:
            return 429, {"Retry-After": "1", "Content-Type": "text/plain"}, b"slow down"
        return _html(article("Busy page", "Echo text served after a 429.", []))
    if path == "/binary":
        rng = random.Random(7)
        return 200, {"Content-Type": "text/html"}, bytes(rng.randrange(256) for _ in range(20000))
    if path == "/latin1":
        text = article("Café naïve", "Crème brûlée à la façon de Zoë, déjà vu in the café.", [])
        body = text.replace('<meta charset="utf-8">', "").encode("cp1252")
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body  # the header lies
    if path == "/huge":
        return 200, {}, _huge
    if path == "/malformed":
        broken = (
            "<html><head><title>Broken</title><body><div><p>Foxtrot malformed page text. "
            + LOREM * 3
            + "<table><tr><td>unclosed cell <b>bold <i>both</div></p>\x00<p>more text "
            + LOREM
        )
        return _html(broken)
    if path == "/canon":
        head = '<link rel="canonical" href="file:///usr/share/doc/python3/html/canon.html">'
        return _html(article("Canonical test", "Golf text with a file canonical.", [], head=head))
    if path == "/gzipped":
        body = gzip.compress(article("Gzipped page", "Mike text sent compressed.", []).encode())
        return 200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, body
    if path == "/bomb":
        return 200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, _BOMB
    if path == "/slowloris":
        return 200, {}, _slowloris
    if path == "/sitemap.xml":
        index = (
            '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<sitemap><loc>/sitemap-pages.xml.gz</loc></sitemap></sitemapindex>"
        )
        return 200, {"Content-Type": "application/xml"}, index.encode()
    if path == "/sitemap-pages.xml.gz":
        urlset = (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{server.base}/a</loc></url><url><loc>{server.base}/c</loc></url>"
            "<url><loc>http://elsewhere.example/x</loc></url><url><loc>&e;</loc></url></urlset>"
        )
        return 200, {"Content-Type": "application/gzip"}, gzip.compress(urlset.encode())
    if path == "/doc.pdf":
        return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 fake"
    if path == "/private/secret":
        return _html(article("Secret", "This must never be fetched.", []))
    return _html("<html><body>not found</body></html>", status=404)


def polite_site(server: FixtureServer, path: str, *, sleep: float = 0.5, pages: int = 8) -> Response:
    """A site of slow pages, to measure per-host delay and in-flight limits."""
    if path == "/robots.txt":
        return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"
    if path == "/":
        return _html(links_page([f"/p/{i}" for i in range(pages)]))
    if path.startswith("/p/"):
        time.sleep(sleep)
        n = path.rsplit("/", 1)[1]
        return _html(article(f"Page {n}", f"Page number {n} of the polite site, item {n}.", ["/"]))
    return _html("nope", status=404)


def delay_site(server: FixtureServer, path: str) -> Response:
    """A site whose robots.txt sets a crawl-delay."""
    if path == "/robots.txt":
        return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nCrawl-delay: 0.3\n"
    return polite_site(server, path, sleep=0.0, pages=4)


def resume_site(server: FixtureServer, path: str, *, pages: int = 40) -> Response:
    """A chain-and-fan site of slowish pages for kill-and-resume tests."""
    if path == "/robots.txt":
        return 404, {"Content-Type": "text/plain"}, b""
    if path == "/":
        return _html(links_page([f"/r/{i}" for i in range(0, pages, 5)]))
    if path.startswith("/r/"):
        time.sleep(0.04)
        n = int(path.rsplit("/", 1)[1])
        nxt = [f"/r/{j}" for j in range(n + 1, min(n + 5, pages))]
        return _html(article(f"Resume {n}", f"Resume page {n} unique token r{n}x{n * 7}.", nxt))
    return _html("nope", status=404)


SITES: dict[str, Callable[[FixtureServer, str], Response]] = {
    "127.0.0.1": main_site,
    "polite.example": polite_site,
    "delay.example": delay_site,
    "resume.example": resume_site,
}


def robots500_site(server: FixtureServer, path: str) -> Response:
    """A site whose robots.txt is a 500."""
    if path == "/robots.txt":
        return 500, {"Content-Type": "text/plain"}, b"oops"
    return _html(article("Unreachable by robots", "Hotel.", []))


SITES["robots500.example"] = robots500_site


def fresh_site(server: FixtureServer, path: str, if_none_match: str | None) -> Response:
    """A site that changes once ``server.counters['fresh_phase']`` is set: /same stays, /gone goes, /edit changes."""
    phase = server.counters.get("fresh_phase", 0)
    if path == "/robots.txt":
        return 404, {}, b""
    if path == "/":
        return _html(links_page(["/same", "/gone", "/edit"]))
    if path == "/same":
        if if_none_match == '"same-v1"':
            return 304, {"ETag": '"same-v1"'}, b""
        return _html(article("Same", "November text that never changes.", []), ETag='"same-v1"')
    if path == "/gone":
        if phase:
            return _html("<html><body>gone</body></html>", status=410)
        return _html(article("Gone soon", "Oscar text about to vanish.", []))
    if path == "/edit":
        word = "Papa revised" if phase else "Papa original"
        return _html(article("Edited", f"{word} text of the edited page.", []))
    return _html("nope", status=404)


def calendar_site(server: FixtureServer, path: str) -> Response:
    """An infinite calendar: every month links to the next and the previous one."""
    if path == "/robots.txt":
        return 404, {}, b""
    month = int(path.split("m=", 1)[1]) if "m=" in path else 0
    links = [f"/cal?m={month + 1}", f"/cal?m={month - 1}"]
    return _html(article(f"Month {month}", f"Events of month {month}: none.", links))


class Handler(BaseHTTPRequestHandler):
    """Routes by Host header to one of ``SITES``."""

    server: FixtureServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_GET(self) -> None:
        """Serve one GET and record its timing."""
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
        hit = Hit(host=host, path=self.path, start=time.monotonic())
        with self.server.lock:
            self.server.hits.append(hit)
        payload: bytes | Callable[[BaseHTTPRequestHandler], None]
        try:
            if host == "echo.example":
                body = f"host={self.headers.get('Host')}".encode()
                status, headers, payload = 200, {"Content-Type": "text/plain"}, body
            elif host == "fresh.example":
                status, headers, payload = fresh_site(self.server, self.path, self.headers.get("If-None-Match"))
            elif host == "calendar.example":
                status, headers, payload = calendar_site(self.server, self.path)
            else:
                site = SITES.get(host, main_site)
                status, headers, payload = site(self.server, self.path.split("?")[0])
            if callable(payload):
                payload(self)
                self.close_connection = True
                return
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        finally:
            hit.end = time.monotonic()


@pytest.fixture(scope="session")
def server() -> Iterator[FixtureServer]:
    """The fixture server, started once per test run on a free port."""
    srv = FixtureServer()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DocumentStore]:
    """A fresh document store."""
    with DocumentStore(tmp_path / "documents.sqlite") as s:
        yield s
