"""Errors the engine raises; the CLI and the API turn them into one line or ``{"error": {...}}``.

    VerisightError            (code, http status)
     ├── BadQuery             bad_request / query_too_long, 400
     ├── NotIndexed           not_indexed, 409
     ├── NotFound             not_found, 404
     ├── Busy                 busy, 503 (with Retry-After)
     └── ConfigError          config, 500: a setting or model file is wrong; the message says the fix
"""

from __future__ import annotations


class VerisightError(Exception):
    """Base class: carries a machine-readable ``code`` and an HTTP ``status``."""

    code = "error"
    status = 500

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class BadQuery(VerisightError):
    """The query is empty, too long or otherwise unusable."""

    code = "bad_request"
    status = 400


class NotIndexed(VerisightError):
    """Nothing has been indexed yet."""

    code = "not_indexed"
    status = 409


class NotFound(VerisightError):
    """The thing asked for does not exist."""

    code = "not_found"
    status = 404


class Busy(VerisightError):
    """The model queue is full; try again after ``retry_after`` seconds."""

    code = "busy"
    status = 503
    retry_after = 5


class ConfigError(VerisightError):
    """A setting, model file or backend is wrong or missing."""

    code = "config"
    status = 500
