"""Per-host politeness for the crawler: in-flight slots, the delay between request starts, crawl-delay, Retry-After."""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Mapping
from dataclasses import dataclass

LOOPBACK_DELAY = 0.25
REMOTE_DELAY = 1.0
MAX_CRAWL_DELAY = 60.0


@dataclass(slots=True)
class _Host:
    """Politeness state of one host."""

    delay: float
    in_flight: int = 0
    next_start: float = 0.0
    # robots.txt crawl-delay: one request at a time, the delay counted from the end of the previous one
    sequential: bool = False


def is_loopback_host(host: str, resolve: Mapping[str, tuple[str, int | None]]) -> bool:
    """True when ``host`` is served from this machine (loopback, localhost, or resolved to loopback)."""
    target = resolve.get(host, (host, None))[0]
    if target.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(target.strip("[]")).is_loopback
    except ValueError:
        return False


class Politeness:
    """The politeness state of every host one crawl has touched."""

    def __init__(
        self,
        *,
        per_host: int = 2,
        delay: float | None = None,
        resolve: Mapping[str, tuple[str, int | None]] | None = None,
    ) -> None:
        """``delay`` None means robots crawl-delay, else 0.25 s on loopback and 1 s elsewhere."""
        self.per_host = max(1, per_host)
        self.delay = delay
        self.resolve = dict(resolve or {})
        self._hosts: dict[str, _Host] = {}

    def _host(self, host: str) -> _Host:
        """The politeness state of ``host``, created with the default delay."""
        state = self._hosts.get(host)
        if state is None:
            if self.delay is not None:
                delay = self.delay
            else:
                delay = LOOPBACK_DELAY if is_loopback_host(host, self.resolve) else REMOTE_DELAY
            state = self._hosts[host] = _Host(delay=delay)
        return state

    def _limit(self, state: _Host) -> int:
        """Requests allowed in flight on a host: one under a robots crawl-delay, else ``per_host``."""
        return 1 if state.sequential else self.per_host

    def full(self, host: str) -> bool:
        """Whether ``host`` already has as many requests in flight as it allows."""
        state = self._hosts.get(host)
        return state is not None and state.in_flight >= self._limit(state)

    def full_hosts(self) -> set[str]:
        """Every host that has as many requests in flight as it allows."""
        return {host for host, state in self._hosts.items() if state.in_flight >= self._limit(state)}

    def reserve(self, host: str) -> None:
        """Take one of ``host``'s in-flight slots."""
        self._host(host).in_flight += 1

    async def wait_turn(self, host: str) -> None:
        """Sleep until ``host``'s delay since its previous request start has passed, then claim the start.

        The start is claimed when the request really begins, so a task woken late by a busy event loop
        cannot bring two requests closer together than the delay.
        """
        state = self._host(host)
        while True:
            now = time.monotonic()
            if now >= state.next_start:
                state.next_start = now + state.delay
                return
            await asyncio.sleep(state.next_start - now)

    def release(self, host: str) -> None:
        """Give back a request slot on ``host`` (a crawl-delay host's next start counts from now)."""
        state = self._hosts[host]
        state.in_flight -= 1
        if state.sequential:
            state.next_start = max(state.next_start, time.monotonic() + state.delay)

    def crawl_delay(self, host: str, seconds: float) -> None:
        """Apply a robots.txt crawl-delay: it replaces the default delay and is a floor under an explicit one."""
        state = self._host(host)
        robots_delay = min(seconds, MAX_CRAWL_DELAY)
        state.delay = robots_delay if self.delay is None else max(self.delay, robots_delay)
        state.sequential = True
        state.next_start = max(state.next_start, time.monotonic() + state.delay)

    def pause(self, host: str, seconds: float) -> None:
        """Start nothing on ``host`` for ``seconds`` (a Retry-After speaks for the whole host, not one URL)."""
        state = self._host(host)
        state.next_start = max(state.next_start, time.monotonic() + seconds)
