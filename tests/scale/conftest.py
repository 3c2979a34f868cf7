"""One real local Ray cluster (2 CPUs) for the whole test session; skipped when the ray extra is not installed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[Any]:
    """``ray`` joined to a fresh local cluster; workers import this checkout (and its tests package)."""
    ray = pytest.importorskip("ray", reason="the Ray tests need the extra: pip install 'verisight[ray]'")
    pytest.importorskip("ray.data")
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        configure_logging=False,
        runtime_env={"env_vars": {"PYTHONPATH": path}},
    )
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()
