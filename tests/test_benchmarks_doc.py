"""docs/benchmarks.md is what `verisight bench all` rendered from the figures it saved, not a hand edit."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmarks_doc_is_rendered_from_the_saved_figures() -> None:
    render = runpy.run_path(str(ROOT / "bench" / "bench_report.py"))["render"]
    figures = json.loads((ROOT / "bench" / "benchmarks.json").read_text())
    figures["sizes"] = {int(k): v for k, v in figures["sizes"].items()}
    assert render(figures) == (ROOT / "docs" / "benchmarks.md").read_text()
    assert sorted(figures["sizes"]) == [1000, 10_000, 100_000]
