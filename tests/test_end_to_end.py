"""End to end on the demo corpus with the real crawler, index, embedded model and judge."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers import make_settings, run_cli
from verisight.demo.server import load_manifest
from verisight.engine import Engine
from verisight.errors import BadQuery, NotIndexed

MANIFEST = load_manifest()


def _cli(*args: str, data: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, home=data, timeout=timeout)


def test_answer_has_claims_verdicts_and_valid_citations(demo_engine: Engine) -> None:
    answer = demo_engine.answer(MANIFEST["check_query"])
    assert answer.overview.mode in ("generated", "extractive")
    assert answer.overview.claims and answer.overview.text
    source_ids = {s.id for s in answer.sources}
    for claim in answer.overview.claims:
        assert set(claim.citations) <= source_ids
        assert claim.verdict.label in ("supported", "unsupported", "contradicted", "satire", "unreliable_source")
        assert claim.action in ("keep", "hedge", "drop")
    assert any(c.verdict.label == "supported" for c in answer.overview.claims), "reliable pages answer this"
    for source in answer.sources:
        assert source.credibility.label in ("reliable", "unknown", "user_generated", "unreliable", "satire")
    assert set(answer.timings_ms) == {"retrieve", "first_token", "generate", "verify", "total"}
    assert demo_engine.answers.get(answer.answer_id) is not None


def test_stream_orders_sources_tokens_claims_then_done(demo_engine: Engine) -> None:
    kinds = [e.kind for e in demo_engine.answer_stream("How much water should an adult drink each day?")]
    assert kinds[0] == "sources" and kinds[-1] == "done"
    assert "claim" in kinds and "token" in kinds


def test_bad_queries_are_refused_clearly(demo_engine: Engine) -> None:
    with pytest.raises(BadQuery, match="empty"):
        demo_engine.answer("   ")
    with pytest.raises(BadQuery) as info:
        demo_engine.answer("x" * 10_000)
    assert info.value.code == "query_too_long"


def test_query_before_anything_is_indexed(tmp_path: Path) -> None:
    engine = Engine(make_settings(tmp_path, synth_mode="extractive"))
    with pytest.raises(NotIndexed):
        engine.answer("How long should I boil an egg?")


def test_cli_ask_json_prints_only_json(demo_data: Path) -> None:
    result = _cli("ask", "How long should you cool a burn?", "--json", "--extractive", data=demo_data)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) >= {"query", "answer_id", "overview", "sources", "timings_ms", "models"}
    assert answer["overview"]["claims"]


def test_cli_status_json(demo_data: Path) -> None:
    result = _cli("status", "--json", data=demo_data)
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["documents"] >= 40 and status["passages"] > status["documents"] // 2
    assert {"answers", "flagged_claims"} <= set(status)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ask", "   "), "empty"),
        (("crawl", "http://127.0.0.1:9/"), ""),
        (("search", "anything"), "indexed"),
    ],
)
def test_cli_errors_are_one_line_without_traceback(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = _cli(*args, data=tmp_path, timeout=120)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    last = [line for line in result.stderr.splitlines() if line.strip()][-1]
    assert last.startswith("verisight ") and message in last
