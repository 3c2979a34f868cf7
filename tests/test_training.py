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


def test_the_sentence_ranker_fit_is_the_penalised_conditional_logit_optimum() -> None:
    """At the returned weights the stated objective's gradient is zero, and the ranker puts each group's
    matching row first when one feature marks it."""
    fit = _load("fit_sentence_ranker")
    from synth.ranker import FEATURES

    rng = np.random.default_rng(1)
    groups, size = 60, 8
    x = rng.normal(size=(groups * size, len(FEATURES)))
    group = np.repeat(np.arange(groups), size)
    y = np.zeros(groups * size, dtype=bool)
    y[np.arange(groups) * size + rng.integers(0, size, groups)] = True
    x[y, 0] += 3.0  # the first feature marks the answer
    x[:, FEATURES.index("credible")] = 1.0  # every row may lead
    model = fit.fit(x, y, group, 0.1)
    z = (x - model.mean) / model.scale
    s = z @ model.coef
    grad = 0.1 * model.coef
    for g in range(groups):
        rows = group == g
        p = np.exp(s[rows] - s[rows].max())
        p /= p.sum()
        grad -= z[rows].T @ (y[rows] - p) / groups
    assert np.abs(grad).max() < 1e-4, grad
    assert model.coef[0] > 0 and np.abs(model.coef[0]) > np.abs(model.coef[1:]).max()
    assert fit.leads_found(model.score(x), x, y, group) > 0.9
