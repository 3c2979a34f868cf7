"""The async crawler: schedules frontier URLs politely per host, fetches, extracts, stores, follows links."""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections import Counter
from collections.abc import Callable, Coroutine, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ParamSpec
from urllib.parse import urlsplit

from crawler.extraction import Page, parse_page
from crawler.fetch import USER_AGENT, Fetcher, FetchResult, make_client, parse_resolve
from crawler.frontier import DONE, FAILED, IN_FLIGHT, QUEUED, SKIPPED, Entry, Frontier
from crawler.politeness import Politeness
from crawler.robots import ROBOTS_MAX_BYTES, RobotsCache, origin
from crawler.sink import DocumentSink
from crawler.sitemap import MAX_SITEMAP_BYTES, sitemap_urls
from crawler.summary import CrawlStats, CrawlSummary, check_seeds, summarize
from crawler.urls import Scope, normalize, trap_reason, url_reason

log = logging.getLogger(__name__)
_P = ParamSpec("_P")

MAX_QUERY_VARIANTS = 100  # distinct query strings per path before it is treated as a trap (calendars)
RETRY_AFTER_CAP = 300.0
# Reasons that end a URL as "skipped" (a decision) rather than "failed" (a problem).
_SKIP_PREFIXES = (
    "not_html",
    "too_large",
    "redirect_off_site",
    "redirect_denied",
    "redirect_not_allowed",
    "redirect_scheme",
    "robots_",
    "binary_content",
    "no_main_text",
    "unparseable_html",
    "scheme_",
    "private_address",
    "link_local_address",
    "metadata_address",
    "reserved_address",
    "redirect_private",
    "redirect_link_local",
    "redirect_metadata",
    "off_site",
    "denied_domain",
    "not_allowed_domain",
    "url_too_long",
    "tombstoned",
)


def _state_for(reason: str) -> str:
    """Whether a final ``reason`` means skipped (a decision) or failed (a problem)."""
    return SKIPPED if reason.startswith(_SKIP_PREFIXES) else FAILED


