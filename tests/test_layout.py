"""The test suite's own layout: shared helpers come from helper modules, never from a conftest or a test module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import SHARED_DATA, shared_data

TESTS = Path(__file__).resolve().parent


def _imported_modules(path: Path) -> list[str]:
    """Every module name ``path`` imports (absolute ``import x`` and ``from x import y``)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_test_file_imports_a_conftest_or_another_test_module() -> None:
    """pytest loads conftests and test modules itself; importing them again makes cycles and double imports."""
    offenders = [
        f"{path.relative_to(TESTS.parent)} imports {name}"
        for path in sorted(TESTS.rglob("*.py"))
        for name in _imported_modules(path)
        if name.startswith("tests.") and name.rsplit(".", 1)[-1].startswith(("conftest", "test_"))
    ]
    assert offenders == []


def test_the_scan_sees_imports() -> None:
    """The scan above finds both import forms (so an empty list means something)."""
    assert "tests.helpers" in _imported_modules(TESTS / "conftest.py")
    assert "verisight.engine" in _imported_modules(TESTS / "conftest.py")


def test_missing_shared_data_fails_in_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """A floor that needs ../shared/data must not pass silently on a CI runner that lacks it."""
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no-such-set"):
        shared_data("no-such-set")
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception, match="no-such-set"):
        shared_data("no-such-set")
    assert TESTS.parent.parent / "shared" / "data" == SHARED_DATA  # next to the repository, on any machine
