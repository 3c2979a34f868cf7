"""The answer log: every answer with its verified claims, flagged claims for the audit queue, reviewer decisions."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import asdict
from typing import Any

from verifier.verify import normalise_claim
from verisight.db import Store
from verisight.decisions import AUTOMATIC, ReviewerLabels, Scope, SourceLabel
from verisight.types import Answer


def m001_answers(db: sqlite3.Connection) -> None:
    """Answers and their claims."""
    db.execute(
        "CREATE TABLE answers (id TEXT PRIMARY KEY, query TEXT NOT NULL, created_at TEXT NOT NULL"
        " DEFAULT (datetime('now')), body TEXT NOT NULL)"
    )
    db.execute(
        "CREATE TABLE claims (answer_id TEXT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,"
        " claim_id TEXT NOT NULL, text TEXT NOT NULL, norm TEXT NOT NULL, label TEXT NOT NULL,"
        " action TEXT NOT NULL, domain TEXT NOT NULL, url TEXT NOT NULL, created_at TEXT NOT NULL"
        " DEFAULT (datetime('now')), PRIMARY KEY (answer_id, claim_id))"
    )
    db.execute("CREATE INDEX claims_flagged ON claims (action, norm, domain)")


def m002_reviews(db: sqlite3.Connection) -> None:
    """Reviewer accounts, decisions on claim groups and source-label overrides."""
    db.execute(
        "CREATE TABLE reviewers (name TEXT PRIMARY KEY, token_hash TEXT NOT NULL, password_hash TEXT,"
        " created_at TEXT NOT NULL DEFAULT (datetime('now')))"
    )
    db.execute(
        "CREATE TABLE decisions (id INTEGER PRIMARY KEY AUTOINCREMENT, norm TEXT NOT NULL, domain TEXT NOT NULL,"
        " claim_text TEXT NOT NULL, decision TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',"
        " reviewer TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')))"
    )
    db.execute("CREATE INDEX decisions_key ON decisions (norm, domain, id)")
    db.execute(
        "CREATE TABLE source_labels (id INTEGER PRIMARY KEY AUTOINCREMENT, domain TEXT NOT NULL,"
        " label TEXT NOT NULL, reviewer TEXT NOT NULL, at TEXT NOT NULL DEFAULT (datetime('now')))"
    )


def m003_scoped_labels(db: sqlite3.Connection) -> None:
    """Source labels scoped to a page or a domain, with the reviewer's note; label ``automatic`` undoes one."""
    db.execute("ALTER TABLE source_labels ADD COLUMN scope TEXT NOT NULL DEFAULT 'domain'")
    db.execute("ALTER TABLE source_labels ADD COLUMN note TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX source_labels_key ON source_labels (scope, domain, id)")


def _label(row: sqlite3.Row) -> SourceLabel:
    label = str(row["label"])
    return SourceLabel(
        scope=row["scope"], target=row["domain"], label=None if label == AUTOMATIC else label,
        reviewer=row["reviewer"], at=row["at"], note=row["note"],
    )


