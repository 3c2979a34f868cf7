"""The CLI's command table: each command registers its handler together with the arguments it declares.

A command module writes its arguments next to its handler::

    def _args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", action="store_true")

    @command("status", "what is stored", _args)
    def status_cmd(args: argparse.Namespace, settings: Settings) -> int: ...

``data`` says what the command needs of the data directory: ``read`` (it must exist; a mistyped ``--data``
gets an error, never a new empty directory), ``create`` (the command may create it) or ``none``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from verisight.settings import Settings

Handler = Callable[[argparse.Namespace, Settings], int]
Arguments = Callable[[argparse.ArgumentParser], None]
DataUse = Literal["read", "create", "none"]


@dataclass(frozen=True, slots=True)
class Command:
    """One sub-command: its name, help line, argument declarations, handler and data-directory use."""

    name: str
    help: str
    arguments: Arguments | None
    handler: Handler
    data: DataUse


COMMANDS: dict[str, Command] = {}
DATA_HELP = "data directory (default $VERISIGHT_HOME, else ~/.verisight)"


def data_argument(parser: argparse.ArgumentParser, *, nested: bool = False) -> None:
    """Add ``--data DIR``; ``nested`` for a sub-command's own actions (``reviewer add NAME --data DIR``), which
    leave the value given before the action alone when they are not given it themselves."""
    default = argparse.SUPPRESS if nested else None
    parser.add_argument("--data", metavar="DIR", default=default, help=DATA_HELP)


def command(
    name: str, help_text: str, arguments: Arguments | None = None, *, data: DataUse = "read"
) -> Callable[[Handler], Handler]:
    """Register ``handler`` as sub-command ``name`` with the arguments ``arguments`` declares."""

    def register(handler: Handler) -> Handler:
        if name in COMMANDS:
            raise ValueError(f"command {name!r} is registered twice")
        COMMANDS[name] = Command(name, help_text, arguments, handler, data)
        return handler

    return register
