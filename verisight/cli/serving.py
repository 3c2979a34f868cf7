"""``verisight serve``: the search page, JSON API and audit view over the data directory."""

from __future__ import annotations

import argparse

from verisight.cli.output import err
from verisight.cli.registry import command
from verisight.engine import Engine
from verisight.settings import Settings


def _serve_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default=None)
    p.add_argument("--port", type=int, default=None)


@command("serve", "serve the search page, JSON API and audit view", _serve_args)
def serve_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight serve"""
    from web.server import bind, run

    host, port = args.host or settings.host, args.port or settings.port
    server = bind(Engine(settings), host=host, port=port)
    err(f"serve: http://{host}:{port}/ over {settings.data_dir} (Ctrl-C stops)")
    run(server)
    return 0
