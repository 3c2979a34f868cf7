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
TOKEN_PREFIX = "vsr_"
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
    """Reviewer accounts, kept in the answer log's SQLite file (``Settings.answers_db``)."""

    migrations = AnswerStore.migrations

    def exists(self, name: str) -> bool:
        """Whether reviewer ``name`` has an account."""
        return self.conn.execute("SELECT 1 FROM reviewers WHERE name = ?", (name,)).fetchone() is not None

    def add(self, name: str, *, password: str | None = None, rotate: bool = False) -> str:
        """Create reviewer ``name`` and return its API token, shown once. An existing name is refused unless
        ``rotate``, which gives it a new token (the old one stops working) and keeps its password unless given."""
        if not _NAME.match(name):
            raise BadQuery("a reviewer name is 1-64 letters, digits or . _ @ -")
        if self.exists(name):
            if not rotate:
                raise BadQuery(
                    f"reviewer {name} already exists; `verisight reviewer rotate {name}` (or `add --rotate`) gives a "
                    "new token and stops the old one"
                )
            return self.rotate(name, password=password)
        token = _new_token()
        pw = hash_password(password) if password else None
        with self.lock:
            self.conn.execute(
                "INSERT INTO reviewers (name, token_hash, password_hash) VALUES (?, ?, ?)",
                (name, _token_hash(token), pw),
            )
        return token

    def rotate(self, name: str, *, password: str | None = None) -> str:
        """A new token for reviewer ``name`` (the old one stops working); a new password too when given."""
        token = _new_token()
        with self.lock:
            cur = self.conn.execute(
                "UPDATE reviewers SET token_hash = ?, password_hash = COALESCE(?, password_hash) WHERE name = ?",
                (_token_hash(token), hash_password(password) if password else None, name),
            )
        if cur.rowcount == 0:
            raise BadQuery(f"no reviewer is called {name}; `verisight reviewer add {name}` creates one")
        return token

    def remove(self, name: str) -> None:
        """Delete reviewer ``name``: the token and password stop working at once (decisions keep the name)."""
        with self.lock:
            cur = self.conn.execute("DELETE FROM reviewers WHERE name = ?", (name,))
        if cur.rowcount == 0:
            raise BadQuery(f"no reviewer is called {name}")

    def list(self) -> list[dict[str, object]]:
        """Every account: ``{"name", "created_at", "password"}`` (whether a password is set), by name."""
        rows = self.conn.execute(
            "SELECT name, created_at, password_hash IS NOT NULL AS password FROM reviewers ORDER BY name"
        ).fetchall()
        return [{"name": r["name"], "created_at": r["created_at"], "password": bool(r["password"])} for r in rows]

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

    def sign_in(self, name: str, secret: str) -> str | None:
        """The reviewer if ``secret`` is their password or the token ``reviewer add`` printed for them, else None."""
        if secret.startswith(TOKEN_PREFIX):
            return name if self.by_token(secret) == name else None
        return self.by_password(name, secret)

    def count(self) -> int:
        """Number of reviewer accounts."""
        return int(self.conn.execute("SELECT count(*) FROM reviewers").fetchone()[0])


def _new_token() -> str:
    return f"{TOKEN_PREFIX}{secrets.token_urlsafe(32)}"
