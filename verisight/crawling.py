"""Crawls and imports into a data directory: the crawl options as one typed value, built once for every caller
(the CLI, the demo, tests), with the frontier and the document store the Settings name."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crawler.crawl import crawl
from crawler.frontier import Frontier
from crawler.summary import CrawlStats, CrawlSummary
from crawler.warc import ImportSummary, import_warc
from verisight.documents import DocumentStore
from verisight.errors import BadQuery
from verisight.settings import Settings


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    """How far and how wide to crawl (the ``verisight crawl`` flags)."""

    max_pages: int | None = None
    max_depth: int | None = None
    concurrency: int = 8
    same_site: bool = True
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    resolve: Mapping[str, str] = field(default_factory=dict)
    allow_private: bool = False
    sitemaps: tuple[str, ...] = ()
    refresh: bool = False
    delay: float | None = None  # per-host delay in seconds (None: 0.25 s on loopback, 1 s elsewhere)


def parse_resolve(values: Sequence[str]) -> dict[str, str]:
    """``HOST=ADDR:PORT`` strings (curl's ``--resolve``) as a mapping; BadQuery on a malformed one."""
    mapping: dict[str, str] = {}
    for value in values:
        host, sep, target = value.partition("=")
        if not sep or ":" not in target or not host.strip():
            raise BadQuery(f"--resolve expects HOST=ADDR:PORT, got {value!r}")
        mapping[host.strip().lower()] = target.strip()
    return mapping


def crawl_into(
    settings: Settings,
    documents: DocumentStore,
    seeds: Sequence[str],
    options: CrawlOptions = CrawlOptions(),
    progress: Callable[[CrawlStats], None] | None = None,
) -> CrawlSummary:
    """Crawl ``seeds`` into ``documents`` with the data directory's frontier (re-running resumes)."""
    return crawl(
        list(seeds),
        frontier_path=settings.frontier_db,
        sink=documents,
        max_pages=options.max_pages,
        max_depth=options.max_depth,
        concurrency=options.concurrency,
        same_site=options.same_site,
        allow=list(options.allow),
        deny=list(options.deny),
        resolve=dict(options.resolve),
        allow_private=options.allow_private,
        sitemaps=list(options.sitemaps) or None,
        refresh=options.refresh,
        delay=options.delay,
        progress=progress,
    )


def crawl_failures(settings: Settings, since: float) -> list[dict[str, object]]:
    """The URLs that failed or were skipped since ``since`` (a Unix time), oldest first."""
    if not settings.frontier_db.exists():
        return []
    with Frontier(settings.frontier_db, resume=False) as frontier:
        return frontier.failures(since)


def import_archives(
    documents: DocumentStore, files: Sequence[str | Path], progress: Callable[[int, int], None] | None = None
) -> ImportSummary:
    """Import WARC/ARC files into ``documents``; BadQuery names the first file that does not exist."""
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        raise BadQuery(f"no such file: {missing[0]}")
    return import_warc([Path(f) for f in files], documents, progress=progress)