class AnswerStore(Store):
    """Answers, flagged claims and reviewers' decisions in one SQLite file."""

    migrations = (m001_answers, m002_reviews, m003_scoped_labels)

    def save(self, answer: Answer) -> None:
        """Store ``answer`` and its claims (non-kept claims become the audit queue)."""
        body = json.dumps(asdict(answer), ensure_ascii=False)
        source_of = {s.id: s for s in answer.sources}
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.execute(
                    "INSERT OR REPLACE INTO answers (id, query, body) VALUES (?, ?, ?)",
                    (answer.answer_id, answer.query, body),
                )
                for claim in answer.overview.claims:
                    first = source_of.get(claim.citations[0]) if claim.citations else None
                    self.conn.execute(
                        "INSERT OR REPLACE INTO claims (answer_id, claim_id, text, norm, label, action, domain, url)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            answer.answer_id,
                            claim.id,
                            claim.text,
                            normalise_claim(claim.text),
                            claim.verdict.label,
                            claim.action,
                            first.site if first else "",
                            first.url if first else "",
                        ),
                    )
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def get(self, answer_id: str) -> dict[str, Any] | None:
        """The stored JSON of one answer, or None."""
        row = self.conn.execute("SELECT body FROM answers WHERE id = ?", (answer_id,)).fetchone()
        return json.loads(row["body"]) if row else None

    def count(self) -> int:
        """Number of stored answers."""
        return int(self.conn.execute("SELECT count(*) FROM answers").fetchone()[0])

    def flagged_count(self) -> int:
        """Number of stored claims that were not kept as supported."""
        return int(self.conn.execute("SELECT count(*) FROM claims WHERE action != 'keep'").fetchone()[0])

    def claim_groups(self, status: str = "flagged") -> Iterator[dict[str, Any]]:
        """Flagged claims grouped by (normalised text, domain), most seen first, with their latest decision."""
        rows = self.conn.execute(
            "SELECT norm, domain, min(text) AS text, min(label) AS label, count(*) AS seen,"
            " max(created_at) AS last_seen, min(answer_id) AS answer_id, min(url) AS url FROM claims"
            " WHERE action != 'keep' GROUP BY norm, domain ORDER BY seen DESC, last_seen DESC"
        ).fetchall()
        for row in rows:
            decision = self.decision(row["norm"], row["domain"])
            current = {"confirm": "confirmed", "dismiss": "dismissed"}.get(
                str(decision["decision"]) if decision else "", "flagged"
            )
            if current == status:
                yield dict(row) | {
                    "status": current, "id": group_id(row["norm"], row["domain"]), "decision": decision
                }

    def latest_decision(self, norm: str, domain: str) -> str | None:
        """The newest decision on a claim group (``confirm``, ``dismiss`` or ``automatic``), or None."""
        found = self.decision(norm, domain)
        return str(found["decision"]) if found else None

    def decision(self, norm: str, domain: str) -> dict[str, Any] | None:
        """The newest decision on a claim group with who made it, when and the note, or None."""
        history = self.decision_history(norm, domain, limit=1)
        return history[0] if history else None

    def decision_history(self, norm: str, domain: str, limit: int = 50) -> list[dict[str, Any]]:
        """Every decision on a claim group, newest first: ``{"decision", "reviewer", "at", "note"}``."""
        rows = self.conn.execute(
            "SELECT decision, reviewer, at, note FROM decisions WHERE norm = ? AND domain = ? ORDER BY id DESC"
            " LIMIT ?", (norm, domain, limit)
        ).fetchall()
        return [dict(r) for r in rows]

    def decide(
        self, norm: str, domain: str, claim_text: str, decision: str, reviewer: str, note: str = ""
    ) -> dict[str, Any]:
        """Record a reviewer's decision (``confirm``, ``dismiss``, or ``automatic`` to undo) on a claim group."""
        with self.lock:
            cur = self.conn.execute(
                "INSERT INTO decisions (norm, domain, claim_text, decision, note, reviewer) VALUES (?, ?, ?, ?, ?, ?)",
                (norm, domain, claim_text, decision, note, reviewer),
            )
            row = self.conn.execute(
                "SELECT decision, reviewer, at, note FROM decisions WHERE id = ?", (cur.lastrowid,)
            ).fetchone()
        return dict(row)

    def dismissed(self) -> set[tuple[str, str]]:
        """(normalised claim, domain) pairs whose latest decision is ``dismiss``: reviewer-supported."""
        rows = self.conn.execute(
            "SELECT d.norm, d.domain, d.decision FROM decisions d JOIN (SELECT norm, domain, max(id) AS id"
            " FROM decisions GROUP BY norm, domain) last ON d.id = last.id"
        ).fetchall()
        return {(r["norm"], r["domain"]) for r in rows if r["decision"] == "dismiss"}

    def label_source(
        self, target: str, label: str | None, reviewer: str, note: str = "", scope: Scope = "domain"
    ) -> SourceLabel:
        """Record a reviewer's credibility label for a domain or a page (``label`` None: back to automatic)."""
        with self.lock:
            cur = self.conn.execute(
                "INSERT INTO source_labels (domain, label, reviewer, scope, note) VALUES (?, ?, ?, ?, ?)",
                (target, label or AUTOMATIC, reviewer, scope, note),
            )
            row = self.conn.execute("SELECT * FROM source_labels WHERE id = ?", (cur.lastrowid,)).fetchone()
        return _label(row)

    def source_label(self, scope: Scope, target: str) -> SourceLabel | None:
        """The newest decision on one page or domain (its ``label`` None after an undo), or None."""
        row = self.conn.execute(
            "SELECT * FROM source_labels WHERE scope = ? AND domain = ? ORDER BY id DESC LIMIT 1", (scope, target)
        ).fetchone()
        return _label(row) if row else None

    def source_labels(self, *, history: bool = False) -> list[SourceLabel]:
        """The labels in force, newest first (``history``: every decision, undos included)."""
        rows = self.conn.execute("SELECT * FROM source_labels ORDER BY id DESC").fetchall()
        labels = [_label(r) for r in rows]
        if history:
            return labels
        seen: set[tuple[str, str]] = set()
        current = []
        for item in labels:
            if (item.scope, item.target) in seen:
                continue
            seen.add((item.scope, item.target))
            if item.label is not None:
                current.append(item)
        return current

    def source_overrides(self) -> ReviewerLabels:
        """The reviewer labels in force, by page URL and by domain (a ``Mapping[str, str]`` with details)."""
        return ReviewerLabels(self.source_labels())

    def find_group(self, gid: str) -> dict[str, Any] | None:
        """The claim group with id ``gid``, whatever its status."""
        for status in ("flagged", "confirmed", "dismissed"):
            for group in self.claim_groups(status):
                if group["id"] == gid:
                    return group
        return None

    def prune(self, *, older_than_days: float) -> int:
        """Delete answers (and their claims) older than ``older_than_days``; reviewer decisions are kept."""
        cutoff = f"-{float(older_than_days)} days"
        with self.lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                ids = [r[0] for r in self.conn.execute(
                    "SELECT id FROM answers WHERE created_at < datetime('now', ?)", (cutoff,))]
                for answer_id in ids:
                    self.conn.execute("DELETE FROM claims WHERE answer_id = ?", (answer_id,))
                    self.conn.execute("DELETE FROM answers WHERE id = ?", (answer_id,))
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return len(ids)

    def forget(self, matches: Callable[[str], bool]) -> int:
        """Delete stored answers that cite any source URL for which ``matches(url)`` is true; return how many."""
        doomed = []
        for row in self.conn.execute("SELECT id, body FROM answers"):
            body = json.loads(row["body"])
            if any(matches(str(src.get("url", ""))) for src in body.get("sources", [])):
                doomed.append(row["id"])
        with self.lock:
            for answer_id in doomed:
                self.conn.execute("DELETE FROM claims WHERE answer_id = ?", (answer_id,))
                self.conn.execute("DELETE FROM answers WHERE id = ?", (answer_id,))
        return len(doomed)

    def export_decisions(self) -> list[dict[str, Any]]:
        """The latest decision on each group as ``{"claim", "evidence", "label", ...}`` (eval ``jsonl`` format)."""
        rows = self.conn.execute(
            "SELECT d.norm, d.domain, d.claim_text, d.decision, d.reviewer, d.at, d.note FROM decisions d"
            " JOIN (SELECT norm, domain, max(id) AS id FROM decisions GROUP BY norm, domain) last ON d.id = last.id"
            " ORDER BY d.id"
        ).fetchall()
        out = []
        for row in rows:
            if row["decision"] not in ("confirm", "dismiss"):
                continue  # undone: back to automatic
            evidence = self._evidence_for(row["norm"], row["domain"])
            out.append({
                "claim": row["claim_text"],
                "evidence": evidence,
                "label": "supported" if row["decision"] == "dismiss" else "not_supported",
                "domain": row["domain"],
                "reviewer": row["reviewer"],
                "at": row["at"],
                "note": row["note"],
            })
        return out

    def _evidence_for(self, norm: str, domain: str) -> list[str]:
        row = self.conn.execute(
            "SELECT a.body, c.claim_id FROM claims c JOIN answers a ON a.id = c.answer_id"
            " WHERE c.norm = ? AND c.domain = ? ORDER BY c.created_at DESC LIMIT 1", (norm, domain)
        ).fetchone()
        if row is None:
            return []
        body = json.loads(row["body"])
        for claim in body["overview"]["claims"]:
            if claim["id"] == row["claim_id"]:
                return [e["quote"] for e in claim["verdict"]["evidence"]]
        return []


def group_id(norm: str, domain: str) -> str:
    """A short stable id for a (normalised claim, domain) group."""
    return hashlib.sha1(f"{norm}\x00{domain}".encode()).hexdigest()[:16]
