"""Kill -9 a crawl mid-way, resume it, and compare with an uninterrupted crawl."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from crawler.crawl import crawl
from verisight.documents import DocumentStore

from .conftest import FixtureServer

SCRIPT = """
import sys
from pathlib import Path
from crawler.crawl import crawl
from verisight.documents import DocumentStore
port, data = sys.argv[1], Path(sys.argv[2])
with DocumentStore(data / "documents.sqlite") as store:
    crawl(["http://resume.example/"], frontier_path=data / "frontier.sqlite", sink=store,
          resolve={"resume.example": "127.0.0.1:" + port}, delay=0.03, per_host=2)
"""

ROOT = Path(__file__).resolve().parents[2]


def stored_count(path: Path) -> int:
    """Documents stored so far, read by another process while the crawl writes."""
    if not path.exists():
        return 0
    db = sqlite3.connect(path, timeout=5)
    try:
        return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def kill_mid_crawl(server: FixtureServer, data: Path, at_documents: int) -> bool:
    """Start a crawl in a subprocess and SIGKILL it once ``at_documents`` are stored; True if it was running."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(server.port), str(data)], env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if stored_count(data / "documents.sqlite") >= at_documents:
                break
            time.sleep(0.01)
        running = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    return running


def test_kill_and_resume_gives_the_same_documents(server: FixtureServer, tmp_path: Path) -> None:
    resolve = server.resolve("resume.example")
    with DocumentStore(tmp_path / "ref" / "documents.sqlite") as ref:
        crawl(
            ["http://resume.example/"],
            frontier_path=tmp_path / "ref" / "frontier.sqlite",
            sink=ref,
            resolve=resolve,
            delay=0.0,
            per_host=4,
        )
        expected = set(ref.urls())
    assert len(expected) == 41

    data = tmp_path / "killed"
    data.mkdir()
    kills = 0
    for at in (5, 15, 28):
        kills += kill_mid_crawl(server, data, at)
    assert kills >= 2, "the crawl finished before it could be killed"
    with DocumentStore(data / "documents.sqlite") as store:
        summary = crawl(
            ["http://resume.example/"],
            frontier_path=data / "frontier.sqlite",
            sink=store,
            resolve=resolve,
            delay=0.0,
            per_host=4,
        )
        urls = store.urls()
    assert set(urls) == expected
    assert len(urls) == len(set(urls))
    assert summary.stored == len(expected) and summary.failed == 0 and summary.queued == 0
