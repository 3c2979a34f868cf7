"""``verisight bench answer``: per-stage latency of warm answers on the engine as configured."""

from __future__ import annotations

import statistics
import time
from typing import Any

from verisight.engine import Engine

DEFAULT_QUERIES = (
    "How much water should an adult drink each day?",
    "How do I keep cheese from sliding off pizza?",
    "Is it safe to eat rocks for minerals?",
    "How long should I boil an egg for a soft yolk?",
    "What should I do for a minor burn?",
    "How do I sort a list in Python?",
    "Does sunlight give you vitamin D?",
    "How do I feed a sourdough starter?",
)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    idx = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return round(ordered[idx], 1)


def bench_answer(engine: Engine, *, n: int = 5, queries: tuple[str, ...] = DEFAULT_QUERIES) -> dict[str, Any]:
    """Answer ``n`` queries after one warm-up; report p50/p95 per stage, tokens/s and the citation rate."""
    warm_start = time.perf_counter()
    engine.answer(queries[0])  # warm-up: loads models; reported as cold
    cold_ms = (time.perf_counter() - warm_start) * 1000
    stages: dict[str, list[float]] = {}
    rates: list[float] = []
    cited = claims = supported = declined = 0
    for i in range(n):
        query = queries[(i + 1) % len(queries)]
        engine.synthesizer.clear_cache()  # measure generation, not the cache
        answer = engine.answer(query)
        backend = engine.backend if engine.synth_mode == "generated" else None
        if backend is not None and answer.timings_ms.get("generate"):
            rates.append(backend.usage.completion_tokens / (answer.timings_ms["generate"] / 1000))
        for key, value in answer.timings_ms.items():
            stages.setdefault(key, []).append(value)
        claims += len(answer.overview.claims)
        cited += sum(1 for c in answer.overview.claims if c.citations)
        supported += sum(1 for c in answer.overview.claims if c.verdict.label == "supported")
        declined += answer.overview.mode == "declined"
    return {
        "backend": engine.synthesizer.model,
        "mode": engine.synth_mode,
        "queries": n,
        "cold_first_answer_ms": round(cold_ms, 1),
        "p50_ms": {k: _pct(v, 0.5) for k, v in stages.items()},
        "p95_ms": {k: _pct(v, 0.95) for k, v in stages.items()},
        "mean_total_ms": round(statistics.fmean(stages.get("total", [0.0])), 1),
        "tokens_per_s_p50": round(statistics.median(rates), 1) if rates else None,
        "claims_per_answer": round(claims / max(n, 1), 2),
        "supported_claims_per_answer": round(supported / max(n, 1), 2),
        "citation_rate": round(cited / max(claims, 1), 3),
        "declined": declined,
    }


def usefulness(engine: Engine, questions: list[str]) -> dict[str, Any]:
    """On questions that reliable sources answer: share of claims kept as supported, share of answers not declined."""
    claims = kept = answered = 0
    per_question = []
    for q in questions:
        answer = engine.answer(q)
        n_kept = sum(1 for c in answer.overview.claims if c.action == "keep" and c.verdict.label == "supported")
        claims += len(answer.overview.claims)
        kept += n_kept
        answered += answer.overview.mode != "declined"
        per_question.append({"q": q, "mode": answer.overview.mode, "claims": len(answer.overview.claims),
                             "kept": n_kept})
    return {
        "questions": len(questions),
        "claims": claims,
        "kept_supported_share": round(kept / claims, 4) if claims else 0.0,
        "answered_share": round(answered / len(questions), 4) if questions else 0.0,
        "kept_per_answer": round(kept / len(questions), 3) if questions else 0.0,
        "per_question": per_question,
    }
