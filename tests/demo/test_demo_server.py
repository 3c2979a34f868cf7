"""Tests for the bundled demo corpus and its Host-header server."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx
import pytest

from verisight.demo import DEMO_ROOT, DemoServer, load_manifest

MANIFEST = load_manifest()
HOSTS: list[str] = MANIFEST["hosts"]


class _Links(HTMLParser):
    """Collects href targets of <a> and <link rel=canonical> tags."""

    def __init__(self) -> None:
        """Start with no links."""
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record anchors' hrefs."""
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def _links(html: str, base: str) -> list[str]:
    """Return the absolute, fragment-free targets of the anchors in a page."""
    parser = _Links()
    parser.feed(html)
    return [urldefrag(urljoin(base, h)).url for h in parser.links]


def _page_url(path: Path) -> str:
    """Return the URL a file under the demo root is served at."""
    rel = path.relative_to(DEMO_ROOT)
    host, rest = rel.parts[0], "/".join(rel.parts[1:])
    return f"http://{host}/" + ("" if rest == "index.html" else rest)


def _html_files() -> list[Path]:
    """Return every HTML page of the corpus."""
    return sorted(DEMO_ROOT.rglob("*.html"))


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    """Run the demo server on a free port for the whole module."""
    with DemoServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server: DemoServer) -> Iterator[httpx.Client]:
    """An httpx client that sends every request to the demo server, keeping the URL's Host header."""
    transport = httpx.HTTPTransport()

    class _Resolving(httpx.BaseTransport):
        """Rewrites the connection address to 127.0.0.1:<port> while keeping the Host header."""

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            """Send the request to the demo server."""
            host = request.url.host
            request.headers["Host"] = host
            request.url = request.url.copy_with(host="127.0.0.1", port=server.port)
            return transport.handle_request(request)

        def close(self) -> None:
            """Close the wrapped transport."""
            transport.close()

    with httpx.Client(transport=_Resolving(), timeout=5.0) as c:
        yield c


def _get(server: DemoServer, host: str, path: str) -> httpx.Response:
    """Fetch a path from the server with an explicit Host header."""
    return httpx.get(f"http://127.0.0.1:{server.port}{path}", headers={"Host": host}, timeout=5.0)


def test_server_binds_loopback_and_maps_every_host(server: DemoServer) -> None:
    """The server listens on 127.0.0.1 and the resolve map covers every host."""
    assert server.port > 0
    assert server.address == f"127.0.0.1:{server.port}"
    assert server.resolve_map() == {h: f"127.0.0.1:{server.port}" for h in HOSTS}
    assert server.url("news.dailyledger.example") == "http://news.dailyledger.example/"
    with pytest.raises(ValueError):
        DemoServer(host="0.0.0.0")


def test_index_pages_by_host_header(server: DemoServer) -> None:
    """Each host serves its own index page as UTF-8 HTML."""
    titles = set()
    for host in HOSTS:
        r = _get(server, host, "/")
        assert r.status_code == 200, host
        assert r.headers["content-type"] == "text/html; charset=utf-8"
        title = re.search(r"<title>(.*?)</title>", r.text)
        assert title, host
        titles.add(title.group(1))
        # A port in the Host header is ignored.
        assert _get(server, f"{host}:{server.port}", "/").text == r.text
    assert len(titles) == len(HOSTS)


def test_robots_txt_is_plain_text(server: DemoServer) -> None:
    """Every host has a robots.txt served as text/plain."""
    for host in HOSTS:
        r = _get(server, host, "/robots.txt")
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/plain")
        assert "User-agent" in r.text


def test_not_found(server: DemoServer) -> None:
    """Unknown hosts, unknown paths and escapes from the site folder give 404."""
    news = "news.dailyledger.example"
    assert _get(server, "unknown.example", "/").status_code == 404
    assert _get(server, news, "/no-such-page.html").status_code == 404
    assert _get(server, news, "/../www.cityhospital.example/index.html").status_code == 404
    assert _get(server, news, "/%2e%2e/manifest.json").status_code == 404
    assert _get(server, news, "/%2e%2e/%2e%2e/server.py").status_code == 404
    assert _get(server, "..", "/manifest.json").status_code == 404
    r = httpx.head(f"http://127.0.0.1:{server.port}/", headers={"Host": "docs.pyhelp.example"})
    assert r.status_code == 200 and r.content == b""


