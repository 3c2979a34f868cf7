"""Per-client rate limiting: an in-memory token bucket per client address.

Defaults: ``rate_limit_per_minute`` from Settings (120), i.e. a bucket of 120 requests refilled at 2 per second,
so a client may burst up to the full minute's allowance and then gets 429 with Retry-After. ``0`` turns it off.
The client is ``request.remote_addr``; behind proxies set ``TRUSTED_PROXIES`` (Settings ``trusted_proxies``) to
the number of proxies in front of the server, and the app trusts exactly that many ``X-Forwarded-For`` hops.
Health, readiness, metrics and static files are not limited; a sign-in attempt costs 10 requests.
State is per process: with several processes each keeps its own buckets.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class TokenBucketLimiter:
    """Token buckets keyed by client, bounded in memory (least recently seen clients are forgotten first)."""

    def __init__(
        self,
        per_minute: int,
        *,
        burst: int | None = None,
        max_clients: int = 50_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_minute = max(0, int(per_minute))
        self.capacity = float(burst if burst is not None else self.per_minute)
        self.rate = self.per_minute / 60.0
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        """Whether any limit applies."""
        return self.per_minute > 0

    def take(self, client: str, cost: float = 1.0) -> float:
        """Take ``cost`` tokens for ``client``; return 0 when allowed, else the seconds to wait before retrying."""
        if not self.enabled:
            return 0.0
        cost = min(cost, self.capacity)  # a costly request must stay possible with a small bucket
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.pop(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= cost:
                tokens -= cost
                wait = 0.0
            else:
                wait = (cost - tokens) / self.rate
            self._buckets[client] = (tokens, now)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
        return wait


def retry_after(wait_s: float) -> str:
    """The Retry-After header value (whole seconds, at least 1) for a wait."""
    return str(max(1, math.ceil(wait_s)))
