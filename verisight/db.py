"""SQLite connections in WAL mode with append-only, numbered migrations."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

Migration = Callable[[sqlite3.Connection], None]


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` for use from several threads (callers serialise writes), WAL on, foreign keys on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=30.0, check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=30000")
    return conn


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration]) -> int:
    """Apply the migrations not yet recorded, each in its own transaction; return how many ran."""
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, at TEXT)")
    done = {row[0] for row in conn.execute("SELECT id FROM migrations")}
    ran = 0
    for number, step in enumerate(migrations, start=1):
        if number in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(
                "INSERT INTO migrations (id, name, at) VALUES (?, ?, datetime('now'))", (number, step.__name__)
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran += 1
    return ran


class Store:
    """A SQLite file with its migrations applied and a lock that serialises writes."""

    migrations: Sequence[Migration] = ()

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect(path)
        self.lock = threading.RLock()
        with self.lock:
            migrate(self.conn, self.migrations)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