class Crawler:
    """One crawl over a frontier; run it with ``await crawler.run()``."""

    def __init__(
        self,
        frontier: Frontier,
        sink: DocumentSink,
        scope: Scope,
        fetcher: Fetcher,
        robots: RobotsCache,
        *,
        max_pages: int | None = None,
        max_depth: int | None = None,
        concurrency: int = 8,
        per_host: int = 2,
        delay: float | None = None,
        resolve: Mapping[str, tuple[str, int | None]] | None = None,
        max_attempts: int = 3,
        backoff_base: float = 1.0,
        backoff_cap: float = 60.0,
        user_agent: str = USER_AGENT,
        progress: Callable[[CrawlStats], None] | None = None,
        extract_workers: int = 2,
        max_query_variants: int = MAX_QUERY_VARIANTS,
    ) -> None:
        """Configure the crawl; ``delay`` None means robots crawl-delay, else 0.25 s loopback / 1 s remote."""
        self.frontier = frontier
        self.sink = sink
        self.scope = scope
        self.fetcher = fetcher
        self.robots = robots
        self.max_pages = max_pages
        self.max_depth = max_depth
        self.concurrency = max(1, concurrency)
        self.politeness = Politeness(per_host=per_host, delay=delay, resolve=resolve)
        self.max_attempts = max(1, max_attempts)
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.user_agent = user_agent
        self.progress = progress
        self.max_query_variants = max_query_variants
        self._robots_loading: set[str] = set()
        self._query_variants: Counter[str] = Counter()
        self._counts = Counter(frontier.counts())
        reasons = frontier.reasons()
        self._stored = self._counts[DONE]
        self._duplicates = reasons.get("duplicate", 0)
        self._pages_in_flight = 0
        self._started = time.monotonic()
        self._completed_this_run = 0
        self.stored_this_run = 0
        self._executor = ThreadPoolExecutor(max_workers=max(1, extract_workers), thread_name_prefix="extract")
        # One writer thread: puts (hashing, SQLite) stay off the event loop and reach the sink one at a time.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sink")

    def _budget_left(self) -> int | None:
        """How many more pages may be started under ``max_pages`` (None when unlimited)."""
        if self.max_pages is None:
            return None
        return self.max_pages - self._counts[DONE] - self._pages_in_flight

    def _move(self, old: str, new: str) -> None:
        """Keep the in-memory state counters in step with the frontier."""
        self._counts[old] -= 1
        self._counts[new] += 1

    def _stats(self) -> CrawlStats:
        """Current progress figures."""
        elapsed = time.monotonic() - self._started
        counts = {state: max(0, n) for state, n in self._counts.items()}  # never shown negative
        return CrawlStats(
            done=counts.get(DONE, 0),
            queued=counts.get(QUEUED, 0),
            in_flight=counts.get(IN_FLIGHT, 0),
            failed=counts.get(FAILED, 0),
            skipped=counts.get(SKIPPED, 0),
            stored=self._stored,
            duplicates=self._duplicates,
            elapsed=elapsed,
            pages_per_s=self._completed_this_run / elapsed if elapsed > 0 else 0.0,
        )

    async def run(self) -> None:
        """Crawl until the frontier has nothing left to do (or ``max_pages`` is reached)."""
        tasks: set[asyncio.Task[None]] = set()
        try:
            while True:
                self._dispatch(tasks)
                if not tasks:
                    budget = self._budget_left()
                    nxt = self.frontier.next_retry_at()
                    if nxt is None or (budget is not None and budget <= 0):
                        return
                    await asyncio.sleep(min(max(nxt - time.time(), 0.01), 5.0))
                    continue
                done, _ = await asyncio.wait(tasks, timeout=0.5, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    tasks.discard(task)
                    task.result()
        finally:
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._writer.shutdown(wait=True)

    def _dispatch(self, tasks: set[asyncio.Task[None]]) -> None:
        """Start as many ready URLs as the global, per-host and page budgets allow."""
        while len(tasks) < self.concurrency:
            budget = self._budget_left()
            if budget is not None and budget <= 0:
                return
            blocked = self.politeness.full_hosts()
            free = self.concurrency - len(tasks)
            entries = self.frontier.ready(time.time(), limit=free * 4, exclude_hosts=blocked)
            if not entries:
                return
            started = False
            for entry in entries:
                if len(tasks) >= self.concurrency or entry.host in blocked:
                    continue
                budget = self._budget_left()
                if budget is not None and budget <= 0:
                    return
                if self.politeness.full(entry.host):
                    blocked.add(entry.host)
                    continue
                policy = self.robots.cached(entry.url)
                if policy is None:
                    key = origin(entry.url)
                    if key not in self._robots_loading:
                        self._robots_loading.add(key)
                        self.politeness.reserve(entry.host)
                        tasks.add(asyncio.create_task(self._load_robots(entry)))
                        started = True
                    blocked.add(entry.host)
                    continue
                if not policy.allowed(entry.url, self.user_agent):
                    reason = policy.disallow_all_reason or "robots_disallowed"
                    state = FAILED if policy.unreachable else SKIPPED
                    self.frontier.finish(entry.url, state, reason)
                    self._move(QUEUED, state)
                    started = True
                    continue
                self.frontier.start(entry.url)
                self._move(QUEUED, IN_FLIGHT)
                self._pages_in_flight += 1
                self.politeness.reserve(entry.host)
                tasks.add(asyncio.create_task(self._process(entry)))
                started = True
            if not started:
                return

    async def _load_robots(self, entry: Entry) -> None:
        """Fetch robots.txt for ``entry``'s origin in one of its host's slots, and set the host's delay."""
        try:
            await self.politeness.wait_turn(entry.host)
            policy = await self.robots.policy(entry.url)
            delay = policy.crawl_delay(self.user_agent)
            if delay is not None:
                self.politeness.crawl_delay(entry.host, delay)
        finally:
            self._robots_loading.discard(origin(entry.url))
            self.politeness.release(entry.host)

    async def _process(self, entry: Entry) -> None:
        """Fetch, extract and store one URL, then record its outcome and queue its links."""
        try:
            await self.politeness.wait_turn(entry.host)
            headers = {}
            if entry.refresh and entry.etag:
                headers["If-None-Match"] = entry.etag
            if entry.refresh and entry.last_modified:
                headers["If-Modified-Since"] = entry.last_modified
            result = await self.fetcher.fetch(entry.url, headers=headers)
            if not result.ok:
                self._failed(entry, result)
                return
            await self._store(entry, result)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug or a surprise must cost one page, not the crawl
            log.exception("crawling %s failed", entry.url)
            self.frontier.finish(entry.url, FAILED, f"internal_error:{type(exc).__name__}")
            self._move(IN_FLIGHT, FAILED)
        finally:
            self._pages_in_flight -= 1
            self._completed_this_run += 1
            self.politeness.release(entry.host)
            if self.progress is not None:
                self.progress(self._stats())

    def _failed(self, entry: Entry, result: FetchResult) -> None:
        """Record a fetch that produced no page: retry it later, or end it with its reason."""
        reason = result.reason or "unknown"
        if reason == "not_modified":
            self.frontier.mark_unchanged(entry.url)
            self._move(IN_FLIGHT, DONE)
            return
        if entry.refresh and result.status in (404, 410):
            # The page is gone: tombstone it so the index drops it (sinks without tombstones keep it).
            tombstone = getattr(self.sink, "tombstone", None)
            if callable(tombstone):
                tombstone(entry.url)
            self.frontier.finish(entry.url, SKIPPED, f"tombstoned:{reason}", http_status=result.status)
            self._move(IN_FLIGHT, SKIPPED)
            return
        attempts = entry.attempts + 1
        if result.retryable and attempts < self.max_attempts:
            wait = min(self.backoff_cap, self.backoff_base * 2 ** (attempts - 1))
            if result.retry_after is not None:
                if result.retry_after > RETRY_AFTER_CAP:
                    self.frontier.finish(entry.url, FAILED, f"{reason}_retry_after_too_long", http_status=result.status)
                    self._move(IN_FLIGHT, FAILED)
                    return
                wait = max(wait, result.retry_after)
                self.politeness.pause(entry.host, result.retry_after)
            self.frontier.retry(entry.url, time.time() + wait, reason, http_status=result.status)
            self._move(IN_FLIGHT, QUEUED)
            return
        self.frontier.finish(entry.url, _state_for(reason), reason, http_status=result.status)
        self._move(IN_FLIGHT, _state_for(reason))

    def _links(self, entry: Entry, page: Page) -> tuple[list[str], list[tuple[str, str]]]:
        """The page's links (and honoured canonical URL) in scope, and the traps among them with reasons."""
        if self.max_depth is not None and entry.depth + 1 > self.max_depth:
            return [], []
        candidates = list(page.links)
        doc = page.document
        if doc is not None and doc.canonical_url and doc.canonical_url not in (doc.url, doc.final_url):
            candidates.append(doc.canonical_url)
        out: list[str] = []
        traps: list[tuple[str, str]] = []
        for link in candidates:
            if self.scope.reason(link):
                continue  # off-site links are far too many to record one by one
            trap = trap_reason(link)
            if trap:
                traps.append((link, trap))
                continue
            parts = urlsplit(link)
            if parts.query:
                key = f"{parts.netloc}{parts.path}"
                self._query_variants[key] += 1
                if self._query_variants[key] > self.max_query_variants:
                    traps.append((link, "query_trap"))
                    continue
            out.append(link)
        return out, traps

    async def _store(self, entry: Entry, result: FetchResult) -> None:
        """Extract the fetched page off the event loop, store it, and record the outcome with its links."""
        fetched_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        loop = asyncio.get_running_loop()
        page = await loop.run_in_executor(
            self._executor,
            lambda: parse_page(
                result.body,
                entry.url,
                final_url=result.final_url,
                fetched_at=fetched_at,
                charset=result.charset,
            ),
        )
        links, traps = self._links(entry, page)
        also_skipped = [(u, "redirect_target_fetched") for u in result.redirects if u != entry.url] + traps
        if page.document is None:
            reason = page.reason or "no_main_text"
            self._counts[QUEUED] += self.frontier.finish(
                entry.url,
                SKIPPED,
                reason,
                http_status=result.status,
                note=page.canonical_reason,
                links=links,
                link_depth=entry.depth + 1,
                also_skipped=also_skipped,
            )
            self._move(IN_FLIGHT, SKIPPED)
            return
        # Store first, then mark done: a kill in between re-fetches and replaces, never loses or doubles.
        document = page.document
        stored = await loop.run_in_executor(self._writer, lambda: self.sink.put(document, result.body))
        duplicate = stored.duplicate_of is not None
        self._counts[QUEUED] += self.frontier.finish(
            entry.url,
            DONE,
            "duplicate" if duplicate else None,
            http_status=result.status,
            note=page.canonical_reason,
            links=links,
            link_depth=entry.depth + 1,
            also_skipped=also_skipped,
            etag=result.headers.get("etag"),
            last_modified=result.headers.get("last-modified"),
        )
        self._move(IN_FLIGHT, DONE)
        self._stored += 1
        self.stored_this_run += 1
        self._duplicates += int(duplicate)


async def crawl_async(
    seeds: list[str],
    *,
    frontier_path: Path,
    sink: DocumentSink,
    max_pages: int | None = None,
    max_depth: int | None = None,
    concurrency: int = 8,
    same_site: bool = True,
    allow: list[str] | None = None,
    deny: list[str] | None = None,
    resolve: dict[str, str] | None = None,
    allow_private: bool = False,
    progress: Callable[[CrawlStats], None] | None = None,
    per_host: int = 2,
    delay: float | None = None,
    max_bytes: int = 10 * 1024 * 1024,
    timeout: float = 20.0,
    max_attempts: int = 3,
    backoff_base: float = 1.0,
    max_query_variants: int = MAX_QUERY_VARIANTS,
    sitemaps: list[str] | None = None,
    refresh: bool = False,
    owns: Callable[[str], bool] | None = None,
) -> CrawlSummary:
    """Crawl from ``seeds`` into ``sink``; re-running with the same ``frontier_path`` resumes.

    ``max_pages`` counts stored pages across runs of the same frontier; ``max_depth`` None means no limit.
    ``same_site`` keeps to the seeds' registrable domains, ``allow`` adds domains, ``deny`` removes them.
    ``resolve`` maps ``host`` (or ``host:port``) to ``addr:port`` like ``curl --resolve``. ``per_host`` is the
    in-flight limit per host; ``delay`` sets the per-host delay (default 0.25 s on loopback, 1 s elsewhere;
    a robots.txt crawl-delay always applies, up to 60 s). ``sitemaps`` adds the pages of sitemaps as seeds;
    ``refresh`` re-fetches stored pages conditionally (ETag / Last-Modified) and tombstones those now 404/410.
    ``progress`` receives a ``CrawlStats`` each time a page completes. ``owns(host)`` makes this crawl one
    partition of a crawl split by host: links to hosts it does not own are set aside in the frontier
    (``Frontier.take_forwarded``) for their owner, so each host is fetched, politely, by one crawler only.

    Raises ``SeedUnreachable`` when every seed failed (or was refused) and nothing was stored.
    """

    normalized = []
    sitemap_list = [u for u in (normalize(s) for s in sitemaps or ()) if u]
    with Frontier(frontier_path, owns=owns) as frontier:
        for seed in seeds:
            url = normalize(seed)
            refused = url_reason(url or seed, allow_private=allow_private)
            if url is None or refused:
                frontier.record(seed, SKIPPED, refused or "invalid_url")
                continue
            normalized.append(url)
        scope = Scope.build(
            normalized + sitemap_list,
            same_site=same_site,
            allow=allow or (),
            deny=deny or (),
            allow_private=allow_private,
        )
        frontier.add(normalized, 0)
        frontier.requeue_failed(normalized)
        if refresh:
            frontier.queue_refresh()
        async with make_client(resolve=resolve, allow_private=allow_private, timeout=timeout) as client:
            fetcher = Fetcher(client, max_bytes=max_bytes, accept_url=scope.reason, allow_private=allow_private)
            robots_fetcher = Fetcher(client, max_bytes=ROBOTS_MAX_BYTES, allow_private=allow_private)
            if sitemap_list:
                map_fetcher = Fetcher(client, max_bytes=MAX_SITEMAP_BYTES, allow_private=allow_private)
                for sitemap in sitemap_list:
                    found = await sitemap_urls(map_fetcher, sitemap)
                    frontier.add([u for u in found if not scope.reason(u)], 0)
            crawler = Crawler(
                frontier,
                sink,
                scope,
                fetcher,
                RobotsCache(robots_fetcher, USER_AGENT),
                max_pages=max_pages,
                max_depth=max_depth,
                concurrency=concurrency,
                per_host=per_host,
                delay=delay,
                resolve=parse_resolve(resolve),
                max_attempts=max_attempts,
                backoff_base=backoff_base,
                progress=progress,
                max_query_variants=max_query_variants,
            )
            await crawler.run()
        summary = summarize(frontier)
        check_seeds(frontier, seeds, normalized, stored_this_run=crawler.stored_this_run)
    return summary


def _blocking(fn: Callable[_P, Coroutine[Any, Any, CrawlSummary]]) -> Callable[_P, CrawlSummary]:
    """A synchronous twin of the coroutine function ``fn`` with the same (type-checked) signature."""

    @functools.wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> CrawlSummary:
        return asyncio.run(fn(*args, **kwargs))

    return run


crawl = _blocking(crawl_async)
"""The blocking form of :func:`crawl_async`: same arguments, runs its own event loop."""
