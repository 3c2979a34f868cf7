"""What a crawl reports: progress while it runs, totals at the end, and the verdict on its seeds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from crawler.errors import SeedUnreachable
from crawler.frontier import DONE, FAILED, IN_FLIGHT, QUEUED, SKIPPED, Frontier


@dataclass(frozen=True, slots=True)
class CrawlStats:
    """Progress of a running crawl, handed to the progress callback as pages complete."""

    done: int
    queued: int
    in_flight: int
    failed: int
    skipped: int
    stored: int
    duplicates: int
    elapsed: float
    pages_per_s: float


@dataclass(frozen=True, slots=True)
class CrawlSummary:
    """End-of-run totals for the frontier (a resumed crawl counts earlier runs too)."""

    fetched: int
    stored: int
    duplicates: int
    failed: int
    skipped: int
    by_reason: dict[str, int] = field(default_factory=dict)
    queued: int = 0


def summarize(frontier: Frontier) -> CrawlSummary:
    """The summary of everything the frontier records."""
    counts = frontier.counts()
    reasons = frontier.reasons()
    by_reason = Counter(reasons)
    by_reason.update(frontier.notes())
    return CrawlSummary(
        fetched=frontier.fetched(),
        stored=counts[DONE],
        duplicates=reasons.get("duplicate", 0),
        failed=counts[FAILED],
        skipped=counts[SKIPPED],
        by_reason=dict(sorted(by_reason.items())),
        queued=counts[QUEUED] + counts[IN_FLIGHT],
    )


def check_seeds(frontier: Frontier, seeds: list[str], normalized: list[str], *, stored_this_run: int) -> None:
    """Raise SeedUnreachable when every seed ended failed or skipped and nothing was stored."""
    if stored_this_run or not seeds:
        return
    outcomes = []
    for url in normalized or seeds:
        state = frontier.state(url)
        if state is None or state[0] not in (FAILED, SKIPPED):
            return
        outcomes.append((url, state[1]))
    if not normalized:
        outcomes = [(s, (frontier.state(s) or ("", "invalid_url"))[1]) for s in seeds]
    first_url, first_reason = outcomes[0]
    more = f" (and {len(outcomes) - 1} more)" if len(outcomes) > 1 else ""
    raise SeedUnreachable(f"no seed could be crawled: {first_url}: {first_reason}{more}")
