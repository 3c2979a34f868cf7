"""Reviewer accounts: a named API token (stored hashed) and an optional password (scrypt)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from verisight.answers import AnswerStore
from verisight.db import Store
from verisight.errors import BadQuery

_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def hash_password(password: str, salt: bytes | None = None) -> str:
    """A slow salted scrypt hash of ``password``."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)  # type: ignore[arg-type]
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches the ``stored`` hash (constant-time compare)."""
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hash_password(password, bytes.fromhex(salt_hex)).split("$")[2]
    return hmac.compare_digest(candidate, digest_hex)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ReviewerStore(Store):
    """Reviewer accounts, kept in the answer log's SQLite file."""

    migrations = AnswerStore.migrations

    def add(self, name: str, *, password: str | None = None) -> str:
        """Create (or re-key) reviewer ``name``; return a new API token, shown once."""
        if not _NAME.match(name):
            raise BadQuery("a reviewer name is 1-64 letters, digits or . _ @ -")
        token = f"vsr_{secrets.token_urlsafe(32)}"
        pw = hash_password(password) if password else None
        with self.lock:
            self.conn.execute(
                "INSERT INTO reviewers (name, token_hash, password_hash) VALUES (?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET token_hash = excluded.token_hash,"
                " password_hash = COALESCE(excluded.password_hash, reviewers.password_hash)",
                (name, _token_hash(token), pw),
            )
        return token

    def by_token(self, token: str) -> str | None:
        """The reviewer whose token this is, or None."""
        if not token:
            return None
        row = self.conn.execute("SELECT name FROM reviewers WHERE token_hash = ?", (_token_hash(token),)).fetchone()
        return str(row["name"]) if row else None

    def by_password(self, name: str, password: str) -> str | None:
        """The reviewer if ``password`` is right, else None."""
        row = self.conn.execute("SELECT password_hash FROM reviewers WHERE name = ?", (name,)).fetchone()
        if row is None or not row["password_hash"]:
            hash_password(password)  # same cost either way, so timing does not reveal names
            return None
        return name if check_password(password, row["password_hash"]) else None

    def count(self) -> int:
        """Number of reviewer accounts."""
        return int(self.conn.execute("SELECT count(*) FROM reviewers").fetchone()[0])
