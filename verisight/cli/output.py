"""What the CLI prints: messages on stderr, JSON (and nothing else) on stdout."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, is_dataclass
from typing import Any


def err(message: str) -> None:
    """Print a line to stderr."""
    print(message, file=sys.stderr, flush=True)


def out_json(value: Any) -> None:
    """Print ``value`` as JSON on stdout."""
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def dump(value: Any) -> Any:
    """A dataclass (or list of them) as plain JSON-able data."""
    if isinstance(value, list | tuple):
        return [dump(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value
