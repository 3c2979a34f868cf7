"""The package works from an installed wheel, not only from a source checkout: ``verisight eval`` included.

The wheel is built from a copy of the packages with the setuptools of this environment (no build isolation, no
network) and installed into a fresh virtual environment; that environment sees the dependencies already installed
here through a path file, but not this checkout (no PYTHONPATH, another working directory).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.helpers import REPO

EXTRACTION_SET = REPO / "bench" / "data" / "extraction"
PACKAGES = ("crawler", "retrieval", "synth", "verifier", "web", "verisight")


def _run(*args: str | Path, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["HOME"] = env["VERISIGHT_HOME"] = str(cwd)
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the verisight wheel installed; returns its ``bin`` folder."""
    root = tmp_path_factory.mktemp("wheel")
    src = root / "src"  # a copy, so the build leaves nothing (build/, *.egg-info) in the checkout
    for package in PACKAGES:
        shutil.copytree(REPO / package, src / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md", "LICENSE", "NOTICE"):
        shutil.copy2(REPO / name, src / name)
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                 "-w", root / "dist", src, cwd=root)
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = (root / "dist").glob("verisight-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in ("retrieval/data/pydocs_queries.jsonl", "retrieval/data/pydocs_floors.json",
                 "verifier/data/eval_floors.json", "verisight/gates.py", "crawler/evaluate.py",
                 "verifier/data/verifier_pages.jsonl", "verifier/data/verifier_pages_heldout.jsonl",
                 "verifier/data/baseline_judge_session1.json", "verisight/data/satire_e2e.jsonl",
                 "verisight/data/satire_e2e_sites.jsonl", "verisight/satire_eval.py", "verifier/heldout.py"):
        assert data in names, data
    assert not any(n.startswith(("bench/", "training/", "tests/")) for n in names)
    venv = root / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=root).returncode == 0
    [site] = venv.glob("lib/python*/site-packages")
    # the dependencies installed here, as a plain path (their own .pth files, e.g. an editable checkout, stay off)
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    install = _run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "--no-deps",
                   "--no-index", wheel, cwd=root)
    assert install.returncode == 0, install.stdout + install.stderr
    return venv / "bin"


def test_the_installed_package_is_the_wheel_not_this_checkout(installed: Path, tmp_path: Path) -> None:
    code = "import crawler, verisight.gates; print(verisight.gates.__file__); print(crawler.__file__)"
    result = _run(installed / "python", "-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for path in result.stdout.split():
        assert Path(path).is_relative_to(installed.parent), path


def test_eval_extraction_runs_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    result = _run(installed / "verisight", "eval", "extraction", "--pages", EXTRACTION_SET, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["macro"]["ours"]["f1"] >= figures["floor"] > 0.5
    missing = _run(installed / "verisight", "eval", "extraction", cwd=tmp_path)
    assert missing.returncode == 1 and "pass --pages DIR" in missing.stderr and "Traceback" not in missing.stderr


def test_eval_verifier_runs_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    rows = [
        {"claim": "Water boils at 100 C at sea level.", "evidence": "At sea level, water boils at 100 C.",
         "label": "supported"},
        {"claim": "The Moon is made of cheese.", "evidence": "The Moon is made of rock and dust.",
         "label": "not_supported"},
    ]
    claims.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = _run(installed / "verisight", "eval", "verifier", "--file", claims, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["embedded"]["n"] == 2


def test_eval_verifier_gate_runs_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    """Our page-level sets and the session-1 baseline ship; the external sets are named as not measured."""
    result = _run(installed / "verisight", "eval", "verifier-gate", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    floors = json.loads((REPO / "verifier" / "data" / "eval_floors.json").read_text(encoding="utf-8"))["embedded"]
    for name in ("own_pages_heldout", "own_pages_heldout_2"):
        assert figures["embedded"][name]["balanced_accuracy"] >= floors[name]
        assert figures["embedded"][name]["n"] == figures["baseline"][name]["n"] >= 150
    assert "wice_dev" in figures["not_measured"] and "wice_dev" not in figures["embedded"]
    wrong = _run(installed / "verisight", "eval", "verifier-gate", "--claims", tmp_path, cwd=tmp_path)
    assert wrong.returncode == 1 and "no wice_dev.jsonl" in wrong.stderr and "Traceback" not in wrong.stderr
