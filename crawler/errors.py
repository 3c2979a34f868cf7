"""Errors raised by the crawler.

The tree::

    CrawlerError                 base of everything the crawler raises on purpose
     ├── SeedUnreachable         every seed of a crawl failed (the message names the first reason)
     ├── UrlRefused              a URL broke the network rules (scheme, link-local, metadata, private range)
     └── WarcError               a WARC/ARC file could not be opened at all

Per-page problems (404, timeouts, robots, binary content, ...) are never raised out of a crawl: they end as
a recorded reason in the frontier and in the summary's ``by_reason``.
"""

from __future__ import annotations


class CrawlerError(Exception):
    """Base class for errors the crawler raises on purpose."""


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
