"""The ``verisight`` command line: one clear line and a non-zero exit on any error, JSON on stdout with --json."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from verisight import __version__
from verisight.errors import VerisightError
from verisight.settings import Settings, load_settings

Handler = Callable[[argparse.Namespace, Settings], int]
COMMANDS: dict[str, Handler] = {}


def command(name: str) -> Callable[[Handler], Handler]:
    """Register a sub-command handler."""

    def register(func: Handler) -> Handler:
        COMMANDS[name] = func
        return func

    return register


def err(message: str) -> None:
    """Print a line to stderr."""
    print(message, file=sys.stderr, flush=True)


def out_json(value: Any) -> None:
    """Print ``value`` as JSON on stdout."""
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="verisight", description="An answer engine that checks every claim of its overview against its sources."
    )
    parser.add_argument("--version", action="version", version=f"verisight {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug output to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--data", metavar="DIR", help="data directory (default $VERISIGHT_HOME, else ~/.verisight)")
        return p

    p = add("crawl", "crawl pages from seed URLs into the document store (re-run to resume)")
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

    p = add("import-warc", "ingest pages from WARC/ARC files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--no-index", action="store_true")

    add("index", "build or update the indexes from the document store (incremental)")

    p = add("forget", "remove a URL or a whole domain from the store, the index and cached answers")
    p.add_argument("target", metavar="URL|DOMAIN")

    p = add("search", "ranked passages for a query")
    p.add_argument("query", nargs="+")
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--mode", choices=("hybrid", "bm25", "dense"), default=None)
    p.add_argument("--json", action="store_true")

    p = add("ask", "the full verified answer to a question")
    p.add_argument("query", nargs="+")
    p.add_argument("-k", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.add_argument("--mode", dest="synth_mode", choices=("auto", "generated", "extractive"), default=None,
                   help="generated: the LLM writes; extractive: quote the best passage sentences (default: auto)")
    p.add_argument("--extractive", dest="synth_mode", action="store_const", const="extractive",
                   help="same as --mode extractive")

    p = add("serve", "serve the search page, JSON API and audit view")
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)

    p = add("demo", "crawl and index the bundled demo corpus, then serve it (or --check: answer one query)")
    p.add_argument("--check", action="store_true", help="answer one query, print it and exit")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)

    add("doctor", "check every backend, model file and store, and print the fix for anything missing")

    p = add("status", "what is stored")
    p.add_argument("--json", action="store_true")

    p = add("reviewer", "manage reviewer accounts")
    p.add_argument("action", choices=("add",))
    p.add_argument("name")
    p.add_argument("--password", help="also allow signing in with this password (default: token only)")

    p = add("llm", "manage the LLM server")
    p.add_argument("action", choices=("serve",))
    p.add_argument("--model", default="Qwen/Qwen2.5-7B-Instruct")
    p.add_argument("--port", type=int, default=8001)
    p.add_argument("--embedded", action="store_true", help="serve the embedded CPU model over the same protocol")

    p = add("eval", "quality figures")
    p.add_argument("what", choices=("retrieval", "verifier"))
    p.add_argument("--queries", help="retrieval: JSONL of {q, relevant}")
    p.add_argument("--file", help="verifier: claim/evidence file")
    p.add_argument("--suite", metavar="DATA_DIR",
                   help="verifier: every judge (the embedded one as baseline) on the external sets of the shared "
                        "data folder (nli/, claims/), page level, choose/report split, WiCE dev scored once")
    p.add_argument("--limit", type=int, default=300, help="verifier --suite: rows per set and split (0: all)")
    p.add_argument("--format", choices=("wice", "factcheckgpt", "jsonl"), default="jsonl")
    p.add_argument("--judge", action="append", choices=("embedded", "minicheck"), default=None,
                   help="verifier: judge to evaluate, repeatable (default: the configured one)")
    p.add_argument("--json", action="store_true")

    p = add("bench", "performance figures (retrieval and crawl run the scripts under bench/ in a source checkout)")
    p.add_argument("what", choices=("answer", "retrieval", "crawl"))
    p.add_argument("--queries", type=int, default=5, help="answer: how many warm answers to time")
    p.add_argument("--mode", dest="synth_mode", choices=("auto", "generated", "extractive"), default=None,
                   help="answer: overview mode to time (default: the configured one)")
    p.add_argument("rest", nargs="*", metavar="-- ARGS",
                   help="retrieval/crawl: arguments for the bench script, after --, e.g. -- --sizes 10000")

    p = add("answers", "the answer log")
    p.add_argument("action", choices=("prune",))
    p.add_argument("--older-than", type=float, default=30.0, metavar="DAYS",
                   help="delete answers older than DAYS (default 30); reviewer decisions are kept")

    p = add("audit", "audit queue tools")
    p.add_argument("action", choices=("export",))
    p.add_argument("--out", default="-")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING, stream=sys.stderr, format="%(levelname)s %(message)s"
    )
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    from verisight.cli import commands  # noqa: F401  (registers the handlers)

    try:
        settings = load_settings(getattr(args, "data", None))
        return COMMANDS[args.command](args, settings)
    except VerisightError as exc:
        err(f"verisight {args.command}: {exc}")
        return 1
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:  # stdout closed early (e.g. `| head`): not an error worth a traceback
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the stages' own errors carry a readable reason
        name = type(exc).__module__.split(".")[0]
        if name in ("crawler", "retrieval", "synth", "verifier", "web"):
            err(f"verisight {args.command}: {exc}")
            return 1
        raise


def dump(value: Any) -> Any:
    """A dataclass (or list of them) as plain JSON-able data."""
    if isinstance(value, list | tuple):
        return [dump(v) for v in value]
    try:
        return asdict(value)
    except TypeError:
        return value


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
