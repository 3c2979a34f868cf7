"""The production code paths (vLLM's protocol) exercised for real against the embedded model's server."""

from __future__ import annotations

from pathlib import Path

from synth.server import EmbeddedServer
from tests.conftest import make_settings
from verifier.judges import MiniCheckJudge
from verisight.engine import Engine


def test_minicheck_judge_scores_through_the_openai_protocol(llm_server: EmbeddedServer) -> None:
    judge = MiniCheckJudge(llm_server.base_url, llm_server.model_name, timeout=120)
    pairs = [
        ("Water boils at 100 degrees Celsius at sea level.", "At sea level, water boils at 100 degrees Celsius."),
        ("The moon is made of cheese.", "Sourdough starters need regular feeding with flour and water."),
    ]
    scores = judge.score(pairs)
    assert len(scores) == 2
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_engine_answers_through_an_openai_compatible_server(llm_server: EmbeddedServer, demo_data: Path) -> None:
    settings = make_settings(
        demo_data, llm_backend="openai", llm_base_url=llm_server.base_url, llm_model=llm_server.model_name,
        max_tokens=80,
    )
    engine = Engine(settings)
    assert engine.synth_mode == "generated"
    answer = engine.answer("How long should you cool a burn under running water?")
    assert answer.models["llm"] == llm_server.model_name
    assert answer.overview.claims
    source_ids = {s.id for s in answer.sources}
    assert all(set(c.citations) <= source_ids for c in answer.overview.claims)
    engine.close()
