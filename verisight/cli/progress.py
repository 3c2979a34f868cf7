"""Progress bars on stderr for long work (crawl, import, index with its embedding), drawn by tqdm.

On a terminal the bar redraws in place with its count, rate and ETA; in a log (stderr not a terminal) it prints
one plain line every few seconds instead of carriage-return redraws. Counts only go up: a figure that would go
down (a queue that grew, a total that was a guess) moves the total, never the count.
"""

from __future__ import annotations

import io
import re
import sys
from typing import Any, TextIO

from tqdm import tqdm

LOG_EVERY_S = 5.0
_BREAK = re.compile(r"[\r\n]")


class LineWriter(io.TextIOBase):
    """A text stream for tqdm that turns each redraw into one line (repeats dropped), for logs."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self._last = ""

    def write(self, text: str) -> int:
        """Write every non-empty redraw of ``text`` as its own line."""
        for piece in _BREAK.split(text):
            piece = piece.rstrip()
            if piece and piece != self._last:
                self.stream.write(piece + "\n")
                self._last = piece
        return len(text)

    def flush(self) -> None:
        """Flush the underlying stream."""
        self.stream.flush()


class Bar:
    """One progress bar: ``set(n, total)`` as work completes, ``close(summary)`` at the end."""

    def __init__(self, desc: str, *, unit: str = "it", total: int | None = None, stream: TextIO | None = None,
                 every_s: float = LOG_EVERY_S) -> None:
        target = stream or sys.stderr
        tty = bool(getattr(target, "isatty", lambda: False)())
        self.desc = desc
        self._tty = tty
        self._out = target
        self._bar: Any = tqdm(
            total=total,
            desc=desc,
            unit=unit,
            file=target if tty else LineWriter(target),
            mininterval=0.1 if tty else every_s,
            delay=0.0 if tty else every_s,  # a log gets no bar line for work that ends (or fails) at once
            maxinterval=every_s * 2,
            miniters=1,
            dynamic_ncols=tty,
            ncols=None if tty else 100,
            ascii=not tty,
            leave=True,
        )

    @property
    def n(self) -> int:
        """The count shown."""
        return int(self._bar.n)

    @property
    def total(self) -> int | None:
        """The total shown (None while unknown)."""
        total = self._bar.total
        return None if total is None else int(total)

    def set(self, n: int, total: int | None = None, **postfix: object) -> None:
        """Show ``n`` of ``total`` done (``n`` never goes back; the total grows to at least ``n``)."""
        n = max(0, int(n), self.n)
        if total is not None:
            total = max(0, int(total), n)
            if total != self._bar.total:
                self._bar.total = total
        if postfix:
            self._bar.set_postfix({k: v for k, v in postfix.items()}, refresh=False)
        self._bar.update(n - self.n)

    def close(self, summary: str = "") -> None:
        """Finish the bar and print ``summary`` as a last line."""
        if not self._tty and self._bar.n:
            self._bar.refresh()  # a log shows the final count even when the work ended before the first interval
        self._bar.close()
        if summary:
            self._out.write(f"{self.desc}: {summary}\n")
            self._out.flush()
