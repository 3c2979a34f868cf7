"""Model fitting for the embedded judge's trainer (``training/verifier_train.py``): the logistic models, the page-level
calibration by claim length and the threshold searches. Factcheck-GPT data only; nothing here reads WiCE.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verifier.decompose import claim_parts  # noqa: E402
from verifier.evaluate import metrics  # noqa: E402
from verifier.features import FEATURE_NAMES, content_stems  # noqa: E402
from verifier.judges import calibrate  # noqa: E402

# "mono" keeps these signs: more coverage never lowers P(supported), a mismatch never raises it.
INCREASING = (
    "cov_idf",
    "cov",
    "best_sent_cov_idf",
    "bigram_cov",
    "soft_cov_idf",
    "num_cov",
    "ent_cov",
    "best_sent_bigram_cov",
    "best_sent_ent_cov",
    "cov_idf_sq",
    "cov_x_num",
    "cov_common",
)
DECREASING = (
    "missing_idf_max",
    "num_conflict",
    "neg_mismatch",
    "antonym",
    "best_sent_missing_idf_max",
    "neg_scope",
)
# "cov": the same logistic regression restricted to the coverage features (the issue reports that
# stemmed coverage alone transfers well), compared on the same out-of-fold pseudo-pages.
COV_FEATURES = ("bias", "cov_idf", "soft_cov_idf", "best_sent_cov_idf")


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Column means, standard deviations and the standardised matrix; column 0 (the bias) is left as it is."""
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    mean[0], std[0] = 0.0, 1.0
    std[std < 1e-9] = 1.0
    return mean, std, (x - mean) / std


def fit_mono(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iters: int = 3000) -> tuple[np.ndarray, ...]:
    """Class-balanced L2 logistic regression with sign constraints, by projected gradient descent."""
    mean, std, z = standardise(x)
    pos = y.mean()
    sw = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos)) / len(y)
    lo = np.full(z.shape[1], -np.inf)
    hi = np.full(z.shape[1], np.inf)
    for n in INCREASING:
        lo[FEATURE_NAMES.index(n)] = 0.0
    for n in DECREASING:
        hi[FEATURE_NAMES.index(n)] = 0.0
    reg = np.full(z.shape[1], l2 / len(y))
    reg[0] = 0.0
    w = np.zeros(z.shape[1])
    lipschitz = 0.25 * np.linalg.norm(z * np.sqrt(sw)[:, None], 2) ** 2 + reg.max()
    step = 1.0 / lipschitz
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -30, 30)))
        g = z.T @ (sw * (p - y)) + reg * w
        w = np.clip(w - step * g, lo, hi)
    return mean, std, w


def fit_lr(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iters: int = 50) -> tuple[np.ndarray, ...]:
    """Class-balanced L2 logistic regression by Newton's method on standardised features."""
    mean, std, z = standardise(x)
    return mean, std, newton_lr(z, y, l2, iters)


def newton_lr(z: np.ndarray, y: np.ndarray, l2: float, iters: int = 50) -> np.ndarray:
    """Class-balanced L2 logistic regression weights; column 0 of ``z`` is the unpenalised bias (all ones).

    Minimises ``sum(w_i * logloss_i) + l2 / 2 * |coef|^2`` with class weights ``w_i`` that give both classes equal
    mass, by scikit-learn's Newton-Cholesky solver (``C = 1 / l2`` puts its objective on the same scale).
    """
    from sklearn.linear_model import LogisticRegression

    if l2 <= 0:
        raise ValueError("l2 must be positive")
    if not np.all(z[:, 0] == 1.0):
        raise ValueError("column 0 must be the bias (all ones)")
    pos = y.mean()
    sw = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos))
    model = LogisticRegression(C=1.0 / l2, solver="newton-cholesky", tol=1e-10, max_iter=max(iters, 100))
    model.fit(z[:, 1:], y, sample_weight=sw)
    return np.concatenate([model.intercept_, model.coef_[0]]).astype(np.float64)


