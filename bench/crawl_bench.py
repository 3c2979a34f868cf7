"""Crawl benchmark: pages/s crawling a real site on 127.0.0.1, next to trafilatura alone on the same pages.

    python bench/crawl_bench.py [--root /usr/share/doc/python3.11/html] [--delay SECONDS] [--per-host N]

Prints one JSON object: pages stored, duplicates, crawl seconds, crawl pages/s, trafilatura-only pages/s on
the stored raw HTML (one process, sequential), and the ratio of the two (the fraction of the
extraction-bound limit the crawl reaches). With no flags it uses the crawler's defaults (robots crawl-delay,
else 0.25 s between requests per loopback host, 2 in flight per host), which cap a one-host crawl at
about 8 pages/s whatever the machine; ``--delay 0 --per-host 8`` measures the machinery itself.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import trafilatura

from crawler.crawl import crawl
from verisight.documents import DocumentStore


class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files without access logs."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep the benchmark output clean."""


def serve(root: Path) -> ThreadingHTTPServer:
    """Serve ``root`` on a free 127.0.0.1 port in a daemon thread."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("/usr/share/doc/python3.11/html"))
    parser.add_argument("--start", default="index.html")
    parser.add_argument("--delay", type=float, default=None)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args(argv)
    if not (args.root / args.start).exists():
        print(f"no site at {args.root} (apt-get install python3.11-doc)", file=sys.stderr)
        return 2
    server = serve(args.root)
    port = server.server_address[1]
    with tempfile.TemporaryDirectory() as tmp, DocumentStore(Path(tmp) / "documents.sqlite") as store:
        t0 = time.perf_counter()
        summary = crawl(
            [f"http://127.0.0.1:{port}/{args.start}"],
            frontier_path=Path(tmp) / "frontier.sqlite",
            sink=store,
            delay=args.delay,
            per_host=args.per_host,
            concurrency=args.concurrency,
        )
        crawl_s = time.perf_counter() - t0
        pages = [store.raw_html(url) or b"" for url in store.urls()]
        duplicate_pairs = [[d.url, d.duplicate_of] for d in store.documents() if d.duplicate_of]
        t0 = time.perf_counter()
        for html in pages:
            trafilatura.extract(html, with_metadata=True)
        extract_s = time.perf_counter() - t0
    server.shutdown()
    crawl_rate = summary.stored / crawl_s if crawl_s else 0.0
    extract_rate = len(pages) / extract_s if extract_s else 0.0
    print(
        json.dumps(
            {
                "stored": summary.stored,
                "duplicates": summary.duplicates,
                "duplicate_pairs": duplicate_pairs,
                "failed": summary.failed,
                "skipped": summary.skipped,
                "by_reason": summary.by_reason,
                "crawl_seconds": round(crawl_s, 2),
                "crawl_pages_per_s": round(crawl_rate, 2),
                "trafilatura_pages_per_s": round(extract_rate, 2),
                "fraction_of_extraction_bound": round(crawl_rate / extract_rate, 3) if extract_rate else None,
                "delay": args.delay,
                "per_host": args.per_host,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
