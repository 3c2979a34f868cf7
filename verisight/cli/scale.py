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

from verisight.cli import corpus, serving  # noqa: F401  (the plain commands, registered before the --ray forms wrap them)
from verisight.cli.output import err
from verisight.cli.registry import COMMANDS, Arguments, Command, Handler
from verisight.errors import BadQuery
from verisight.settings import Settings

SHARDS_DIR = "shards"


RAY_HELP = "run on Ray: alone, a local cluster; with ADDRESS, join that cluster (needs verisight[ray])"


def _ray_arg(p: argparse.ArgumentParser) -> None:
    """``--ray [ADDRESS]``, shared by crawl, index and serve."""
    p.add_argument("--ray", nargs="?", const="", default=None, metavar="ADDRESS", help=RAY_HELP)


def _crawl_ray_args(p: argparse.ArgumentParser) -> None:
    """The --ray options of ``crawl``."""
    _ray_arg(p)
    p.add_argument("--partitions", type=int, default=2, help="with --ray: crawl partitions (actors), by host")


def _index_ray_args(p: argparse.ArgumentParser) -> None:
    """The --ray options of ``index``."""
    _ray_arg(p)
    p.add_argument("--shards", type=int, default=2, help="with --ray: index shards to write")
    p.add_argument("--workers", type=int, default=None, help="with --ray: embedding actors (default: CPUs)")
    p.add_argument("--warc", nargs="+", default=[], metavar="FILE",
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
    from verisight.cli.corpus import crawl_options, index_with_progress
    from verisight.engine import Engine
    from verisight.scale.crawl import crawl_with_ray as crawl_partitioned

    if not args.urls:
        raise BadQuery("crawl --ray needs at least one URL")
    if args.refresh or args.sitemap:
        raise BadQuery("crawl --ray does not support --refresh or --sitemap yet; run them without --ray")
    _connect(args)
    engine = Engine(settings)
    crawl = crawl_options(args)
    options: dict[str, Any] = {
        "max_pages": crawl.max_pages,
        "max_depth": crawl.max_depth,
        "concurrency": crawl.concurrency,
        "same_site": crawl.same_site,
        "allow": list(crawl.allow),
        "deny": list(crawl.deny),
        "resolve": dict(crawl.resolve),
        "allow_private": crawl.allow_private,
    }
    summary = crawl_partitioned(
        list(args.urls), engine.documents, settings.data_dir, partitions=args.partitions, options=options
    )
    shown = {k: v for k, v in asdict(summary).items() if isinstance(v, int)}
    err("crawl --ray: " + "; ".join(f"{k} {v}" for k, v in shown.items()))
    if not args.no_index:
        index_with_progress(engine)
    return 0


def _with_ray(name: str, ray_arguments: Arguments, ray_handler: Handler) -> None:
    """Make command ``name`` take ``ray_arguments`` and run ``ray_handler`` when ``--ray`` is given."""
    plain = COMMANDS[name]

    def arguments(p: argparse.ArgumentParser) -> None:
        if plain.arguments is not None:
            plain.arguments(p)
        ray_arguments(p)

    def handler(args: argparse.Namespace, settings: Settings) -> int:
        if getattr(args, "ray", None) is None:
            return plain.handler(args, settings)
        return ray_handler(args, settings)

    handler.__doc__ = plain.handler.__doc__
    COMMANDS[name] = Command(plain.name, plain.help, arguments, handler, plain.data)


_with_ray("index", _index_ray_args, index_with_ray)
_with_ray("serve", _ray_arg, serve_with_ray)
_with_ray("crawl", _crawl_ray_args, crawl_with_ray)
