"""Shared fixtures: the demo corpus crawled and indexed once per test run into a temporary data directory."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from synth.backends import EmbeddedBackend
from synth.server import EmbeddedServer
from tests.helpers import make_settings
from verisight.engine import Engine


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data directory holding the demo corpus, crawled with the real crawler and indexed."""
    from verisight.cli.demo import prepare_demo

    data = tmp_path_factory.mktemp("demo-data")
    engine = Engine(make_settings(data))
    server = prepare_demo(engine)
    server.stop()
    engine.close()
    yield data


@pytest.fixture(scope="session")
def demo_engine(demo_data: Path) -> Iterator[Engine]:
    """An engine over the demo corpus with the embedded default (generated overviews, embedded judge)."""
    engine = Engine(make_settings(demo_data))
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def private_demo_engine(demo_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """An engine over a private copy of the demo data, for tests whose verdicts must not see the answers,
    reviewer decisions or stores that other tests wrote into the shared demo directory."""
    data = tmp_path_factory.mktemp("demo-copy") / "data"
    shutil.copytree(demo_data, data)
    engine = Engine(make_settings(data))
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def embedded_backend() -> EmbeddedBackend:
    """The real embedded SmolLM2 model, loaded once (logits kept so the server can return logprobs)."""
    return EmbeddedBackend(n_threads=2, seed=42, logits_all=True)


@pytest.fixture(scope="session")
def llm_server(embedded_backend: EmbeddedBackend) -> Iterator[EmbeddedServer]:
    """The embedded model served over the OpenAI protocol (what vLLM speaks) on a free 127.0.0.1 port."""
    with EmbeddedServer(embedded_backend, host="127.0.0.1", port=0) as server:
        yield server


# Time budget per test group (seconds, about 4x what each takes on a 2-core machine), so a group that slows down
# is noticed. It is reported, never a failure: how long a test takes depends on the machine's load, and a test
# result must not (speed targets live in bench/).
# (root) holds the held-out answer floors, which build the Python-docs corpus (about 3 minutes on 2 cores)
GROUP_BUDGET_S = {
    "crawler": 180, "retrieval": 300, "synth": 240, "verifier": 150, "web": 300, "hostile": 300,
    "reliability": 360, "demo": 60, "scale": 300, "(root)": 660,
}
_group_time: dict[str, float] = {}


def _group(nodeid: str) -> str:
    parts = nodeid.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "tests" else "(root)"


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Add each phase's duration to its group's total."""
    group = _group(report.nodeid)
    _group_time[group] = _group_time.get(group, 0.0) + report.duration


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Report the groups that went over their time budget (a note for the reader, not a failure)."""
    over = {g: round(t) for g, t in _group_time.items() if t > GROUP_BUDGET_S.get(g, 300)}
    if over:
        terminalreporter.write_line(f"test groups over their time budget (s): {over}; budgets: {GROUP_BUDGET_S}")
