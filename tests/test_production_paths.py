"""The production code paths (vLLM's protocol) exercised for real against the embedded model's server."""

from __future__ import annotations

import shutil
from pathlib import Path

from synth.overview import NO_ANSWER
from synth.server import EmbeddedServer
from tests.helpers import make_settings
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


def test_engine_answers_through_an_openai_compatible_server(
    llm_server: EmbeddedServer, demo_data: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"  # a private copy: answers other tests stored in the shared demo data must not matter
    shutil.copytree(demo_data, data)
    settings = make_settings(
        data, llm_backend="openai", llm_base_url=llm_server.base_url, llm_model=llm_server.model_name,
        max_tokens=80, llm_timeout_s=600,  # explicit: on a busy machine the 60 s default timed out and fell back
    )
    engine = Engine(settings)
    assert engine.synth_mode == "generated"
    answer = engine.answer("How long should you cool a burn under running water?")
    if answer.models["llm"] != llm_server.model_name:
        # The 135M model's draft sometimes has no on-topic sentence (its output varies with what it ran before);
        # the engine then quotes the sources, and must say so, naming the model it asked: never a silent switch.
        assert answer.overview.notice == (
            f"The model ({llm_server.model_name}) {NO_ANSWER}; the overview below is quoted from the sources instead."
        ), answer.overview.notice
    else:
        assert answer.overview.notice == "", answer.overview.notice
    assert answer.overview.claims
    source_ids = {s.id for s in answer.sources}
    assert all(set(c.citations) <= source_ids for c in answer.overview.claims)
    engine.close()


def test_eval_verifier_reports_each_judge_named(llm_server: EmbeddedServer, tmp_path: Path) -> None:
    """``verisight eval verifier --judge embedded --judge minicheck``: figures per judge, minicheck over HTTP."""
    import json
    import subprocess
    import sys

    rows = [
        {"claim": "Water boils at 100 degrees Celsius at sea level.",
         "evidence": ["At sea level, water boils at 100 degrees Celsius.", "It freezes at 0 degrees."],
         "label": "supported"},
        {"claim": "The moon is made of cheese.", "evidence": "Sourdough starters need feeding with flour.",
         "label": "not_supported"},
    ]
    data = tmp_path / "claims.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    env = {
        "VERISIGHT_HOME": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
        "VERISIGHT_JUDGE_BASE_URL": llm_server.base_url, "VERISIGHT_JUDGE_MODEL": llm_server.model_name,
    }
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from verisight.cli import main; sys.exit(main())", "eval", "verifier",
         "--file", str(data), "--format", "jsonl", "--judge", "embedded", "--judge", "minicheck", "--json"],
        capture_output=True, text=True, timeout=300, env=env,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {"embedded", "minicheck"}
    for judged in figures.values():
        assert judged["n"] == 2 and 0.0 <= judged["balanced_accuracy"] <= 1.0 and judged["claims_per_s"] > 0
