"""A tiny gradient-boosted tree ensemble: numpy inference for shipped trees, and the fit used by training."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

Tree = dict[str, list[Any]]


def predict_margin(trees: Sequence[Tree], x: np.ndarray, base: float = 0.0) -> np.ndarray:
    """Sum of the leaf values each row reaches (log-odds)."""
    out = np.full(x.shape[0], base, dtype=np.float64)
    for t in trees:
        feat = np.asarray(t["feature"])
        thr = np.asarray(t["threshold"], dtype=np.float64)
        left = np.asarray(t["left"])
        right = np.asarray(t["right"])
        value = np.asarray(t["value"], dtype=np.float64)
        node = np.zeros(x.shape[0], dtype=np.int64)
        for _ in range(len(feat)):
            f = feat[node]
            inner = f >= 0
            if not inner.any():
                break
            rows = np.nonzero(inner)[0]
            go_left = x[rows, f[rows]] <= thr[node[rows]]
            node[rows] = np.where(go_left, left[node[rows]], right[node[rows]])
        out += value[node]
    return out


def _build(
    x: np.ndarray,
    g: np.ndarray,
    h: np.ndarray,
    idx: np.ndarray,
    cuts: list[np.ndarray],
    depth: int,
    min_leaf: float,
    lam: float,
    tree: Tree,
    lr: float,
) -> int:
    node = len(tree["feature"])
    for key in tree:
        tree[key].append(-1 if key in ("feature", "left", "right") else 0.0)
    gs, hs = g[idx].sum(), h[idx].sum()
    tree["value"][node] = float(-gs / (hs + lam) * lr)
    if depth == 0 or hs < 2 * min_leaf:
        return node
    best = (0.0, -1, 0.0)
    parent = gs * gs / (hs + lam)
    for f, fc in enumerate(cuts):
        if len(fc) == 0:
            continue
        col = x[idx, f]
        b = np.searchsorted(fc, col, side="left")
        gb = np.bincount(b, weights=g[idx], minlength=len(fc) + 1)
        hb = np.bincount(b, weights=h[idx], minlength=len(fc) + 1)
        gl, hl = np.cumsum(gb)[:-1], np.cumsum(hb)[:-1]
        gr, hr = gs - gl, hs - hl
        ok = (hl >= min_leaf) & (hr >= min_leaf)
        if not ok.any():
            continue
        gain = np.where(ok, gl * gl / (hl + lam) + gr * gr / (hr + lam) - parent, -np.inf)
        k = int(np.argmax(gain))
        if gain[k] > best[0]:
            best = (float(gain[k]), f, float(fc[k]))
    if best[1] < 0:
        return node
    _, f, thr = best
    mask = x[idx, f] <= thr
    tree["feature"][node] = f
    tree["threshold"][node] = thr
    tree["left"][node] = _build(x, g, h, idx[mask], cuts, depth - 1, min_leaf, lam, tree, lr)
    tree["right"][node] = _build(x, g, h, idx[~mask], cuts, depth - 1, min_leaf, lam, tree, lr)
    return node


def fit_gbm(
    x: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    *,
    n_trees: int = 100,
    depth: int = 3,
    lr: float = 0.1,
    min_leaf: float = 5.0,
    lam: float = 1.0,
    bins: int = 32,
) -> tuple[list[Tree], float]:
    """Fit a logistic-loss boosted ensemble with sample weights ``w``; returns trees and base log-odds."""
    p0 = float(np.clip((w * y).sum() / w.sum(), 1e-6, 1 - 1e-6))
    base = float(np.log(p0 / (1 - p0)))
    cuts = [np.unique(np.quantile(x[:, f], np.linspace(0, 1, bins + 1)[1:-1])) for f in range(x.shape[1])]
    margin = np.full(len(y), base)
    trees: list[Tree] = []
    idx = np.arange(len(y))
    for _ in range(n_trees):
        p = 1 / (1 + np.exp(-margin))
        g = w * (p - y)
        h = w * p * (1 - p)
        tree: Tree = {"feature": [], "threshold": [], "left": [], "right": [], "value": []}
        _build(x, g, h, idx, cuts, depth, min_leaf, lam, tree, lr)
        trees.append(tree)
        margin += predict_margin([tree], x)
    return trees, base
