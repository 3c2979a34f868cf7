"""Who the reviewer is (session after signing in with a password or token, or ``Authorization: Bearer <token>``)
and CSRF tokens.

API routes answer 401 (JSON, ``WWW-Authenticate: Bearer``) to anyone else; page routes redirect to the sign-in
page. A request signed in by session cookie must also carry the session's CSRF token (form field ``csrf_token``
or header ``X-CSRF-Token``) on every POST, else 403; token-authenticated API calls need none, since a browser
never adds the Authorization header on its own.
"""

from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Callable
from typing import Any, TypeVar, cast

from flask import g, redirect, request, session, url_for

from web.context import reviewers_of
from web.errors import ApiError

F = TypeVar("F", bound=Callable[..., Any])


def csrf_token() -> str:
    """This session's CSRF token (created on first use)."""
    token = session.get("csrf")
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        session["csrf"] = token
    return token


def check_csrf() -> None:
    """Raise 403 unless the request carries this session's CSRF token."""
    expected = session.get("csrf")
    given = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    if not isinstance(expected, str) or not expected or not hmac.compare_digest(expected, given):
        raise ApiError(403, "csrf", "missing or wrong CSRF token; reload the page and try again")


def bearer_reviewer() -> str | None:
    """The reviewer named by an ``Authorization: Bearer`` token, or None."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return reviewers_of().by_token(token.strip())


def current_reviewer() -> tuple[str | None, str]:
    """(reviewer name or None, how they signed in: ``token``, ``session`` or ``''``)."""
    if request.headers.get("Authorization"):
        return bearer_reviewer(), "token"
    name = session.get("reviewer")
    if isinstance(name, str) and name:
        # A removed account's session ends with it.
        return (name if reviewers_of().exists(name) else None), "session"
    return None, ""


def sign_in(name: str) -> None:
    """Start a fresh session for reviewer ``name`` (a new CSRF token, so a planted session is useless)."""
    session.clear()
    session["reviewer"] = name
    session.permanent = True
    csrf_token()


def _authorise(api: bool) -> Any:
    name, how = current_reviewer()
    if name is None:
        if api or how == "token":
            raise ApiError(
                401,
                "unauthorized",
                "reviewers only: sign in or send Authorization: Bearer <token>",
                {"WWW-Authenticate": 'Bearer realm="verisight-audit"'},
            )
        return redirect(url_for("audit.signin", next=request.full_path.rstrip("?")))
    if request.method == "POST" and how == "session":
        check_csrf()
    g.reviewer = name
    return None


def reviewer_api(view: F) -> F:
    """Decorator for audit API routes: 401 JSON for anyone who is not a reviewer."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        refused = _authorise(api=True)
        return refused if refused is not None else view(*args, **kwargs)

    return cast(F, wrapped)


def reviewer_page(view: F) -> F:
    """Decorator for audit pages and forms: redirect to the sign-in page for anyone who is not a reviewer."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        refused = _authorise(api=False)
        return refused if refused is not None else view(*args, **kwargs)

    return cast(F, wrapped)
