"""``verisight demo``: serve the bundled demo corpus on 127.0.0.1, crawl it, index it, then serve or answer."""

from __future__ import annotations

import argparse
import time
from dataclasses import asdict
from typing import Any

from verisight.cli.main import err
from verisight.engine import Engine
from verisight.settings import Settings


def demo_manifest() -> dict[str, Any]:
    """The demo corpus manifest: hosts, seeds, the check query and the regression sets."""
    from verisight.demo.server import load_manifest

    return load_manifest()


def demo_settings(args: argparse.Namespace, settings: Settings) -> Settings:
    """The demo's settings: its own data directory unless ``--data`` was given."""
    if getattr(args, "data", None):
        return settings
    return settings.with_overrides(data_dir=settings.data_dir / "demo")


def prepare_demo(engine: Engine, port_holder: list[int] | None = None) -> Any:
    """Start the demo web server, crawl it into ``engine`` and index it; return the running server."""
    from verisight.cli.commands import run_crawl, run_index
    from verisight.demo.server import DemoServer

    manifest = demo_manifest()
    server = DemoServer()
    port = server.start()
    if port_holder is not None:
        port_holder.append(port)
    err(f"demo: serving {len(manifest['hosts'])} demo sites on 127.0.0.1:{port}")
    started = time.perf_counter()
    run_crawl(
        engine,
        list(manifest["seeds"]),
        resolve=server.resolve_map(),
        same_site=False,
        allow=list(manifest["hosts"]),
        concurrency=8,
    )
    run_index(engine)
    err(f"demo: corpus ready in {time.perf_counter() - started:.1f} s ({engine.documents.count()} documents)")
    return server


def run_demo(args: argparse.Namespace, settings: Settings) -> int:
    """Run the demo: crawl + index the bundled corpus, then serve it (or answer one query with --check)."""
    from verisight.cli.commands import render_answer

    settings = demo_settings(args, settings)
    engine = Engine(settings)
    server = prepare_demo(engine)
    try:
        if args.check:
            query = demo_manifest()["check_query"]
            started = time.perf_counter()
            answer = engine.answer(query)
            print(render_answer(answer))
            labels = [c.verdict.label for c in answer.overview.claims]
            err(f"demo --check: answered in {time.perf_counter() - started:.1f} s; verdicts {labels}")
            if not answer.overview.claims:
                err("demo --check: the overview has no claims")
                return 1
            return 0
        from web.server import serve

        err(f"demo: open http://{args.host}:{args.port}/ in your browser (Ctrl-C stops)")
        serve(engine, host=args.host, port=args.port)
        return 0
    finally:
        server.stop()


def answer_json(engine: Engine, query: str) -> dict[str, Any]:
    """The answer to ``query`` as JSON data."""
    return asdict(engine.answer(query))