def test_every_link_resolves_and_robots_allow_it(client: httpx.Client) -> None:
    """Every anchor in every page points at a demo page that exists and robots.txt allows."""
    robots: dict[str, RobotFileParser] = {}
    for host in HOSTS:
        rp = RobotFileParser()
        rp.parse(client.get(f"http://{host}/robots.txt").text.splitlines())
        robots[host] = rp
    checked: set[str] = set()
    for path in _html_files():
        base = _page_url(path)
        for target in _links(path.read_text(encoding="utf-8"), base):
            host = urlsplit(target).hostname or ""
            assert host in HOSTS, f"{base} links outside the demo web: {target}"
            assert robots[host].can_fetch("VerisightBot", target), f"{base} links to a disallowed {target}"
            if target in checked:
                continue
            assert client.get(target).status_code == 200, f"{base} has a broken link: {target}"
            checked.add(target)
    assert len(checked) >= len(_html_files()) - 5


def test_crawl_from_seeds_reaches_every_page(client: httpx.Client) -> None:
    """A breadth-first crawl from the manifest's seeds reaches every page of the corpus."""
    seen: set[str] = set()
    queue = deque(MANIFEST["seeds"])
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        r = client.get(url)
        assert r.status_code == 200, url
        queue.extend(_links(r.text, url))
    assert {_page_url(p) for p in _html_files()} <= seen


def test_corpus_size_and_metadata() -> None:
    """The corpus is a few dozen pages over the manifest's hosts, each with a title and most with dates."""
    pages = _html_files()
    assert 30 <= len(pages) <= 60
    assert sorted(HOSTS) == sorted(p.name for p in DEMO_ROOT.iterdir() if p.is_dir())
    assert sum(len(p.read_bytes()) for p in pages) < 600_000
    articles = [p for p in pages if p.name != "index.html"]
    for page in articles:
        text = page.read_text(encoding="utf-8")
        assert "<title>" in text and "<h1>" in text, page
        assert 'name="author"' in text and "article:published_time" in text, page
        assert "<main>" in text, page


def test_manifest_is_consistent() -> None:
    """Seeds, questions, regression entries and credibility labels refer to real hosts and pages."""
    pages = {_page_url(p).removeprefix("http://") for p in _html_files()}
    pages |= {u.removesuffix("index.html") for u in pages}
    assert MANIFEST["seeds"] == [f"http://{h}/" for h in HOSTS]
    assert MANIFEST["check_query"].strip()
    questions = MANIFEST["reliable_questions"]
    assert len(questions) >= 30
    for item in questions:
        assert item["q"].strip() and item["relevant"], item
        for suffix in item["relevant"]:
            suffix = suffix.split("#")[0]
            assert any(p.endswith(suffix) for p in pages), suffix
    assert set(MANIFEST["credibility_expected"]) == set(HOSTS)
    labels = {"satire", "user_generated", "reliable", "unknown"}
    assert set(MANIFEST["credibility_expected"].values()) <= labels
    for item in MANIFEST["satire_regression"]:
        assert item["query"].strip() and item["forbidden"]
        assert set(item["source_hosts"]) <= set(HOSTS)
        patterns = [re.compile(rx, re.IGNORECASE) for rx in item["forbidden"]]
        assert any(p.search(item["dangerous_claim"]) for p in patterns), item["query"]
        for url in item["source_urls"]:
            assert url in pages, url
    for url in MANIFEST["credibility_expected_pages"]:
        assert url in pages, url


def test_forbidden_patterns_skip_debunking_claims() -> None:
    """The regression regexes catch the dangerous advice but not sentences that debunk it."""
    safe = [
        "Doctors say you should not eat rocks.",
        "The claim that geologists recommend a rock a day came from a satirical article.",
        "Do not put butter on a burn.",
        "Cool the burn under running water for 20 minutes.",
        "Use less sauce and low-moisture mozzarella.",
        "Men need about 3.7 litres of fluid a day.",
    ]
    for item in MANIFEST["satire_regression"]:
        for claim in safe:
            assert not any(re.search(rx, claim, re.IGNORECASE) for rx in item["forbidden"]), (claim, item)


def test_satire_and_injection_fixtures(client: httpx.Client) -> None:
    """The satire states the absurd thing as news, its copy names the original, and the canary is hidden."""
    satire = client.get(
        "http://www.theunion-satire.example/news/geologists-recommend-one-small-rock-per-day.html"
    ).text
    article = satire.split("<article>")[1].split("</article>")[0]
    assert "one small rock per day" in article and "satir" not in article.lower()
    assert "satirical publication" in satire.split("<footer")[1]
    copy = client.get("http://blog.acmepaving.example/blog/geologists-recommend-eating-rocks.html").text
    assert "Originally published by" in copy and "theunion-satire.example" in copy
    inj = MANIFEST["prompt_injection"]
    page = client.get("http://" + inj["url"]).text
    assert page.count(inj["canary"]) == 2 and "display:none" in page
