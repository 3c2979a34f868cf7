"""The ``--ray`` forms of ``crawl``, ``index`` and ``serve`` (optional extra ``verisight[ray]``).

Without ``--ray`` each command runs its single-machine handler, unchanged. ``--ray`` alone starts a local Ray
cluster; ``--ray ADDRESS`` joins one (``auto``: the cluster already running on this machine).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from verisight.cli import commands  # noqa: F401  (the plain handlers, registered before the --ray forms wrap them)
from verisight.cli.main import COMMANDS, Handler, err
from verisight.errors import BadQuery
from verisight.settings import Settings

SHARDS_DIR = "shards"


def extend_parser(sub: Any) -> None:
    """Add the ``--ray`` options to the crawl, index and serve parsers of ``sub`` (the sub-parsers action)."""
    ray_help = "run on Ray: alone, a local cluster; with ADDRESS, join that cluster (needs verisight[ray])"
    for name in ("crawl", "index", "serve"):
        p = sub.choices[name]
        p.add_argument("--ray", nargs="?", const="", default=None, metavar="ADDRESS", help=ray_help)
    crawl = sub.choices["crawl"]
    crawl.add_argument("--partitions", type=int, default=2, help="with --ray: crawl partitions (actors), by host")
    index = sub.choices["index"]
    index.add_argument("--shards", type=int, default=2, help="with --ray: index shards to write")
    index.add_argument("--workers", type=int, default=None, help="with --ray: embedding actors (default: CPUs)")
    index.add_argument("--warc", nargs="+", default=[], metavar="FILE",
                       help="with --ray: first extract these WARC files on Ray into the document store")


def _connect(args: argparse.Namespace) -> Any:
    """Join or start the cluster named by ``--ray``."""
    from verisight.scale.cluster import connect

    return connect(args.ray or None)


def _factory(settings: Settings) -> Any:
    """The embedder recipe for Ray workers, from the settings."""
    from verisight.scale.pipeline import embedder_factory

    return embedder_factory(settings.embedder, settings.embedder_path)


def index_with_ray(args: argparse.Namespace, settings: Settings) -> int:
    """verisight index --ray [ADDRESS] [--shards N] [--workers N] [--warc FILE...]"""
    from verisight.documents import DocumentStore
    from verisight.scale.pipeline import build_shards, import_warcs_with_ray

    ray = _connect(args)
    workers = args.workers or max(1, int(ray.cluster_resources().get("CPU", os.cpu_count() or 1)))
    with DocumentStore(settings.path("documents.db")) as store:
        if args.warc:
            counts = import_warcs_with_ray([Path(f) for f in args.warc], store, workers=workers)
            err(f"index --ray: {counts['stored']} documents from WARC ({counts['duplicates']} duplicates)")
        docs = list(store.documents(include_duplicates=False))
    if not docs:
        raise BadQuery("the document store is empty: run `verisight crawl URL` (or pass --warc FILE) first")
    built = build_shards(
        docs, settings.path(SHARDS_DIR), shards=args.shards, workers=workers, factory=_factory(settings),
        reuse_from=[settings.path("index")],
    )
    err(
        f"index --ray: {built.documents} documents, {built.passages} passages ({built.embedded} embedded, "
        f"{built.reused} reused) in {len(built.shards)} shards, {built.seconds:.1f} s, {workers} workers"
    )
    return 0


def serve_with_ray(args: argparse.Namespace, settings: Settings) -> int:
    """verisight serve --ray [ADDRESS]: the engine searches the shards held by Ray actors."""
    from verisight.engine import Engine
    from verisight.scale.pipeline import live_shards
    from verisight.scale.shards import ShardedIndex
    from web.server import serve

    _connect(args)
    query_embedder = _factory(settings)()
    sharded = ShardedIndex(live_shards(settings.path(SHARDS_DIR)), query_embedder, _factory(settings))
    engine = Engine(settings, index=sharded)
    host, port = args.host or settings.host, args.port or settings.port
    err(f"serve --ray: {len(sharded.actors)} shards, {len(sharded)} passages; http://{host}:{port}/ (Ctrl-C stops)")
    try:
        serve(engine, host=host, port=port)
    finally:
        sharded.close()
    return 0


def crawl_with_ray(args: argparse.Namespace, settings: Settings) -> int:
    """verisight crawl --ray [ADDRESS] URL... [--partitions N]: the frontier split by host across Ray actors."""
    from verisight.cli.commands import _parse_resolve, run_index
    from verisight.engine import Engine
    from verisight.scale.crawl import crawl_with_ray as crawl_partitioned

    if not args.urls:
        raise BadQuery("crawl --ray needs at least one URL")
    if args.refresh or args.sitemap:
        raise BadQuery("crawl --ray does not support --refresh or --sitemap yet; run them without --ray")
    _connect(args)
    engine = Engine(settings)
    options: dict[str, Any] = {
        "max_pages": args.max_pages,
        "max_depth": args.max_depth,
        "concurrency": args.concurrency,
        "same_site": args.same_site,
        "allow": list(args.allow),
        "deny": list(args.deny),
        "resolve": _parse_resolve(args.resolve),
        "allow_private": args.allow_private,
    }
    summary = crawl_partitioned(
        list(args.urls), engine.documents, settings.data_dir, partitions=args.partitions, options=options
    )
    shown = {k: v for k, v in asdict(summary).items() if isinstance(v, int)}
    err("crawl --ray: " + "; ".join(f"{k} {v}" for k, v in shown.items()))
    if not args.no_index:
        run_index(engine)
    return 0


def _with_ray(name: str, ray_handler: Handler) -> None:
    """Make command ``name`` run ``ray_handler`` when ``--ray`` is given, its own handler otherwise."""
    plain = COMMANDS[name]

    def handler(args: argparse.Namespace, settings: Settings) -> int:
        if getattr(args, "ray", None) is None:
            return plain(args, settings)
        return ray_handler(args, settings)

    handler.__doc__ = plain.__doc__
    COMMANDS[name] = handler


_with_ray("index", index_with_ray)
_with_ray("serve", serve_with_ray)
_with_ray("crawl", crawl_with_ray)
