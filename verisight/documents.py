"""The document store: extracted pages in SQLite (WAL), with raw HTML, dedup links and tombstones."""

from __future__ import annotations

import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from crawler.dedup import (
    NEAR_DUPLICATE_DISTANCE,
    NEAR_DUPLICATE_JACCARD,
    bands,
    hamming,
    jaccard_estimate,
    minhash,
    minhash_bands,
    simhash,
    to_signed,
    to_unsigned,
)
from crawler.sink import DocumentSink
from crawler.types import Document
from crawler.urls import hostname, normalize, registrable_domain

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []

_FIELDS = (
    "url",
    "final_url",
    "canonical_url",
    "title",
    "site",
    "author",
    "published",
    "language",
    "text",
    "content_hash",
    "duplicate_of",
    "fetched_at",
)


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next schema migration (append-only: never edit or reorder one)."""
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_documents(db: sqlite3.Connection) -> None:
    """Create the documents table and its indexes."""
    db.execute(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            url TEXT NOT NULL UNIQUE,
            final_url TEXT NOT NULL,
            canonical_url TEXT,
            title TEXT NOT NULL,
            site TEXT NOT NULL,
            domain TEXT NOT NULL,
            author TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT,
            fetched_at TEXT NOT NULL,
            raw_html BLOB,
            simhash INTEGER,
            band0 INTEGER, band1 INTEGER, band2 INTEGER, band3 INTEGER,
            tombstone INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )
        """
    )
    db.execute("CREATE INDEX documents_hash ON documents(content_hash)")
    db.execute("CREATE INDEX documents_site ON documents(site)")
    db.execute("CREATE INDEX documents_domain ON documents(domain)")
    for i in range(4):
        db.execute(f"CREATE INDEX documents_band{i} ON documents(band{i})")


@migration
def m002_minhash(db: sqlite3.Connection) -> None:
    """MinHash signatures and their LSH band keys, for near-duplicates that SimHash misses."""
    db.execute("ALTER TABLE documents ADD COLUMN minhash BLOB")
    db.execute(
        "CREATE TABLE document_bands (key INTEGER NOT NULL, "
        "doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE)"
    )
    db.execute("CREATE INDEX document_bands_key ON document_bands(key)")
    db.execute("CREATE INDEX document_bands_doc ON document_bands(doc_id)")


def _row_to_document(row: sqlite3.Row) -> Document:
    """Build a Document from a documents row."""
    return Document(**{name: row[name] for name in _FIELDS})


