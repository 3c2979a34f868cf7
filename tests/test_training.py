"""The training scripts' model fits solve the objective they state (the shipped judge is built with them)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import numpy as np
import pytest

from tests.helpers import REPO


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "training" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_newton_lr_is_the_class_balanced_l2_optimum() -> None:
    """At the returned weights the gradient of the stated objective is zero (bias unpenalised)."""
    fit = _load("verifier_fit")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 4))
    y = (x @ np.array([1.5, -2.0, 0.0, 0.5]) + 0.3 * rng.normal(size=300) > 0.8).astype(np.float64)
    z = np.hstack([np.ones((300, 1)), x])
    l2 = 2.0
    w = fit.newton_lr(z, y, l2)
    sw = np.where(y > 0, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    p = 1 / (1 + np.exp(-(z @ w)))
    grad = z.T @ (sw * (p - y)) + l2 * np.r_[0.0, w[1:]]
    assert np.abs(grad).max() < 1e-6, grad
    assert w[1] > 0 > w[2]  # it learned the signs of the generating weights
    with pytest.raises(ValueError, match="bias"):
        fit.newton_lr(x, y, l2)
