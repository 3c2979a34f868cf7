"""Commands that fill or change the corpus: crawl, import-warc, index, forget."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict

from crawler.summary import CrawlStats, CrawlSummary
from crawler.warc import ImportSummary
from retrieval.types import IndexUpdate
from verisight.cli.output import err
from verisight.cli.progress import Bar
from verisight.cli.registry import command
from verisight.crawling import CrawlOptions, crawl_failures, crawl_into, import_archives, parse_resolve
from verisight.engine import Engine
from verisight.errors import BadQuery
from verisight.settings import Settings


def summary_line(summary: CrawlSummary | ImportSummary) -> str:
    """A crawl's or import's totals on one line."""
    s = asdict(summary)
    by_reason = s.pop("by_reason", {}) or {}
    parts = [f"{k} {v}" for k, v in s.items() if isinstance(v, int | float)]
    if by_reason:
        parts.append("reasons: " + ", ".join(f"{k} {v}" for k, v in sorted(by_reason.items())))
    return "; ".join(parts)


def crawl_with_progress(engine: Engine, seeds: list[str], options: CrawlOptions) -> CrawlSummary:
    """Crawl ``seeds`` into the engine's document store with a progress bar; return the summary."""
    bar = Bar("crawl", unit="page", total=options.max_pages)

    def report(stats: CrawlStats) -> None:
        finished = stats.done + stats.failed + stats.skipped
        known = finished + stats.queued + stats.in_flight
        total = min(known, options.max_pages) if options.max_pages else known
        bar.set(finished, total, stored=stats.stored, failed=stats.failed, queued=stats.queued)

    try:
        summary = crawl_into(engine.settings, engine.documents, seeds, options, progress=report)
    finally:
        bar.close()
    err(f"crawl: {summary_line(summary)}")
    return summary


def index_with_progress(engine: Engine) -> IndexUpdate:
    """Bring the index up to date with a progress bar over the passages it embeds; return what changed."""
    err(f"index: reading documents in {engine.settings.data_dir}")
    bar = Bar("index: embedding", unit="passage")
    finished = [0]  # passages embedded by the index's earlier chunks

    def chunk_done(done: int, total: int) -> None:
        finished[0] = done
        bar.set(done, total)

    # The index reports after each chunk of passages; the embedder (where it can) after each small batch inside it.
    engine.index.progress = chunk_done
    embedder = engine.embedder
    fine_grained = hasattr(embedder, "progress")
    if fine_grained:
        setattr(embedder, "progress", lambda done, _n: bar.set(finished[0] + done))  # noqa: B010
    try:
        update = engine.update_index()
    finally:
        engine.index.progress = None
        if fine_grained:
            setattr(embedder, "progress", None)  # noqa: B010
        bar.close()
    figures = ", ".join(f"{k} {v}" for k, v in asdict(update).items() if isinstance(v, int | float))
    err(f"index: {figures}; {len(engine.index)} passages in the index")
    return update


def _crawl_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("urls", nargs="*", metavar="URL")
    p.add_argument("--max-pages", type=int)
    p.add_argument("--max-depth", type=int)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--same-site", dest="same_site", action="store_true", default=True)
    p.add_argument("--any-site", dest="same_site", action="store_false")
    p.add_argument("--allow", action="append", default=[], metavar="DOMAIN")
    p.add_argument("--deny", action="append", default=[], metavar="DOMAIN")
    p.add_argument("--resolve", action="append", default=[], metavar="HOST=ADDR:PORT")
    p.add_argument("--allow-private", action="store_true", help="allow private network addresses")
    p.add_argument("--sitemap", action="append", default=[], metavar="URL")
    p.add_argument("--resume", action="store_true", help="resume the previous crawl (the default when URLs match)")
    p.add_argument("--refresh", action="store_true", help="re-fetch stored pages (ETag / If-Modified-Since)")
    p.add_argument("--no-index", action="store_true", help="do not update the index after crawling")
    p.add_argument("--log-failures", action="store_true",
                   help="print one JSON line per failed or skipped URL of this run on stderr")


def crawl_options(args: argparse.Namespace) -> CrawlOptions:
    """The crawl flags as CrawlOptions."""
    for name in ("max_pages", "max_depth"):
        value = getattr(args, name)
        if value is not None and value < 0:
            raise BadQuery(f"--{name.replace('_', '-')} must be zero or more")
    if args.concurrency < 1:
        raise BadQuery("--concurrency must be at least 1")
    return CrawlOptions(
        max_pages=args.max_pages,
        max_depth=args.max_depth,
        concurrency=args.concurrency,
        same_site=args.same_site,
        allow=tuple(args.allow),
        deny=tuple(args.deny),
        resolve=parse_resolve(args.resolve),
        allow_private=args.allow_private,
        sitemaps=tuple(args.sitemap),
        refresh=args.refresh,
    )


@command("crawl", "crawl pages from seed URLs into the document store (re-run to resume)", _crawl_args,
         data="create")
def crawl_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight crawl URL..."""
    if not args.urls and not args.sitemap and not args.refresh and not args.resume:
        raise BadQuery("give at least one URL to crawl (or --sitemap URL, --resume, --refresh)")
    options = crawl_options(args)
    engine = Engine(settings)
    started = time.time()
    try:
        crawl_with_progress(engine, list(args.urls), options)
    finally:
        if args.log_failures:
            for row in crawl_failures(settings, started):
                print(json.dumps({"event": "crawl_failure", **row}), file=sys.stderr)
    if not args.no_index:
        index_with_progress(engine)
    return 0


def _import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--no-index", action="store_true", help="do not update the index after importing")


@command("import-warc", "ingest pages from WARC/ARC files", _import_args, data="create")
def import_warc_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight import-warc FILE..."""
    engine = Engine(settings)
    bar = Bar("import-warc", unit="B")
    try:
        summary = import_archives(engine.documents, args.files, progress=lambda done, total: bar.set(done, total))
    finally:
        bar.close()
    err(f"import-warc: {summary_line(summary)}")
    if not args.no_index:
        index_with_progress(engine)
    return 0


@command("index", "build or update the indexes from the document store (incremental)")
def index_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight index"""
    engine = Engine(settings)
    if engine.documents.count() == 0:
        raise BadQuery(f"the document store in {settings.data_dir} is empty: run `verisight crawl URL` first")
    index_with_progress(engine)
    return 0


def _forget_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", metavar="URL|DOMAIN")


@command("forget", "remove a URL or a whole domain from the store, the index and cached answers", _forget_args)
def forget_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight forget URL|DOMAIN"""
    result = Engine(settings).forget(args.target)
    err(
        f"forget: removed {result['documents']} document(s), {result['passages']} passage(s) and "
        f"{result['answers']} stored answer(s) matching {args.target}"
    )
    return 0