class DocumentStore(DocumentSink):
    """SQLite-backed document store; implements ``crawler.sink.DocumentSink`` and is safe across threads."""

    def __init__(self, path: Path) -> None:
        """Open (creating and migrating) the store at ``path``."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30.0)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def _migrate(self) -> None:
        """Apply the migrations not yet recorded in the ``migrations`` table, each in its own transaction."""
        with self._lock:
            self._db.execute("CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
            done = {row[0] for row in self._db.execute("SELECT id FROM migrations")}
            for number, fn in enumerate(MIGRATIONS, start=1):
                if number in done:
                    continue
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    fn(self._db)
                    self._db.execute("INSERT INTO migrations (id, name) VALUES (?, ?)", (number, fn.__name__))
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")

    def _original(
        self, content_hash: str, sim: int | None, before_id: int | None, sig: np.ndarray | None = None
    ) -> str | None:
        """URL of the earliest live document (before ``before_id``) that these hashes match, or None."""
        limit = "AND id < ?" if before_id is not None else ""
        args: list[Any] = [content_hash]
        if before_id is not None:
            args.append(before_id)
        row = self._db.execute(
            f"SELECT id, url, duplicate_of FROM documents WHERE content_hash = ? AND tombstone = 0 {limit} "
            "ORDER BY id LIMIT 1",
            args,
        ).fetchone()
        best: tuple[int, str] | None = (row["id"], row["duplicate_of"] or row["url"]) if row else None
        if sim is not None:
            b = bands(sim)
            args = list(b)
            if before_id is not None:
                args.append(before_id)
            rows = self._db.execute(
                "SELECT id, url, duplicate_of, simhash FROM documents WHERE "
                f"(band0 = ? OR band1 = ? OR band2 = ? OR band3 = ?) AND tombstone = 0 {limit} ORDER BY id",
                args,
            )
            for r in rows:
                if best is not None and r["id"] >= best[0]:
                    break
                if r["simhash"] is not None and hamming(to_unsigned(r["simhash"]), sim) <= NEAR_DUPLICATE_DISTANCE:
                    best = (r["id"], r["duplicate_of"] or r["url"])
                    break
        if sig is not None:
            keys = minhash_bands(sig)
            marks = ", ".join("?" for _ in keys)
            args = list(keys)
            if before_id is not None:
                args.append(before_id)
            rows = self._db.execute(
                "SELECT DISTINCT d.id, d.url, d.duplicate_of, d.minhash FROM document_bands b "
                f"JOIN documents d ON d.id = b.doc_id WHERE b.key IN ({marks}) AND d.tombstone = 0 "
                f"{limit.replace('id', 'd.id')} ORDER BY d.id",
                args,
            )
            for r in rows:
                if best is not None and r["id"] >= best[0]:
                    break
                other = np.frombuffer(r["minhash"], dtype=np.uint32) if r["minhash"] else None
                if other is not None and jaccard_estimate(sig, other) >= NEAR_DUPLICATE_JACCARD:
                    best = (r["id"], r["duplicate_of"] or r["url"])
                    break
        return best[1] if best else None

    def put(self, doc: Document, raw_html: bytes) -> Document:
        """Store ``doc`` (replacing its URL's earlier version) and return it with ``duplicate_of`` set."""
        sim = simhash(doc.text)
        sig = minhash(doc.text)
        band_values: tuple[int | None, ...] = bands(sim) if sim is not None else (None,) * 4
        compressed = zlib.compress(raw_html, 6) if raw_html else None
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute("SELECT id FROM documents WHERE url = ?", (doc.url,)).fetchone()
                existing_id: int | None = row["id"] if row else None
                original = self._original(doc.content_hash, sim, existing_id, sig)
                if original == doc.url:
                    original = None
                stored = Document(**{**{f: getattr(doc, f) for f in _FIELDS}, "duplicate_of": original})
                values = [getattr(stored, f) for f in _FIELDS]
                extra = [
                    registrable_domain(doc.site or hostname(doc.url)),
                    compressed,
                    to_signed(sim) if sim is not None else None,
                    *band_values,
                    sig.tobytes() if sig is not None else None,
                ]
                columns = (
                    *_FIELDS,
                    *("domain", "raw_html", "simhash", "band0", "band1", "band2", "band3", "minhash"),
                )
                if existing_id is None:
                    marks = ", ".join("?" for _ in columns)
                    cur = self._db.execute(
                        f"INSERT INTO documents ({', '.join(columns)}) VALUES ({marks})", [*values, *extra]
                    )
                    doc_id = cur.lastrowid
                else:
                    sets = ", ".join(f"{c} = ?" for c in columns)
                    self._db.execute(
                        f"UPDATE documents SET {sets}, tombstone = 0, "
                        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                        [*values, *extra, existing_id],
                    )
                    doc_id = existing_id
                    self._db.execute("DELETE FROM document_bands WHERE doc_id = ?", (doc_id,))
                if sig is not None:
                    self._db.executemany(
                        "INSERT INTO document_bands (key, doc_id) VALUES (?, ?)",
                        [(key, doc_id) for key in minhash_bands(sig)],
                    )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return stored

    def get(self, url: str) -> Document | None:
        """The stored document for ``url`` (tombstoned ones included), or None."""
        with self._lock:
            row = self._db.execute(f"SELECT {', '.join(_FIELDS)} FROM documents WHERE url = ?", (url,)).fetchone()
        return _row_to_document(row) if row else None

    def raw_html(self, url: str) -> bytes | None:
        """The raw HTML stored with ``url`` (decompressed), or None."""
        with self._lock:
            row = self._db.execute("SELECT raw_html FROM documents WHERE url = ?", (url,)).fetchone()
        if row is None or row["raw_html"] is None:
            return None
        return zlib.decompress(row["raw_html"])

    def copies_of(self, url: str) -> list[str]:
        """URLs of stored documents recorded as duplicates of ``url``."""
        with self._lock:
            rows = self._db.execute(
                "SELECT url FROM documents WHERE duplicate_of = ? AND tombstone = 0 ORDER BY id", (url,)
            ).fetchall()
        return [r["url"] for r in rows]

    def sites(self) -> list[str]:
        """Every site (hostname) with a stored document."""
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT DISTINCT site FROM documents WHERE tombstone = 0")]

    def site_pages(self, site: str, *, limit: int = 5) -> list[str]:
        """URLs of a site's home and about/contact-style pages (where sites describe themselves)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT url FROM documents WHERE site = ? AND tombstone = 0 AND (url LIKE ? OR url LIKE ?"
                " OR url LIKE '%/about%' OR url LIKE '%/who-we-are%') ORDER BY length(url) LIMIT ?",
                (site, f"%://{site}/", f"%://{site}", limit),
            ).fetchall()
        return [r["url"] for r in rows]

    def is_tombstoned(self, url: str) -> bool:
        """True when ``url`` is stored and tombstoned."""
        with self._lock:
            row = self._db.execute("SELECT tombstone FROM documents WHERE url = ?", (url,)).fetchone()
        return bool(row and row["tombstone"])

    def documents(self, include_duplicates: bool = True, *, include_tombstoned: bool = False) -> Iterator[Document]:
        """Stored documents in insertion order (tombstoned ones only when asked)."""
        where = []
        if not include_duplicates:
            where.append("duplicate_of IS NULL")
        if not include_tombstoned:
            where.append("tombstone = 0")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        last = 0
        while True:  # page through so a long iteration neither holds the lock nor sees a half-written row
            with self._lock:
                rows = self._db.execute(
                    f"SELECT id, {', '.join(_FIELDS)} FROM documents {clause} "
                    f"{'AND' if where else 'WHERE'} id > ? ORDER BY id LIMIT 500",
                    (last,),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _row_to_document(row)
            last = rows[-1]["id"]

    def count(self, *, include_tombstoned: bool = False) -> int:
        """Number of stored documents (live ones unless asked)."""
        clause = "" if include_tombstoned else "WHERE tombstone = 0"
        with self._lock:
            return int(self._db.execute(f"SELECT count(*) FROM documents {clause}").fetchone()[0])

    def urls(self, *, include_tombstoned: bool = False) -> list[str]:
        """URLs of the stored documents in insertion order."""
        clause = "" if include_tombstoned else "WHERE tombstone = 0"
        with self._lock:
            return [r[0] for r in self._db.execute(f"SELECT url FROM documents {clause} ORDER BY id")]

    def forget(self, url_or_domain: str) -> int:
        """Delete a URL, or every page of a domain (hostname or registrable domain); return how many went."""
        target = url_or_domain.strip()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if "://" in target:
                    forms = (target, normalize(target) or target)
                    rows = self._db.execute("SELECT url FROM documents WHERE url IN (?, ?)", forms).fetchall()
                else:
                    host = target.lower().strip(".")
                    rows = self._db.execute(
                        "SELECT url FROM documents WHERE site = ? OR domain = ? OR site LIKE ?",
                        (host, host, "%." + host),
                    ).fetchall()
                gone = [r["url"] for r in rows]
                for i in range(0, len(gone), 500):
                    chunk = gone[i : i + 500]
                    marks = ", ".join("?" for _ in chunk)
                    self._db.execute(f"DELETE FROM documents WHERE url IN ({marks})", chunk)
                    self._relink(chunk)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return len(gone)

    def _relink(self, removed: list[str]) -> None:
        """Recompute ``duplicate_of`` for documents that pointed at one of the ``removed`` URLs."""
        marks = ", ".join("?" for _ in removed)
        rows = self._db.execute(
            "SELECT id, url, content_hash, simhash, minhash FROM documents "
            f"WHERE duplicate_of IN ({marks}) ORDER BY id",
            removed,
        ).fetchall()
        for r in rows:
            self._db.execute("UPDATE documents SET duplicate_of = NULL WHERE id = ?", (r["id"],))
        for r in rows:
            sim = to_unsigned(r["simhash"]) if r["simhash"] is not None else None
            sig = np.frombuffer(r["minhash"], dtype=np.uint32) if r["minhash"] else None
            original = self._original(r["content_hash"], sim, r["id"], sig)
            self._db.execute("UPDATE documents SET duplicate_of = ? WHERE id = ?", (original, r["id"]))

    def tombstone(self, url: str) -> bool:
        """Mark ``url`` as gone (404/410) so the index drops it; True when it was stored."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                cur = self._db.execute("UPDATE documents SET tombstone = 1 WHERE url = ?", (url,))
                if cur.rowcount:
                    self._relink([url])
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return cur.rowcount > 0

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> DocumentStore:
        """Use the store as a context manager."""
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close the store on leaving the block."""
        self.close()
