"""A progress line on stderr: redrawn in place on a terminal, one line every few seconds otherwise."""

from __future__ import annotations

import sys
import time


class Progress:
    """Prints ``label: message`` updates to stderr without flooding logs."""

    def __init__(self, label: str, *, every_s: float = 5.0) -> None:
        self.label = label
        self.tty = sys.stderr.isatty()
        self.every_s = 0.1 if self.tty else every_s
        self._last = 0.0
        self._shown = False

    def update(self, message: str, *, force: bool = False) -> None:
        """Show ``message`` if enough time has passed since the last one."""
        now = time.monotonic()
        if not force and now - self._last < self.every_s:
            return
        self._last = now
        if self.tty:
            sys.stderr.write(f"\r\x1b[2K{self.label}: {message}")
        else:
            sys.stderr.write(f"{self.label}: {message}\n")
        sys.stderr.flush()
        self._shown = True

    def done(self, message: str) -> None:
        """Finish the line with a final message."""
        if self.tty and self._shown:
            sys.stderr.write("\r\x1b[2K")
        sys.stderr.write(f"{self.label}: {message}\n")
        sys.stderr.flush()
