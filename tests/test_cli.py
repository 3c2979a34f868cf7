"""CLI commands: help, version, doctor, reviewer accounts, answers prune, audit export, the data directory."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from pathlib import Path

from tests.helpers import make_settings
from verisight.answers import AnswerStore
from verisight.cli.main import build_parser
from verisight.reviewers import ReviewerStore

COMMANDS = {"crawl", "import-warc", "index", "forget", "search", "ask", "serve", "demo", "doctor", "status",
            "reviewer", "llm", "eval", "bench", "audit", "answers"}


def run(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``verisight ARGS`` in a subprocess with ``home`` as VERISIGHT_HOME (created only if a command does)."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from verisight.cli import main; sys.exit(main())", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={"VERISIGHT_HOME": str(home), "HOME": str(home.parent), "PATH": "/usr/bin:/bin"},
    )


def test_version_and_help(tmp_path: Path) -> None:
    assert run("--version", home=tmp_path).stdout.startswith("verisight ")
    parser = build_parser()
    [sub] = [a for a in parser._actions if a.dest == "command"]
    assert set(sub.choices) == COMMANDS  # type: ignore[arg-type]
    helptext = run("--help", home=tmp_path).stdout
    listed = {line.split()[0] for line in helptext.splitlines() if line.startswith("    ") and line.split()}
    assert listed >= COMMANDS


def test_read_commands_never_create_a_data_directory(tmp_path: Path) -> None:
    typo = tmp_path / "verisigth"
    for args in (["status"], ["ask", "how long to cool a burn"], ["search", "burn"], ["index"],
                 ["reviewer", "list"], ["audit", "export"], ["forget", "example.org"]):
        result = run(*args, home=typo)
        assert result.returncode == 1, (args, result.stderr)
        assert f"no data directory at {typo}" in result.stderr or "no reviewer accounts" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert not typo.exists(), f"`verisight {' '.join(args)}` created {typo}"
    doctor = run("doctor", home=typo)
    assert doctor.returncode == 1 and "[FAIL] data directory and stores" in doctor.stdout
    assert "verisight demo" in doctor.stdout and not typo.exists()
    assert "everything is in place" not in doctor.stdout


def test_doctor_says_an_empty_data_directory_holds_nothing(tmp_path: Path) -> None:
    AnswerStore(make_settings(tmp_path).answers_db).close()
    result = run("doctor", home=tmp_path)
    assert result.returncode == 1
    assert "holds no documents yet" in result.stdout
    status = run("status", home=tmp_path)
    assert status.returncode == 0 and "documents: 0" in status.stdout and "frontier: none" in status.stdout
    assert [line for line in result.stdout.splitlines() if line.startswith("[FAIL]")] == [
        line for line in result.stdout.splitlines() if line.startswith("[FAIL] data directory")
    ], result.stdout


def test_reviewer_accounts_add_list_rotate_remove(tmp_path: Path) -> None:
    home = tmp_path / "data"
    result = run("reviewer", "add", "alice", home=home)
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip()
    assert f"added to {home}" in result.stderr and "sign in at /audit with this token" in result.stderr
    store = ReviewerStore(make_settings(home).answers_db)
    assert store.by_token(token) == "alice"
    assert store.by_token(token + "x") is None

    again = run("reviewer", "add", "alice", home=home)
    assert again.returncode == 1 and again.stdout == ""
    assert "already exists" in again.stderr and "rotate" in again.stderr
    assert store.by_token(token) == "alice", "a refused second add must not replace the token"

    rotated = run("reviewer", "add", "alice", "--rotate", home=home)
    assert rotated.returncode == 0 and "new token" in rotated.stderr
    new = rotated.stdout.strip()
    assert store.by_token(token) is None and store.by_token(new) == "alice"
    newer = run("reviewer", "rotate", "alice", home=home).stdout.strip()
    assert store.by_token(new) is None and store.by_token(newer) == "alice"

    assert run("reviewer", "add", "bob", "--password", "a long password", home=home).returncode == 0
    listed = run("reviewer", "list", home=home)
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == ["alice", "bob"]
    assert listed.stdout.splitlines()[1].endswith("password and token")
    as_json = json.loads(run("reviewer", "list", "--json", home=home).stdout)
    assert [a["name"] for a in as_json] == ["alice", "bob"] and as_json[1]["password"] is True

    elsewhere = tmp_path / "elsewhere"
    assert run("reviewer", "add", "carol", "--data", str(elsewhere), home=home).returncode == 0
    assert run("reviewer", "--data", str(elsewhere), "list", home=home).stdout.startswith("carol")
    assert "carol" not in run("reviewer", "list", home=home).stdout

    assert run("reviewer", "remove", "alice", home=home).returncode == 0
    assert store.by_token(newer) is None
    missing = run("reviewer", "remove", "alice", home=home)
    assert missing.returncode == 1 and "no reviewer is called alice" in missing.stderr
    assert run("reviewer", "rotate", "nobody", home=home).returncode == 1
    assert run("reviewer", "add", "bad name!", home=home).returncode == 1
    store.close()


def test_answers_prune_and_audit_export_run_on_an_empty_log(tmp_path: Path) -> None:
    AnswerStore(make_settings(tmp_path).answers_db).close()
    pruned = run("answers", "prune", "--older-than", "0", home=tmp_path)
    assert pruned.returncode == 0 and "removed 0" in pruned.stderr
    exported = run("audit", "export", home=tmp_path)
    assert exported.returncode == 0 and exported.stdout == ""


def test_llm_serve_says_what_is_missing_without_a_gpu(tmp_path: Path) -> None:
    result = run("llm", "serve", home=tmp_path)
    assert result.returncode == 1
    assert "cannot start vLLM" in result.stderr and "Traceback" not in result.stderr


def test_audit_export_writes_decisions_in_eval_jsonl(tmp_path: Path) -> None:
    store = AnswerStore(make_settings(tmp_path).answers_db)
    store.decide("water boils at 100 c", "example.org", "Water boils at 100 C.", "dismiss", "alice", "fine")
    store.decide("the moon is cheese", "example.org", "The moon is cheese.", "confirm", "alice")
    store.decide("the moon is cheese", "example.org", "The moon is cheese.", "automatic", "alice", "undo")
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


def test_demo_refuses_a_taken_port_before_crawling(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run("demo", "--port", str(port), home=tmp_path / "data")
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "--port" in result.stderr
    assert "open http" not in result.stderr and "crawl" not in result.stderr, result.stderr


def test_make_demo_data_answers_ask_and_status_from_the_default_data_directory(tmp_path: Path) -> None:
    """`make demo` (= `verisight demo`) fills the default data directory that `ask`, `status` and `reviewer` use."""
    home = tmp_path / "home"
    demo = run("demo", "--check", home=home, timeout=900)
    assert demo.returncode == 0, demo.stderr
    assert f"data directory {home}" in demo.stderr
    assert "crawl:" in demo.stderr and "index:" in demo.stderr
    assert not re.search(r"queued=-|-\d+ queued", demo.stderr)

    status = run("status", "--json", home=home)
    assert status.returncode == 0, status.stderr
    figures = json.loads(status.stdout)
    assert figures["documents"] >= 30 and figures["passages"] >= figures["documents"]
    assert figures["data_dir"] == str(home)
    text = run("status", home=home).stdout
    assert "{" not in text and "'" not in text, f"status printed a Python dict:\n{text}"
    assert re.search(r"^frontier states: queued \d+, in_flight \d+, done \d+", text, re.M), text

    ask = run("ask", "How long should I cool a burn?", "--json", home=home, timeout=300)
    assert ask.returncode == 0, ask.stderr
    answer = json.loads(ask.stdout)
    assert answer["overview"]["mode"] != "declined" and answer["sources"]
    assert any("cityhospital" in s["site"] or "burn" in s["title"].lower() for s in answer["sources"])
    kept = [c for c in answer["overview"]["claims"] if c["action"] == "keep"]
    assert kept and any("minute" in c["text"].lower() for c in kept), answer["overview"]["text"]
