"""The frontier on its own: states, resume of in-flight URLs, retries, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from crawler.frontier import DONE, FAILED, IN_FLIGHT, QUEUED, Frontier


def test_states_and_resume(tmp_path: Path) -> None:
    path = tmp_path / "f.sqlite"
    with Frontier(path) as f:
        assert f.add(["http://a.example/", "http://b.example/"], 0) == 2
        assert f.add(["http://a.example/"], 0) == 0
        entries = f.ready(now=0, limit=10)
        assert [e.url for e in entries] == ["http://a.example/", "http://b.example/"]
        f.start("http://a.example/")
        f.start("http://b.example/")
        new = f.finish("http://b.example/", DONE, links=["http://b.example/x"], link_depth=1)
        assert new == 1
        assert f.counts()[IN_FLIGHT] == 1
    with Frontier(path) as f:  # reopened as after a kill: in-flight work is queued again
        assert f.state("http://a.example/") == (QUEUED, None)
        ready = f.ready(now=0, limit=10)
        assert [(e.url, e.depth, e.attempts) for e in ready] == [
            ("http://a.example/", 0, 1),
            ("http://b.example/x", 1, 0),
        ]


def test_retry_waits_and_failed_seed_requeue(tmp_path: Path) -> None:
    with Frontier(tmp_path / "f.sqlite") as f:
        f.add(["http://a.example/"], 0)
        f.start("http://a.example/")
        f.retry("http://a.example/", at=100.0, reason="http_503")
        assert f.ready(now=50.0, limit=5) == []
        assert f.next_retry_at() == 100.0
        assert [e.url for e in f.ready(now=100.0, limit=5)] == ["http://a.example/"]
        f.finish("http://a.example/", FAILED, "http_503", http_status=503)
        assert f.reasons() == {"http_503": 1} and f.fetched() == 1
        f.requeue_failed(["http://a.example/"])
        assert f.state("http://a.example/") == (QUEUED, "http_503")


def test_migrations_and_wal(tmp_path: Path) -> None:
    Frontier(tmp_path / "f.sqlite").close()
    db = sqlite3.connect(tmp_path / "f.sqlite")
    names = [r[1] for r in db.execute("SELECT id, name FROM migrations")]
    assert names == ["m001_urls", "m002_validators", "m003_forwarded"]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_a_partitioned_frontier_sets_other_hosts_aside(tmp_path: Path) -> None:
    mine = {"a.example"}
    with Frontier(tmp_path / "f.db", owns=lambda host: host in mine) as f:
        assert f.add(["https://a.example/1", "https://b.example/1"], 0) == 1
        f.start("https://a.example/1")
        new = f.finish("https://a.example/1", DONE, links=["https://a.example/2", "https://c.example/x"], link_depth=1)
        assert new == 1
        assert [e.url for e in f.ready(now=1e12, limit=10)] == ["https://a.example/2"]
        assert f.hosts() == ["a.example"]
        assert f.take_forwarded() == [("https://b.example/1", 0), ("https://c.example/x", 1)]
        assert f.take_forwarded() == []  # handed over once
