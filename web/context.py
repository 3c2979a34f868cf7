"""Where the blueprints find the Engine and the app's shared objects (kept in ``app.extensions``)."""

from __future__ import annotations

from flask import Flask, current_app

from verisight.engine import Engine
from verisight.reviewers import ReviewerStore
from web.limits import TokenBucketLimiter
from web.metrics import Metrics

ENGINE = "verisight.engine"
METRICS = "verisight.metrics"
REVIEWERS = "verisight.reviewers"
LIMITER = "verisight.limiter"


def engine_of(app: Flask | None = None) -> Engine:
    """The Engine this app serves."""
    engine: Engine = (app or current_app).extensions[ENGINE]
    return engine


def metrics_of(app: Flask | None = None) -> Metrics:
    """The app's metrics registry."""
    metrics: Metrics = (app or current_app).extensions[METRICS]
    return metrics


def reviewers_of(app: Flask | None = None) -> ReviewerStore:
    """The reviewer accounts store."""
    store: ReviewerStore = (app or current_app).extensions[REVIEWERS]
    return store


def limiter_of(app: Flask | None = None) -> TokenBucketLimiter:
    """The per-client rate limiter."""
    limiter: TokenBucketLimiter = (app or current_app).extensions[LIMITER]
    return limiter
