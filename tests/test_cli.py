"""CLI commands that need no model: help, version, doctor, reviewer, answers prune, audit export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import make_settings, run_cli
from verisight.answers import AnswerStore
from verisight.cli import main
from verisight.reviewers import ReviewerStore


def test_version_and_help(tmp_path: Path) -> None:
    assert run_cli("--version", home=tmp_path).stdout.startswith("verisight ")
    assert run_cli("--help", home=tmp_path).returncode == 0


def test_the_cli_has_exactly_the_documented_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    """The set of sub-commands argparse accepts, not a substring search of the help text (names recur there)."""
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    message = capsys.readouterr().err
    match = re.search(r"invalid choice: 'no-such-command' \(choose from (.*)\)", message)
    assert match, message
    assert set(re.findall(r"'?([a-z-]+)'?(?:, |$)", match.group(1))) == {
        "crawl", "import-warc", "index", "forget", "search", "ask", "serve", "demo", "doctor", "status",
        "reviewer", "llm", "eval", "bench", "audit", "answers",
    }


def test_doctor_checks_everything_and_passes_on_a_full_install(tmp_path: Path) -> None:
    result = run_cli("doctor", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "embedded LLM model file" in result.stdout and "FAIL" not in result.stdout


def test_reviewer_add_prints_a_token_once_that_authenticates(tmp_path: Path) -> None:
    result = run_cli("reviewer", "add", "alice", home=tmp_path)
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip()
    store = ReviewerStore(make_settings(tmp_path).path("answers.db"))
    assert store.by_token(token) == "alice"
    assert store.by_token(token + "x") is None
    assert run_cli("reviewer", "add", "bad name!", home=tmp_path).returncode == 1


def test_answers_prune_and_audit_export_run_on_an_empty_log(tmp_path: Path) -> None:
    AnswerStore(make_settings(tmp_path).path("answers.db")).close()
    pruned = run_cli("answers", "prune", "--older-than", "0", home=tmp_path)
    assert pruned.returncode == 0 and "removed 0" in pruned.stderr
    exported = run_cli("audit", "export", home=tmp_path)
    assert exported.returncode == 0 and exported.stdout == ""


def test_llm_serve_says_what_is_missing_without_a_gpu(tmp_path: Path) -> None:
    result = run_cli("llm", "serve", home=tmp_path)
    assert result.returncode == 1
    assert "cannot start vLLM" in result.stderr and "Traceback" not in result.stderr


def test_audit_export_writes_decisions_in_eval_jsonl(tmp_path: Path) -> None:
    store = AnswerStore(make_settings(tmp_path).path("answers.db"))
    store.decide("water boils at 100 c", "example.org", "Water boils at 100 C.", "dismiss", "alice", "fine")
    store.close()
    rows = [json.loads(line) for line in run_cli("audit", "export", home=tmp_path).stdout.splitlines()]
    assert rows == [rows[0]] and rows[0]["label"] == "supported" and rows[0]["claim"] == "Water boils at 100 C."


def test_crawl_failures_are_one_json_line_each(tmp_path: Path) -> None:
    result = run_cli("crawl", "http://127.0.0.1:9/", "http://169.254.169.254/latest", "--log-failures", home=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    events = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    reasons = {e["url"]: e["reason"] for e in events if e["event"] == "crawl_failure"}
    assert reasons["http://169.254.169.254/latest"] == "metadata_address"
    assert reasons["http://127.0.0.1:9/"]
