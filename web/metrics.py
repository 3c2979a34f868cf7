"""The app's Prometheus metrics, kept by ``prometheus_client`` in a registry of the app's own.

Label values come only from bounded sets (route rules, statuses, stage names, verdict labels), never from user
input, so the number of series stays small.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import prometheus_client
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

LATENCY_BUCKETS_S = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
# The text format /metrics serves (what generate_latest writes).
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

prometheus_client.disable_created_metrics()  # no *_created series: one sample per series is enough here


class Metrics:
    """The metrics one app exposes at ``/metrics``, in a registry of its own (so apps and tests do not share)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        reg = self.registry
        self.requests = Counter(
            "verisight_http_requests", "HTTP requests by route, method and status.", ("route", "method", "status"),
            registry=reg,
        )
        self.request_seconds = Histogram(
            "verisight_http_request_seconds", "HTTP request latency by route.", ("route",),
            buckets=LATENCY_BUCKETS_S, registry=reg,
        )
        self.stage_seconds = Histogram(
            "verisight_answer_stage_seconds",
            "Answer latency per stage (retrieve, first_token, generate, verify, total).",
            ("stage",),
            buckets=LATENCY_BUCKETS_S,
            registry=reg,
        )
        self.answers = Counter("verisight_answers", "Answers produced, by overview mode.", ("mode",), registry=reg)
        self.verdicts = Counter(
            "verisight_claim_verdicts", "Verified claims by verdict label and action.", ("label", "action"),
            registry=reg,
        )
        self.clicks = Counter(
            "verisight_citation_clicks", "Citation click-throughs to sources, by source credibility label.",
            ("credibility",), registry=reg,
        )
        self.rate_limited = Counter("verisight_rate_limited", "Requests refused with 429.", registry=reg)
        self.busy = Counter(
            "verisight_busy", "Requests refused with 503 busy because the model queue was full.", registry=reg
        )

    def record_answer(self, answer: Mapping[str, Any]) -> None:
        """Count one finished answer (its JSON form): mode, verdicts and per-stage latency."""
        overview = answer.get("overview") or {}
        self.answers.labels(mode=str(overview.get("mode", "unknown"))).inc()
        for claim in overview.get("claims") or ():
            verdict = claim.get("verdict") or {}
            self.verdicts.labels(
                label=str(verdict.get("label", "unknown")), action=str(claim.get("action", "unknown"))
            ).inc()
        for stage, ms in (answer.get("timings_ms") or {}).items():
            if isinstance(ms, int | float):
                self.stage_seconds.labels(stage=str(stage)).observe(float(ms) / 1000.0)

    def render(self) -> str:
        """The whole registry in Prometheus text format."""
        return generate_latest(self.registry).decode("utf-8")
