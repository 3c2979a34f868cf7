"""Errors raised by the crawler.

``PublicError`` is the root of every stage's error tree (the crawler is the first stage, so every later stage can
import it): each error class carries its own machine-readable ``code``, HTTP ``status`` and the message a remote
user may see, so the web layer and the CLI map one type instead of knowing every stage.

The tree::

    CrawlerError                 base of everything the crawler raises on purpose
     ├── SeedUnreachable         every seed of a crawl failed (the message names the first reason)
     ├── UrlRefused              a URL broke the network rules (scheme, link-local, metadata, private range)
     └── WarcError               a WARC/ARC file could not be opened at all

Per-page problems (404, timeouts, robots, binary content, ...) are never raised out of a crawl: they end as
a recorded reason in the frontier and in the summary's ``by_reason``.
"""

from __future__ import annotations


class PublicError(Exception):
    """An error with its own ``code``, HTTP ``status`` and public message; every stage's base error is one."""

    code: str = "error"
    status: int = 500
    # What a remote user is told. None: the error's own message (written for the user, so only for 4xx errors).
    public_message: str | None = "internal error"
    # Seconds a client should wait before retrying (sent as Retry-After), or None.
    retry_after: int | None = None

    def public(self) -> str:
        """The message safe to show a remote user: the class's fixed text, else this error's own message."""
        return self.public_message if self.public_message is not None else (str(self) or self.code)

    def headers(self) -> dict[str, str]:
        """HTTP headers this error adds to its response (Retry-After for errors worth retrying)."""
        return {} if self.retry_after is None else {"Retry-After": str(self.retry_after)}


class CrawlerError(PublicError):
    """Base class for errors the crawler raises on purpose."""

    code = "crawler_error"
    public_message = "the crawler failed"


class SeedUnreachable(CrawlerError):
    """Every seed URL of a crawl failed, so nothing could be crawled."""


class UrlRefused(CrawlerError):
    """A URL was refused by the network-safety rules; ``reason`` says which."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"refused {url}: {reason}")
        self.url = url
        self.reason = reason


class WarcError(CrawlerError):
    """A WARC or ARC file could not be opened or read at all."""
