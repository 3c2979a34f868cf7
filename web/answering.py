"""Start an answer stream eagerly, so a full model queue (Busy) surfaces before any response is sent."""

from __future__ import annotations

from collections.abc import Generator

from verisight.engine import Engine, EngineEvent


def answer_events(engine: Engine, query: str, k: int | None) -> Generator[EngineEvent, None, None]:
    """``engine.answer_stream(query, k, block=False)`` with its first event already produced.

    Validation errors, ``NotIndexed`` and ``Busy`` are raised here, by the call, not later mid-stream.
    """
    events = engine.answer_stream(query, k, block=False)
    try:
        first = next(events)
    except StopIteration:
        return _empty()
    return _chain(first, events)


def _chain(first: EngineEvent, rest: Generator[EngineEvent, None, None]) -> Generator[EngineEvent, None, None]:
    yield first
    yield from rest


def _empty() -> Generator[EngineEvent, None, None]:
    yield from ()
