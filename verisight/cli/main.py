"""The ``verisight`` command line: one clear line and a non-zero exit on any error, JSON on stdout with --json.

The commands live in their own modules (``corpus``, ``query``, ``serving``, ``admin``, ``quality``), each
declaring its arguments next to its handler through :mod:`verisight.cli.registry`; this module only builds the
parser from that table and runs the chosen command.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from crawler.errors import PublicError
from verisight import __version__
from verisight.cli import admin, corpus, demo, quality, query, scale, serving
from verisight.cli.output import err
from verisight.cli.registry import COMMANDS, Command, data_argument
from verisight.errors import ConfigError
from verisight.settings import Settings, load_settings

# Importing the command modules registers their commands; --help lists them in this order (others after).
COMMAND_MODULES = (corpus, query, serving, demo, admin, quality, scale)
HELP_ORDER = ("crawl", "import-warc", "index", "forget", "search", "ask", "serve", "demo", "doctor", "status",
              "reviewer", "answers", "audit", "llm", "eval", "bench")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every registered command."""
    parser = argparse.ArgumentParser(
        prog="verisight", description="An answer engine that checks every claim of its overview against its sources."
    )
    parser.add_argument("--version", action="version", version=f"verisight {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug output to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    order = {name: i for i, name in enumerate(HELP_ORDER)}
    for cmd in sorted(COMMANDS.values(), key=lambda c: order.get(c.name, len(order))):
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        data_argument(p)
        if cmd.arguments is not None:
            cmd.arguments(p)
    return parser


def check_data_dir(cmd: Command, settings: Settings) -> None:
    """Refuse to run a command that reads the data directory when there is none (and never create one)."""
    if cmd.data != "read" or settings.data_dir.is_dir():
        return
    raise ConfigError(
        f"no data directory at {settings.data_dir}: run `verisight demo` (the bundled demo corpus) or "
        "`verisight crawl URL` first, or point --data / VERISIGHT_HOME at an existing one"
    )


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
    cmd = COMMANDS[args.command]
    try:
        settings = load_settings(getattr(args, "data", None))
        check_data_dir(cmd, settings)
        return cmd.handler(args, settings)
    except PublicError as exc:  # every stage's errors and the engine's carry a readable reason
        err(f"verisight {args.command}: {exc}")
        return 1
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:  # stdout closed early (e.g. `| head`): not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
