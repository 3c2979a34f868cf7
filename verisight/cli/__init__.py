"""The ``verisight`` command line."""

from verisight.cli.main import main

__all__ = ["main"]
