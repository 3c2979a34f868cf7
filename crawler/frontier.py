"""The crawl frontier: every URL a crawl has seen and its state, in SQLite (WAL) so a crawl can resume."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from crawler.types import FrontierState
from crawler.urls import hostname

QUEUED: FrontierState = "queued"
IN_FLIGHT: FrontierState = "in_flight"
DONE: FrontierState = "done"
FAILED: FrontierState = "failed"
SKIPPED: FrontierState = "skipped"
_INSERT_FINAL = "INSERT OR IGNORE INTO urls (url, host, depth, state, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
STATES = (QUEUED, IN_FLIGHT, DONE, FAILED, SKIPPED)

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next frontier migration (append-only)."""
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_urls(db: sqlite3.Connection) -> None:
    """Create the urls table."""
    db.execute(
        """
        CREATE TABLE urls (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            url TEXT NOT NULL UNIQUE,
            host TEXT NOT NULL,
            depth INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued',
            reason TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try_at REAL NOT NULL DEFAULT 0,
            http_status INTEGER,
            note TEXT,
            updated_at REAL NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE INDEX urls_ready ON urls(state, next_try_at, depth, id)")
    db.execute("CREATE INDEX urls_host ON urls(host, state)")


@migration
def m002_validators(db: sqlite3.Connection) -> None:
    """Keep ETag / Last-Modified of fetched pages, and mark URLs queued by a refresh."""
    db.execute("ALTER TABLE urls ADD COLUMN etag TEXT")
    db.execute("ALTER TABLE urls ADD COLUMN last_modified TEXT")
    db.execute("ALTER TABLE urls ADD COLUMN refresh INTEGER NOT NULL DEFAULT 0")


@migration
def m003_forwarded(db: sqlite3.Connection) -> None:
    """URLs found by a partitioned crawl whose host another partition owns, waiting to be handed over."""
    db.execute("CREATE TABLE forwarded (url TEXT PRIMARY KEY, depth INTEGER NOT NULL)")


@dataclass(frozen=True, slots=True)
class Entry:
    """One frontier URL ready to be fetched."""

    url: str
    host: str
    depth: int
    attempts: int
    etag: str | None = None
    last_modified: str | None = None
    refresh: bool = False


class Frontier:
    """SQLite-backed URL frontier; one instance per crawl, used from one thread."""

    def __init__(self, path: Path, *, resume: bool = True, owns: Callable[[str], bool] | None = None) -> None:
        """Open (creating and migrating) the frontier at ``path``; URLs left in flight are queued again.

        ``resume=False`` only reads: for reporting while another process may be crawling. ``owns(host)``
        partitions a crawl by host: URLs of hosts it rejects are kept aside (``take_forwarded``), not queued.
        """
        self.path = Path(path)
        self.owns = owns
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        done = {r[0] for r in self._db.execute("SELECT id FROM migrations")}
        for number, fn in enumerate(MIGRATIONS, start=1):
            if number not in done:
                with self._transaction():
                    fn(self._db)
                    self._db.execute("INSERT INTO migrations (id, name) VALUES (?, ?)", (number, fn.__name__))
        if resume:
            with self._transaction():
                self._db.execute("UPDATE urls SET state = ? WHERE state = ?", (QUEUED, IN_FLIGHT))

    def _transaction(self) -> _Tx:
        """A BEGIN IMMEDIATE … COMMIT block (ROLLBACK on error)."""
        return _Tx(self._db)

    def add(self, urls: Iterable[str], depth: int) -> int:
        """Queue ``urls`` at ``depth`` unless already known; return how many were new."""
        rows = [(u, hostname(u), depth) for u in urls]
        if not rows:
            return 0
        with self._transaction():
            return self._insert(rows)

    def _insert(self, rows: list[tuple[str, str, int]]) -> int:
        """Queue ``rows`` (url, host, depth) of owned hosts, set the others aside; return new queued URLs."""
        if self.owns is not None:
            foreign = [(u, d) for u, h, d in rows if not self.owns(h)]
            rows = [r for r in rows if self.owns(r[1])]
            self._db.executemany("INSERT OR IGNORE INTO forwarded (url, depth) VALUES (?, ?)", foreign)
        before = self._db.total_changes
        self._db.executemany("INSERT OR IGNORE INTO urls (url, host, depth) VALUES (?, ?, ?)", rows)
        return self._db.total_changes - before

    def hosts(self) -> list[str]:
        """Every host this frontier has seen, sorted."""
        return [str(r[0]) for r in self._db.execute("SELECT DISTINCT host FROM urls ORDER BY host")]

    def take_forwarded(self) -> list[tuple[str, int]]:
        """The URLs set aside for other partitions ``(url, depth)``, removed from here in the same transaction."""
        with self._transaction():
            rows = self._db.execute("SELECT url, depth FROM forwarded ORDER BY rowid").fetchall()
            self._db.execute("DELETE FROM forwarded")
        return [(str(u), int(d)) for u, d in rows]

    def record(self, url: str, state: str, reason: str | None = None, depth: int = 0) -> None:
        """Add ``url`` directly in a final state (skipped or failed before a fetch), unless known."""
        with self._transaction():
            self._db.execute(
                _INSERT_FINAL,
                (url, hostname(url), depth, state, reason, time.time()),
            )

    def ready(self, now: float, limit: int, exclude_hosts: Iterable[str] = ()) -> list[Entry]:
        """Queued URLs whose retry time has come, shallowest first, skipping ``exclude_hosts``."""
        excluded = list(exclude_hosts)
        clause = ""
        if excluded:
            clause = f"AND host NOT IN ({', '.join('?' for _ in excluded)})"
        rows = self._db.execute(
            "SELECT url, host, depth, attempts, etag, last_modified, refresh FROM urls "
            f"WHERE state = ? AND next_try_at <= ? {clause} "
            "ORDER BY depth, id LIMIT ?",
            (QUEUED, now, *excluded, limit),
        ).fetchall()
        return [Entry(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]

    def next_retry_at(self) -> float | None:
        """The earliest retry time among queued URLs, or None when nothing is queued."""
        row = self._db.execute("SELECT min(next_try_at) FROM urls WHERE state = ?", (QUEUED,)).fetchone()
        return None if row[0] is None else float(row[0])

    def start(self, url: str) -> None:
        """Mark ``url`` in flight."""
        with self._transaction():
            self._db.execute(
                "UPDATE urls SET state = ?, attempts = attempts + 1, updated_at = ? WHERE url = ?",
                (IN_FLIGHT, time.time(), url),
            )

    def finish(
        self,
        url: str,
        state: str,
        reason: str | None = None,
        *,
        http_status: int | None = None,
        note: str | None = None,
        links: Iterable[str] = (),
        link_depth: int = 0,
        also_skipped: Iterable[tuple[str, str]] = (),
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> int:
        """Record the outcome of ``url`` and queue its new ``links`` in one transaction; return new links.

        ``also_skipped`` ``(url, reason)`` pairs (redirect targets already fetched as ``url``, crawler traps)
        are recorded as skipped so they are never fetched; ``note`` keeps a remark such as an ignored
        canonical URL.
        """
        rows = [(u, hostname(u), link_depth) for u in links]
        now = time.time()
        with self._transaction():
            self._db.execute(
                "UPDATE urls SET state = ?, reason = ?, http_status = ?, note = ?, updated_at = ?, refresh = 0, "
                "etag = coalesce(?, etag), last_modified = coalesce(?, last_modified) WHERE url = ?",
                (state, reason, http_status, note, now, etag, last_modified, url),
            )
            self._db.executemany(
                _INSERT_FINAL,
                [(u, hostname(u), link_depth, SKIPPED, why, now) for u, why in also_skipped],
            )
            return self._insert(rows) if rows else 0

    def retry(self, url: str, at: float, reason: str, http_status: int | None = None) -> None:
        """Queue ``url`` again for time ``at`` after a retryable failure."""
        with self._transaction():
            self._db.execute(
                "UPDATE urls SET state = ?, reason = ?, next_try_at = ?, http_status = ?, updated_at = ? WHERE url = ?",
                (QUEUED, reason, at, http_status, time.time(), url),
            )

    def requeue_failed(self, urls: Iterable[str]) -> None:
        """Queue ``urls`` again (fresh attempts) if they had failed, e.g. seeds of a re-run."""
        with self._transaction():
            self._db.executemany(
                "UPDATE urls SET state = ?, attempts = 0, next_try_at = 0 WHERE url = ? AND state = ?",
                [(QUEUED, u, FAILED) for u in urls],
            )

    def mark_unchanged(self, url: str) -> None:
        """Record that a refreshed page answered 304 Not Modified: it stays done."""
        with self._transaction():
            self._db.execute(
                "UPDATE urls SET state = ?, refresh = 0, note = coalesce(note, 'unchanged'), updated_at = ? "
                "WHERE url = ?",
                (DONE, time.time(), url),
            )

    def queue_refresh(self) -> int:
        """Queue every stored page (state done) again for a conditional re-fetch; return how many."""
        with self._transaction():
            cur = self._db.execute(
                "UPDATE urls SET state = ?, refresh = 1, attempts = 0, next_try_at = 0 WHERE state = ?",
                (QUEUED, DONE),
            )
            return cur.rowcount

    def notes(self) -> dict[str, int]:
        """Number of URLs per recorded note."""
        rows = self._db.execute("SELECT note, count(*) FROM urls WHERE note IS NOT NULL GROUP BY note")
        return {r: n for r, n in rows}

    def failures(self, since: float = 0.0) -> list[dict[str, object]]:
        """Failed and skipped URLs whose state changed at or after ``since`` (a Unix time), oldest first."""
        rows = self._db.execute(
            "SELECT url, state, reason, http_status, attempts, updated_at FROM urls"
            " WHERE state IN ('failed', 'skipped') AND updated_at >= ? ORDER BY updated_at, id",
            (since,),
        )
        keys = ("url", "state", "reason", "http_status", "attempts", "at")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def state(self, url: str) -> tuple[str, str | None] | None:
        """The state and reason of ``url``, or None when the frontier has never seen it."""
        row = self._db.execute("SELECT state, reason FROM urls WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else None

    def counts(self) -> dict[str, int]:
        """Number of URLs per state (every state present, zero when none)."""
        out: dict[str, int] = dict.fromkeys(STATES, 0)
        for state, n in self._db.execute("SELECT state, count(*) FROM urls GROUP BY state"):
            out[state] = n
        return out

    def reasons(self) -> dict[str, int]:
        """Number of URLs per recorded reason (final states only)."""
        rows = self._db.execute(
            "SELECT reason, count(*) FROM urls WHERE reason IS NOT NULL AND state != ? GROUP BY reason",
            (QUEUED,),
        )
        return {r: n for r, n in rows}

    def fetched(self) -> int:
        """Number of URLs that got an HTTP response that ended their crawl (any status)."""
        row = self._db.execute(
            "SELECT count(*) FROM urls WHERE http_status IS NOT NULL AND state != ?", (QUEUED,)
        ).fetchone()
        return int(row[0])

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> Frontier:
        """Use the frontier as a context manager."""
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close on leaving the block."""
        self.close()


class _Tx:
    """Context manager for one immediate transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")
