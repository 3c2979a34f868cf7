"""A small thread-safe Prometheus registry: labelled counters and histograms rendered as text format 0.0.4.

Label values come only from bounded sets (route rules, statuses, stage names, verdict labels), never from user
input, so the number of series stays small.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

LATENCY_BUCKETS_S = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

LabelKey = tuple[tuple[str, str], ...]


def _key(labels: Mapping[str, str]) -> LabelKey:
    return tuple(sorted((k, str(v)) for k, v in labels.items()))


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(key: Iterable[tuple[str, str]]) -> str:
    parts = [f'{k}="{_escape(v)}"' for k, v in key]
    return "{" + ",".join(parts) + "}" if parts else ""


def _num(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


class Counter:
    """A monotonically increasing count per label set."""

    def __init__(self, name: str, help_text: str) -> None:
        self.name = name
        self.help = help_text
        self._values: dict[LabelKey, float] = {}
        self._lock = threading.Lock()

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        """Add ``amount`` to the series with ``labels``."""
        key = _key(labels)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        """The current value of one series (0 when never incremented)."""
        with self._lock:
            return self._values.get(_key(labels), 0.0)

    def render(self) -> list[str]:
        """The text-format lines of this metric."""
        lines = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} counter"]
        with self._lock:
            items = sorted(self._values.items())
        lines += [f"{self.name}{_labels(k)} {_num(v)}" for k, v in items]
        return lines


class Histogram:
    """Observations counted into cumulative buckets per label set."""

    def __init__(self, name: str, help_text: str, buckets: Sequence[float] = LATENCY_BUCKETS_S) -> None:
        self.name = name
        self.help = help_text
        self.buckets = tuple(sorted(buckets))
        self._series: dict[LabelKey, list[float]] = {}  # bucket counts..., +Inf count, sum
        self._lock = threading.Lock()

    def observe(self, value: float, **labels: str) -> None:
        """Record one observation."""
        key = _key(labels)
        with self._lock:
            series = self._series.setdefault(key, [0.0] * (len(self.buckets) + 2))
            series[bisect.bisect_left(self.buckets, value)] += 1
            series[-1] += value

    def count(self, **labels: str) -> int:
        """How many observations one series has."""
        with self._lock:
            series = self._series.get(_key(labels))
            return int(sum(series[:-1])) if series else 0

    def render(self) -> list[str]:
        """The text-format lines of this metric."""
        lines = [f"# HELP {self.name} {self.help}", f"# TYPE {self.name} histogram"]
        with self._lock:
            items = sorted((k, list(v)) for k, v in self._series.items())
        for key, series in items:
            running = 0.0
            for bound, n in zip((*self.buckets, float("inf")), series[:-1], strict=True):
                running += n
                le = "+Inf" if bound == float("inf") else _num(bound)
                lines.append(f"{self.name}_bucket{_labels((*key, ('le', le)))} {_num(running)}")
            lines.append(f"{self.name}_sum{_labels(key)} {_num(series[-1])}")
            lines.append(f"{self.name}_count{_labels(key)} {_num(running)}")
        return lines


class Metrics:
    """The metrics one app exposes at ``/metrics``."""

    def __init__(self) -> None:
        self.requests = Counter("verisight_http_requests_total", "HTTP requests by route, method and status.")
        self.request_seconds = Histogram("verisight_http_request_seconds", "HTTP request latency by route.")
        self.stage_seconds = Histogram(
            "verisight_answer_stage_seconds",
            "Answer latency per stage (retrieve, first_token, generate, verify, total).",
        )
        self.answers = Counter("verisight_answers_total", "Answers produced, by overview mode.")
        self.verdicts = Counter("verisight_claim_verdicts_total", "Verified claims by verdict label and action.")
        self.clicks = Counter(
            "verisight_citation_clicks_total", "Citation click-throughs to sources, by source credibility label."
        )
        self.rate_limited = Counter("verisight_rate_limited_total", "Requests refused with 429.")
        self.busy = Counter("verisight_busy_total", "Requests refused with 503 busy because the model queue was full.")

    def all(self) -> list[Counter | Histogram]:
        """Every metric, in the order rendered."""
        return [
            self.requests,
            self.request_seconds,
            self.stage_seconds,
            self.answers,
            self.verdicts,
            self.clicks,
            self.rate_limited,
            self.busy,
        ]

    def record_answer(self, answer: Mapping[str, Any]) -> None:
        """Count one finished answer (its JSON form): mode, verdicts and per-stage latency."""
        overview = answer.get("overview") or {}
        self.answers.inc(mode=str(overview.get("mode", "unknown")))
        for claim in overview.get("claims") or ():
            verdict = claim.get("verdict") or {}
            self.verdicts.inc(label=str(verdict.get("label", "unknown")), action=str(claim.get("action", "unknown")))
        for stage, ms in (answer.get("timings_ms") or {}).items():
            if isinstance(ms, int | float):
                self.stage_seconds.observe(float(ms) / 1000.0, stage=str(stage))

    def render(self) -> str:
        """The whole registry in Prometheus text format."""
        lines: list[str] = []
        for metric in self.all():
            lines += metric.render()
        return "\n".join(lines) + "\n"
