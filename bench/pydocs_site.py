"""Build the Python-docs data directory that ``verisight eval answers --corpus pydocs`` is measured on.

Usage::

    python bench/pydocs_site.py --data DIR [--root /usr/share/doc/python3.11/html]

The corpus is a fixed 98-page subset of Debian's ``python3.11-doc`` (``apt-get install python3.11-doc``): every
page of the tutorial, the language reference, the FAQ and the HOWTOs, the glossary, and the 40 library pages in
``LIBRARY``. The pages are served from a copy on 127.0.0.1 by a real HTTP server and crawled with the engine's own
crawler (every page a seed, depth 0, no per-host delay), then indexed: the same path a user's crawl takes.
Re-running resumes the crawl and updates the index.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verisight.crawling import CrawlOptions, crawl_into  # noqa: E402
from verisight.engine import Engine  # noqa: E402
from verisight.settings import load_settings  # noqa: E402

SECTIONS = ("tutorial", "reference", "faq", "howto")
LIBRARY = (
    "argparse", "asyncio-task", "bisect", "collections", "constants", "copy", "csv", "dataclasses", "datetime",
    "decimal", "enum", "exceptions", "functions", "functools", "glob", "heapq", "io", "itertools", "json",
    "logging", "math", "os", "os.path", "pathlib", "pickle", "random", "re", "shutil", "sqlite3", "statistics",
    "stdtypes", "string", "subprocess", "sys", "textwrap", "time", "timeit", "typing", "unittest", "venv",
)


def pages(root: Path) -> list[str]:
    """The subset's page paths, relative to ``root``, in a fixed order."""
    found = [p.relative_to(root).as_posix() for s in SECTIONS for p in sorted((root / s).glob("*.html"))]
    found.append("glossary.html")
    found += [f"library/{name}.html" for name in LIBRARY]
    return [p for p in found if (root / p).is_file()]


class _Quiet(SimpleHTTPRequestHandler):
    """Static files without access logs."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep the output clean."""


def main(argv: list[str] | None = None) -> int:
    """Copy the subset, serve it, crawl and index it into ``--data``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--root", type=Path, default=Path("/usr/share/doc/python3.11/html"))
    args = parser.parse_args(argv)
    if not (args.root / "tutorial" / "index.html").is_file():
        print(f"no Python docs at {args.root} (apt-get install python3.11-doc)", file=sys.stderr)
        return 2
    chosen = pages(args.root)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        for rel in chosen:
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(args.root / rel, site / rel)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        settings = load_settings(args.data, environ={}, config_file=args.data / "none.toml")
        engine = Engine(settings)
        try:
            summary = crawl_into(
                settings, engine.documents, [f"http://127.0.0.1:{port}/{rel}" for rel in chosen],
                CrawlOptions(max_depth=0, concurrency=8, allow_private=True, delay=0.0),
            )
            print(f"crawled {len(chosen)} pages: {summary}", file=sys.stderr)
            engine.update_index()
            print(f"indexed: {engine.status()}", file=sys.stderr)
        finally:
            engine.close()
            server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
