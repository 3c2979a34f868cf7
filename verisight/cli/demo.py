"""``verisight demo``: serve the bundled demo corpus on 127.0.0.1, crawl it and index it into the data directory
every other command uses (``--data``, else ``$VERISIGHT_HOME``, else ``~/.verisight``), then serve or answer."""

from __future__ import annotations

import argparse
import time
from typing import Any

from verisight.cli.corpus import crawl_with_progress, index_with_progress
from verisight.cli.output import err
from verisight.cli.query import render_answer
from verisight.cli.registry import command
from verisight.crawling import CrawlOptions
from verisight.demo.server import DemoServer, load_manifest
from verisight.engine import Engine
from verisight.settings import Settings


def prepare_demo(engine: Engine) -> DemoServer:
    """Start the demo web server, crawl it into ``engine`` and index it; return the running server."""
    manifest = load_manifest()
    server = DemoServer()
    port = server.start()
    err(f"demo: serving {len(manifest['hosts'])} demo sites on 127.0.0.1:{port}")
    started = time.perf_counter()
    try:
        options = CrawlOptions(same_site=False, allow=tuple(manifest["hosts"]), resolve=server.resolve_map())
        crawl_with_progress(engine, list(manifest["seeds"]), options)
        index_with_progress(engine)
    except BaseException:
        server.stop()
        raise
    err(f"demo: corpus ready in {time.perf_counter() - started:.1f} s ({engine.documents.count()} documents "
        f"in {engine.settings.data_dir})")
    return server


def _demo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--check", action="store_true", help="answer one query, print it and exit")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)


def _check(engine: Engine) -> int:
    query = load_manifest()["check_query"]
    started = time.perf_counter()
    answer = engine.answer(query)
    print(render_answer(answer))
    labels = [c.verdict.label for c in answer.overview.claims]
    err(f"demo --check: answered in {time.perf_counter() - started:.1f} s; verdicts {labels}")
    if not answer.overview.claims:
        err("demo --check: the overview has no claims")
        return 1
    return 0


@command("demo", "crawl and index the bundled demo corpus into the data directory, then serve it "
                 "(or --check: answer one query)", _demo_args, data="create")
def demo_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight demo [--check]"""
    engine = Engine(settings)
    listener: Any = None
    if not args.check:
        from web.server import bind

        listener = bind(engine, host=args.host, port=args.port)  # a taken port fails now, not after the crawl
    err(f"demo: data directory {settings.data_dir} (the same one `verisight ask`, `status` and `reviewer` use)")
    try:
        server = prepare_demo(engine)
    except BaseException:
        if listener is not None:
            listener.close()
        raise
    try:
        if args.check:
            return _check(engine)
        from web.server import run

        port = getattr(listener, "effective_port", args.port)
        err(f"demo: open http://{args.host}:{port}/ in your browser (Ctrl-C stops)")
        run(listener)
        return 0
    finally:
        server.stop()
