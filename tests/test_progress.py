"""Progress on long work: tqdm bars that print plain lines in logs, and crawl counts that never go negative."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from crawler.summary import CrawlStats
from crawler.types import Document
from tests.helpers import make_settings
from verisight.cli.corpus import index_with_progress
from verisight.cli.progress import Bar
from verisight.crawling import CrawlOptions, crawl_into
from verisight.demo.server import DemoServer, load_manifest
from verisight.engine import Engine


def test_a_bar_in_a_log_prints_lines_with_count_rate_and_never_goes_back() -> None:
    out = io.StringIO()
    bar = Bar("index: embedding", unit="passage", stream=out, every_s=0.0)
    bar.set(5, 10)
    bar.set(3, 4)  # a smaller figure (a guessed total, a recount) moves nothing back
    assert (bar.n, bar.total) == (5, 5)
    bar.set(8, 20, queued=12)
    bar.close("8 passages")
    text = out.getvalue()
    assert "\r" not in text, "a log gets lines, not terminal redraws"
    lines = text.splitlines()
    assert any("5/10" in line for line in lines) and any("8/20" in line and "queued=12" in line for line in lines)
    assert any("passage/s" in line or "s/passage" in line for line in lines), "no rate shown"
    assert lines[-1] == "index: embedding: 8 passages"
    assert len(lines) == len(set(lines)), "repeated lines"


def test_crawl_progress_counts_never_go_negative(tmp_path: Path) -> None:
    manifest = load_manifest()
    engine = Engine(make_settings(tmp_path))
    seen: list[CrawlStats] = []
    with DemoServer() as server:
        options = CrawlOptions(same_site=False, allow=tuple(manifest["hosts"]), resolve=server.resolve_map(), delay=0.0)
        summary = crawl_into(engine.settings, engine.documents, manifest["seeds"], options, progress=seen.append)
    engine.close()
    assert summary.stored >= 30 and len(seen) >= 30
    for stats in seen:
        assert min(stats.done, stats.queued, stats.in_flight, stats.failed, stats.skipped) >= 0, stats
    # links found on the pages are counted as queued (the seeds alone are only 8)
    assert max(s.queued + s.in_flight for s in seen) > len(manifest["seeds"])


def test_index_shows_embedding_progress_up_to_every_passage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    engine = Engine(make_settings(tmp_path))
    for i in range(12):
        text = f"Paragraph {i} about lighthouses and the sea. " * 20
        url = f"https://lights.example/{i}"
        engine.documents.put(
            Document(url, url, None, f"Light {i}", "lights.example", None, None, "en", text, f"h{i}"), b""
        )
    update = index_with_progress(engine)
    err = capsys.readouterr().err
    engine.close()
    bars = [line for line in err.splitlines() if line.startswith("index: embedding:")]
    assert bars and f"{update.embedded}/{update.embedded}" in bars[-1], err
    assert "passage/s" in err or "s/passage" in err
    assert err.splitlines()[-1].startswith(f"index: added_docs {update.added_docs}")
