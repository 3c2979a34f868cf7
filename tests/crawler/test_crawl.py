"""End-to-end crawls of the fixture sites: bad input, politeness, robots, scope, summaries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from crawler.crawl import CrawlStats, crawl
from crawler.errors import CrawlerError, SeedUnreachable
from crawler.frontier import Frontier
from verisight.documents import DocumentStore

from .conftest import FixtureServer

ROOT = Path(__file__).resolve().parents[2]
CRAWL_SCRIPT = """
import json, sys
from pathlib import Path
from crawler.crawl import crawl
from verisight.documents import DocumentStore
seed, data, options = sys.argv[1], Path(sys.argv[2]), json.loads(sys.argv[3])
with DocumentStore(data / "documents.sqlite") as store:
    crawl([seed], frontier_path=data / "frontier.sqlite", sink=store, **options)
"""


def crawl_elsewhere(seed: str, data: Path, **options: object) -> None:
    """Crawl in a child process, so the fixture server's arrival times do not share a GIL with the crawler."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", CRAWL_SCRIPT, seed, str(data), json.dumps(options)], env=env, cwd=ROOT,
                   check=True, timeout=120)


def assert_spaced(starts: list[float], delay: float) -> None:
    """Request starts at least ``delay`` apart, as the server saw them.

    A server timestamp can come late when the machine is loaded, by any amount: that shortens every gap or span
    that starts at it (a two-step span of 0.35 s for a 0.2 s delay was seen on a loaded machine). So the checks
    are on the whole run, which lasts at least the delays it owes (only the first timestamp's lateness shortens
    it, and only past a tenth of the run does that fail it), and on the median gap. Back-to-back requests fail
    both.
    """
    gaps = [b - a for a, b in pairwise(starts)]
    assert starts[-1] - starts[0] >= (len(starts) - 1) * delay * 0.9, gaps
    assert sorted(gaps)[len(gaps) // 2] >= delay * 0.95, gaps


def max_overlap(intervals: list[tuple[float, float]]) -> int:
    """Most intervals open at the same moment."""
    events = sorted([(s, 1) for s, _ in intervals] + [(e, -1) for _, e in intervals])
    best = cur = 0
    for _, step in events:
        cur += step
        best = max(best, cur)
    return best


def test_crawl_fixture_site_records_every_bad_input(
    server: FixtureServer, store: DocumentStore, tmp_path: Path
) -> None:
    server.counters.pop("busy", None)
    seen: list[CrawlStats] = []
    summary = crawl(
        [f"{server.base}/"],
        frontier_path=tmp_path / "frontier.sqlite",
        sink=store,
        delay=0.02,
        max_bytes=1_000_000,
        backoff_base=0.1,
        progress=seen.append,
    )
    b = server.base
    urls = set(store.urls())
    for path in ("/", "/a", "/b", "/c", "/dup", "/redirect", "/busy", "/latin1", "/malformed", "/canon"):
        assert f"{b}{path}" in urls, path
    assert f"{b}/binary" not in urls and f"{b}/huge" not in urls and f"{b}/target" not in urls
    dup = store.get(f"{b}/dup")
    assert dup is not None and dup.duplicate_of == f"{b}/a"
    redirected = store.get(f"{b}/redirect")
    assert redirected is not None and redirected.final_url == f"{b}/target"
    latin = store.get(f"{b}/latin1")
    assert latin is not None and "Crème brûlée" in latin.text
    assert summary.stored == len(urls)
    assert summary.duplicates == 1
    reasons = summary.by_reason
    assert reasons["redirect_loop"] == 1
    assert reasons["http_404"] >= 1
    assert reasons["binary_content"] == 1
    assert reasons["too_large"] == 1
    assert reasons["not_html:application/pdf"] == 1
    assert reasons["robots_disallowed"] == 1
    assert reasons["canonical_scheme_file"] == 1
    assert summary.failed >= 2 and summary.skipped >= 4
    paths = {h.path for h in server.hits_for("127.0.0.1")}
    assert "/private/secret" not in paths
    assert not server.hits_for("elsewhere.example")
    assert [h.path for h in server.hits_for("127.0.0.1")].count("/robots.txt") == 1
    assert [h.path for h in server.hits_for("127.0.0.1")].count("/busy") == 2
    assert seen and seen[-1].done == summary.stored


def test_politeness_in_flight_and_delay(server: FixtureServer, tmp_path: Path) -> None:
    crawl_elsewhere("http://polite.example/", tmp_path, resolve=server.resolve("polite.example"), per_host=2,
                    delay=0.2, concurrency=8)
    hits = server.hits_for("polite.example")
    assert len(hits) == 10  # robots.txt, the index, 8 pages
    starts = [h.start for h in hits]
    assert_spaced(starts, 0.2)
    assert max_overlap([(h.start, h.end) for h in hits]) <= 2
    assert max_overlap([(h.start, h.end) for h in hits if h.path.startswith("/p/")]) == 2
    with DocumentStore(tmp_path / "documents.sqlite") as store:
        assert store.count() == 9


def test_robots_crawl_delay_is_obeyed(server: FixtureServer, tmp_path: Path) -> None:
    crawl_elsewhere("http://delay.example/", tmp_path, resolve=server.resolve("delay.example"))
    starts = [h.start for h in server.hits_for("delay.example")]
    assert len(starts) == 6
    assert_spaced(starts, 0.3)


def test_robots_500_disallows_with_reason(server: FixtureServer, store: DocumentStore, tmp_path: Path) -> None:
    with pytest.raises(SeedUnreachable, match="robots_unavailable"):
        crawl(
            ["http://robots500.example/"],
            frontier_path=tmp_path / "f.sqlite",
            sink=store,
            resolve=server.resolve("robots500.example"),
        )
    assert [h.path for h in server.hits_for("robots500.example")] == ["/robots.txt"]


def test_unreachable_seed(store: DocumentStore, tmp_path: Path) -> None:
    with pytest.raises(SeedUnreachable) as info:
        crawl(["http://127.0.0.1:1/"], frontier_path=tmp_path / "f.sqlite", sink=store)
    assert isinstance(info.value, CrawlerError)
    assert "connect_error" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(SeedUnreachable, match="scheme_file"):
        crawl(["file:///etc/passwd"], frontier_path=tmp_path / "g.sqlite", sink=store)


def test_one_bad_seed_is_reported_not_raised(server: FixtureServer, store: DocumentStore, tmp_path: Path) -> None:
    summary = crawl(
        ["http://127.0.0.1:1/", f"{server.base}/c"],
        frontier_path=tmp_path / "f.sqlite",
        sink=store,
        max_depth=0,
        delay=0.0,
    )
    assert summary.by_reason.get("connect_error") == 1
    assert store.urls() == [f"{server.base}/c"]
    # A later run of the same frontier whose only seed fails still says so, despite earlier documents.
    with pytest.raises(SeedUnreachable, match="connect_error"):
        crawl(["http://127.0.0.1:2/"], frontier_path=tmp_path / "f.sqlite", sink=store, delay=0.0)


def test_max_pages_and_depth(server: FixtureServer, store: DocumentStore, tmp_path: Path) -> None:
    summary = crawl(
        ["http://polite.example/"],
        frontier_path=tmp_path / "f.sqlite",
        sink=store,
        resolve=server.resolve("polite.example"),
        max_pages=3,
        delay=0.0,
    )
    assert summary.stored == 3 and store.count() == 3
    assert summary.queued > 0
    with DocumentStore(tmp_path / "d2.sqlite") as other:
        crawl(
            ["http://polite.example/"],
            frontier_path=tmp_path / "f2.sqlite",
            sink=other,
            resolve=server.resolve("polite.example"),
            max_depth=0,
            delay=0.0,
        )
        assert other.urls() == ["http://polite.example/"]


def test_rerun_of_finished_crawl_fetches_nothing(server: FixtureServer, store: DocumentStore, tmp_path: Path) -> None:
    args = dict(frontier_path=tmp_path / "f.sqlite", sink=store, resolve=server.resolve("polite.example"), delay=0.0)
    first = crawl(["http://polite.example/"], **args)  # type: ignore[arg-type]
    before = len(server.hits_for("polite.example"))
    second = crawl(["http://polite.example/"], **args)  # type: ignore[arg-type]
    assert second == first
    assert len(server.hits_for("polite.example")) == before
    with Frontier(tmp_path / "f.sqlite") as frontier:
        assert frontier.counts()["done"] == 9


def test_infinite_calendar_is_cut_off(server: FixtureServer, store: DocumentStore, tmp_path: Path) -> None:
    summary = crawl(
        ["http://calendar.example/"],
        frontier_path=tmp_path / "f.sqlite",
        sink=store,
        resolve=server.resolve("calendar.example"),
        delay=0.0,
        per_host=4,
        max_query_variants=10,
    )
    assert summary.by_reason["query_trap"] >= 1
    assert store.count() <= 12


def test_sitemap_seeds(server: FixtureServer, store: DocumentStore, tmp_path: Path) -> None:
    summary = crawl(
        [],
        sitemaps=[f"{server.base}/sitemap.xml"],
        frontier_path=tmp_path / "f.sqlite",
        sink=store,
        max_depth=0,
        delay=0.0,
    )
    assert sorted(store.urls()) == [f"{server.base}/a", f"{server.base}/c"]
    assert summary.stored == 2


def test_refresh_conditional_get_and_tombstones(server: FixtureServer, store: DocumentStore, tmp_path: Path) -> None:
    server.counters.pop("fresh_phase", None)
    args = dict(frontier_path=tmp_path / "f.sqlite", sink=store, resolve=server.resolve("fresh.example"), delay=0.0)
    crawl(["http://fresh.example/"], **args)  # type: ignore[arg-type]
    assert store.count() == 4
    server.counters["fresh_phase"] = 1
    summary = crawl(["http://fresh.example/"], refresh=True, **args)  # type: ignore[arg-type]
    assert store.is_tombstoned("http://fresh.example/gone")
    assert store.count() == 3
    edited = store.get("http://fresh.example/edit")
    assert edited is not None and "Papa revised" in edited.text
    assert summary.by_reason["tombstoned:http_410"] == 1
    assert summary.by_reason["unchanged"] == 1
    same_hits = [h for h in server.hits_for("fresh.example") if h.path == "/same"]
    assert len(same_hits) == 2
