"""CLI commands that need no model: help, version, doctor, reviewer, answers prune, audit export."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import make_settings
from verisight.answers import AnswerStore
from verisight.reviewers import ReviewerStore


def run(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``verisight ARGS`` in a subprocess with its own data directory."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from verisight.cli import main; sys.exit(main())", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={"VERISIGHT_HOME": str(home), "HOME": str(home), "PATH": "/usr/bin:/bin"},
    )


def test_version_and_help(tmp_path: Path) -> None:
    assert run("--version", home=tmp_path).stdout.startswith("verisight ")
    helptext = run("--help", home=tmp_path).stdout
    for name in ("crawl", "import-warc", "index", "forget", "search", "ask", "serve", "demo", "doctor", "status",
                 "reviewer", "llm", "eval", "bench", "audit", "answers"):
        assert name in helptext


def test_doctor_checks_everything_and_passes_on_a_full_install(tmp_path: Path) -> None:
    result = run("doctor", home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "embedded LLM model file" in result.stdout and "FAIL" not in result.stdout


def test_reviewer_add_prints_a_token_once_that_authenticates(tmp_path: Path) -> None:
    result = run("reviewer", "add", "alice", home=tmp_path)
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip()
    store = ReviewerStore(make_settings(tmp_path).path("answers.db"))
    assert store.by_token(token) == "alice"
    assert store.by_token(token + "x") is None
    assert run("reviewer", "add", "bad name!", home=tmp_path).returncode == 1


def test_answers_prune_and_audit_export_run_on_an_empty_log(tmp_path: Path) -> None:
    AnswerStore(make_settings(tmp_path).path("answers.db")).close()
    pruned = run("answers", "prune", "--older-than", "0", home=tmp_path)
    assert pruned.returncode == 0 and "removed 0" in pruned.stderr
    exported = run("audit", "export", home=tmp_path)
    assert exported.returncode == 0 and exported.stdout == ""


def test_llm_serve_says_what_is_missing_without_a_gpu(tmp_path: Path) -> None:
    result = run("llm", "serve", home=tmp_path)
    assert result.returncode == 1
    assert "cannot start vLLM" in result.stderr and "Traceback" not in result.stderr


def test_audit_export_writes_decisions_in_eval_jsonl(tmp_path: Path) -> None:
    store = AnswerStore(make_settings(tmp_path).path("answers.db"))
    store.decide("water boils at 100 c", "example.org", "Water boils at 100 C.", "dismiss", "alice", "fine")
    store.close()
    rows = [json.loads(line) for line in run("audit", "export", home=tmp_path).stdout.splitlines()]
    assert rows == [rows[0]] and rows[0]["label"] == "supported" and rows[0]["claim"] == "Water boils at 100 C."


def test_crawl_failures_are_one_json_line_each(tmp_path: Path) -> None:
    result = run("crawl", "http://127.0.0.1:9/", "http://169.254.169.254/latest", "--log-failures", home=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    events = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    reasons = {e["url"]: e["reason"] for e in events if e["event"] == "crawl_failure"}
    assert reasons["http://169.254.169.254/latest"] == "metadata_address"
    assert reasons["http://127.0.0.1:9/"]
