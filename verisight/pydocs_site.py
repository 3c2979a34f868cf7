"""Build the Python-docs data directory that ``verisight eval answers --corpus pydocs`` is measured on.

Usage::

    python -m verisight.pydocs_site --data DIR [--root /usr/share/doc/python3.11/html]

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

from verisight.crawling import CrawlOptions, crawl_into
from verisight.engine import Engine
from verisight.settings import load_settings

DOCS = Path("/usr/share/doc/python3.11/html")

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


def build(data: Path, root: Path = DOCS) -> dict[str, object]:
    """Copy the subset of ``root``, serve it on 127.0.0.1, crawl and index it into ``data``; the engine's status."""
    chosen = pages(root)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        for rel in chosen:
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / rel, site / rel)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        settings = load_settings(data, environ={}, config_file=data / "none.toml")
        engine = Engine(settings)
        try:
            crawl_into(
                settings, engine.documents, [f"http://127.0.0.1:{port}/{rel}" for rel in chosen],
                CrawlOptions(max_depth=0, concurrency=8, allow_private=True, delay=0.0),
            )
            engine.update_index()
            return engine.status()
        finally:
            engine.close()
            server.shutdown()


def main(argv: list[str] | None = None) -> int:
    """Build the corpus into ``--data`` and print what was stored."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--root", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    if not (args.root / "tutorial" / "index.html").is_file():
        print(f"no Python docs at {args.root} (apt-get install python3.11-doc)", file=sys.stderr)
        return 2
    print(f"indexed: {build(args.data, args.root)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
