"""Errors the engine raises; the CLI and the API turn them into one line or ``{"error": {...}}``.

    VerisightError            (code, http status)
     ├── BadQuery             bad_request / query_too_long, 400
     ├── NotIndexed           not_indexed, 409
     ├── Busy                 busy, 503 (with Retry-After)
     └── ConfigError          config, 500: a setting or model file is wrong; the message says the fix

Like every stage's errors they are ``crawler.errors.PublicError``: 4xx messages are shown as written, 5xx ones
stay generic outside the process.
"""

from __future__ import annotations

from crawler.errors import PublicError


class VerisightError(PublicError):
    """Base class: carries a machine-readable ``code``, an HTTP ``status`` and a public message."""

    code = "error"
    status = 500
    public_message: str | None = "the server is misconfigured"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class BadQuery(VerisightError):
    """The query is empty, too long or otherwise unusable."""

    code = "bad_request"
    status = 400
    public_message = None


class NotIndexed(VerisightError):
    """Nothing has been indexed yet."""

    code = "not_indexed"
    status = 409
    public_message = None


class Busy(VerisightError):
    """The model queue is full; try again after ``retry_after`` seconds."""

    code = "busy"
    status = 503
    public_message = None
    retry_after = 5


class ConfigError(VerisightError):
    """A setting, model file or backend is wrong or missing."""

    code = "config"
    status = 500
