"""robots.txt: fetched once per origin, cached, parsed with protego."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from crawler.fetch import Fetcher

ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True, slots=True)
class RobotsPolicy:
    """What one origin's robots.txt says: a parser (None means no rules), or disallow-all with a reason."""

    parser: Protego | None
    disallow_all_reason: str | None = None
    unreachable: bool = False  # robots.txt got no HTTP answer: the reason is a failure, not a decision

    def allowed(self, url: str, user_agent: str) -> bool:
        """True when ``user_agent`` may fetch ``url``."""
        if self.disallow_all_reason:
            return False
        return self.parser is None or bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        """The crawl-delay for ``user_agent`` in seconds, or None when none is given."""
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


def origin(url: str) -> str:
    """``scheme://host[:port]`` of ``url``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RobotsCache:
    """Fetches each origin's robots.txt once (concurrent callers wait for the same fetch) and caches it."""

    def __init__(self, fetcher: Fetcher, user_agent: str) -> None:
        """Use ``fetcher`` (give it a small byte cap, e.g. ``ROBOTS_MAX_BYTES``) for robots.txt requests."""
        self.fetcher = fetcher
        self.user_agent = user_agent
        self._policies: dict[str, RobotsPolicy] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def cached(self, url: str) -> RobotsPolicy | None:
        """The cached policy for ``url``'s origin, or None when not fetched yet."""
        return self._policies.get(origin(url))

    async def policy(self, url: str) -> RobotsPolicy:
        """The policy for ``url``'s origin, fetching robots.txt the first time."""
        key = origin(url)
        if key in self._policies:
            return self._policies[key]
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            if key not in self._policies:
                self._policies[key] = await self._load(key)
        return self._policies[key]

    async def _load(self, key: str) -> RobotsPolicy:
        """Fetch and parse ``key/robots.txt``: 4xx allows all, 5xx or no answer disallows all."""
        result = await self.fetcher.fetch(f"{key}/robots.txt", html_only=False)
        if result.ok:
            text = result.body.decode("utf-8", errors="replace")
            try:
                return RobotsPolicy(Protego.parse(text))
            except Exception as exc:  # a hostile robots.txt must not stop the crawl
                return RobotsPolicy(None, disallow_all_reason=f"robots_unparseable:{type(exc).__name__}")
        if result.status is not None and 400 <= result.status < 500 and result.status != 429:
            return RobotsPolicy(None)
        if result.status is None:
            # No HTTP answer at all: the host itself is unreachable, and its pages fail with the same reason.
            return RobotsPolicy(None, disallow_all_reason=result.reason or "connect_error", unreachable=True)
        # RFC 9309: an unreachable robots.txt (5xx, 429) means "assume complete disallow".
        return RobotsPolicy(None, disallow_all_reason=f"robots_unavailable:{result.reason}")