Fitted = tuple[str, np.ndarray, np.ndarray, np.ndarray, list[dict[str, list[Any]]], float]


def fit(kind: str, x: np.ndarray, y: np.ndarray, l2: float) -> Fitted:
    """Fit the chosen model kind: every kind is a (possibly constrained) logistic regression the judge runs as ``lr``.

    The last two fields (trees, base) stay empty: the judge file keeps its shape, and only linear models ship.
    """
    if kind == "cov":
        cols = [FEATURE_NAMES.index(n) for n in COV_FEATURES]
        mean, std, sub = fit_lr(x[:, cols], y, l2)
        full_mean, full_std, full = np.zeros(x.shape[1]), np.ones(x.shape[1]), np.zeros(x.shape[1])
        full_mean[cols], full_std[cols], full[cols] = mean, std, sub
        return "lr", full_mean, full_std, full, [], 0.0
    if kind == "mono":
        mean, std, coef = fit_mono(x, y, l2)
        return "lr", mean, std, coef, [], 0.0
    if kind == "lr":
        mean, std, coef = fit_lr(x, y, l2)
        return kind, mean, std, coef, [], 0.0
    raise ValueError(f"unknown model kind {kind!r}")


def predict(fitted: Fitted, x: np.ndarray) -> np.ndarray:
    """Probabilities from a fitted model."""
    _, mean, std, coef, _, _ = fitted
    z = ((x - mean) / std) @ coef
    return np.asarray(1 / (1 + np.exp(-z)))


def fit_calibration(
    scores: list[float], claims: list[str], labels: list[bool], covariates: tuple[str, ...], mode: str
) -> list[float]:
    """Class-balanced logistic calibration of page scores: ``(bias, w_logit, one weight per covariate)``."""
    p = np.clip(np.asarray(scores, dtype=np.float64), 1e-6, 1 - 1e-6)
    cols = [np.ones(len(p)), np.log(p / (1 - p))]
    for name in covariates:
        if name == "content_words":
            cols.append(np.array([len(content_stems(c)) for c in claims], dtype=np.float64))
        else:
            cols.append(np.array([len(claim_parts(c, mode)) for c in claims], dtype=np.float64))
    w = newton_lr(np.stack(cols, axis=1), np.array(labels, dtype=np.float64), 1.0)
    return [round(float(v), 6) for v in w]


def crossfit_calibrated(
    scores: list[float], claims: list[str], labels: list[bool], folds: list[int], covariates: tuple[str, ...], mode: str
) -> list[float]:
    """Calibrated out-of-fold page scores: each fold calibrated by the coefficients fitted on the other folds."""
    out = [0.0] * len(scores)
    for k in sorted(set(folds)):
        rest = [i for i, f in enumerate(folds) if f != k]
        coef = fit_calibration(
            [scores[i] for i in rest], [claims[i] for i in rest], [labels[i] for i in rest], covariates, mode
        )
        for i, f in enumerate(folds):
            if f == k:
                out[i] = calibrate(scores[i], claims[i], coef, covariates, mode)
    return out


def best_threshold(scores: list[float], labels: list[bool]) -> float:
    """The threshold maximising balanced accuracy (midpoint of the best plateau)."""
    cands = sorted(set(round(s, 4) for s in scores))
    best, best_t = -1.0, 0.5
    for t in cands:
        ba = metrics(scores, labels, t)["balanced_accuracy"]
        if ba > best:
            best, best_t = ba, t
    return best_t


def shared_threshold(sets: list[tuple[list[float], list[bool]]]) -> tuple[float, float]:
    """The one threshold maximising the mean balanced accuracy over several tuning sets, and that mean."""
    cands = sorted({round(s, 4) for scores, _ in sets for s in scores})
    best, best_t = -1.0, 0.5
    for t in cands:
        bas = [metrics(scores, labels, t)["balanced_accuracy"] for scores, labels in sets]
        mean = sum(bas) / len(bas)
        if mean > best:
            best, best_t = mean, t
    return best_t, best
