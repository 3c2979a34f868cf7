"""Train the content-level satire model on the train split of our corpus; report it on the unseen test split.

An experiment, not shipped: on the unseen split it finds satire that has no disclaimer (which the page-level
signals cannot), but it also calls sincere forum posts, promotional copy and Python reference pages satire, so
``verifier.credibility`` does not use it (figures in docs/measurements.md). Weights go to ``artifacts/``.

The corpus (``bench/data/satire_corpus.jsonl``, written for Verisight; ``bench/satire_corpus_check.py``) holds
satire without any disclaimer and hard non-satire (sober reports of odd events, articles *about* satire, news
quoting satirical headlines, sincere forum posts). The regularisation and the threshold are chosen by 5-fold
cross-validation on the train split only, the threshold for precision (a reliable page called satire is the
costly mistake). Also reported: how many real non-satire pages are flagged (Python's reference docs and the
demo corpus's reliable pages), and the recall the existing page-level signals reach on the same satire texts.

Usage: .venv/bin/python bench/satire_train.py [--out verifier/data/satire_text.json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from retrieval_bench import real_documents  # noqa: E402
from verifier_fit import newton_lr  # noqa: E402

from verifier.credibility import satire_signals  # noqa: E402
from verifier.features import words  # noqa: E402

CORPUS = ROOT / "bench" / "data" / "satire_corpus.jsonl"
DEMO = ROOT / "verisight" / "demo"
L2_GRID = (0.1, 0.3, 1.0, 3.0)
TARGET_PRECISION = 1.0
MIN_DF = 2


def ngrams(title: str, text: str) -> Counter[str]:
    """Word unigrams and bigrams of the title and text (title words marked ``t:``)."""
    out: Counter[str] = Counter()
    body = words(text)
    out.update(body)
    out.update(f"{a} {b}" for a, b in itertools.pairwise(body))
    out.update(f"t:{w}" for w in words(title))
    return out


def vectorise(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """Log-scaled term frequency times IDF over the known vocabulary, L2-normalised."""
    vec = {t: (1.0 + math.log(n)) * idf[t] for t, n in counts.items() if t in idf}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


class SatireTextModel:
    """P(satire) for a page from its words; ``threshold`` was chosen for precision on cross-validated train data."""

    def __init__(self, path: Path | str) -> None:
        """Load the shipped weights (or the file given)."""
        try:
            model = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SystemExit(f"cannot load satire text model from {path}: {exc}") from exc
        self.idf: dict[str, float] = {t: float(v[0]) for t, v in model["terms"].items()}
        self.coef: dict[str, float] = {t: float(v[1]) for t, v in model["terms"].items()}
        self.bias = float(model["bias"])
        self.threshold = float(model["threshold"])
        self.min_words = int(model.get("min_words", 80))

    def probability(self, title: str, text: str) -> float:
        """P(the page is satire), or 0.0 for texts too short to judge."""
        if len(text.split()) < self.min_words:
            return 0.0
        vec = vectorise(ngrams(title, text), self.idf)
        z = self.bias + sum(v * self.coef[t] for t, v in vec.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit_lr(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Class-balanced L2 logistic regression on unscaled TF-IDF rows: (weights, bias)."""
    w = newton_lr(np.hstack([np.ones((len(x), 1)), x]), y, l2, iters=60)
    return w[1:], float(w[0])


def build_idf(rows: list[dict[str, Any]]) -> dict[str, float]:
    """IDF of the n-grams seen in at least ``MIN_DF`` training texts."""
    df: Counter[str] = Counter()
    for r in rows:
        df.update(set(ngrams(r["title"], r["text"])))
    n = len(rows)
    return {t: math.log((n + 1) / (c + 1)) + 1 for t, c in sorted(df.items()) if c >= MIN_DF}


def matrix(rows: list[dict[str, Any]], idf: dict[str, float], vocab: dict[str, int]) -> np.ndarray:
    """Rows of TF-IDF vectors over ``vocab``."""
    x = np.zeros((len(rows), len(vocab)))
    for i, r in enumerate(rows):
        for t, v in vectorise(ngrams(r["title"], r["text"]), idf).items():
            x[i, vocab[t]] = v
    return x


def precision_threshold(scores: np.ndarray, labels: np.ndarray, target: float) -> float:
    """The lowest threshold whose precision on these scores reaches ``target`` (else the highest score)."""
    for t in sorted(set(np.round(scores, 4))):
        flagged = scores >= t
        if flagged.any() and labels[flagged].mean() >= target:
            return float(t)
    return float(scores.max())


def figures(scores: np.ndarray, labels: np.ndarray, t: float) -> dict[str, float]:
    """Precision, recall and balanced accuracy of "satire" at ``t``."""
    flagged = scores >= t
    tp = int((flagged & (labels > 0)).sum())
    fp = int((flagged & (labels == 0)).sum())
    recall = tp / max(1, int((labels > 0).sum()))
    tnr = 1 - fp / max(1, int((labels == 0).sum()))
    return {
        "precision": round(tp / max(1, tp + fp), 4),
        "recall": round(recall, 4),
        "balanced_accuracy": round((recall + tnr) / 2, 4),
        "false_positives": fp,
        "n": len(labels),
    }


def demo_reliable_pages() -> list[tuple[str, str]]:
    """(title, text) of the demo corpus's pages on the sites the manifest expects to be reliable."""
    from crawler import extract

    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    hosts = [h for h, lab in manifest["credibility_expected"].items() if lab == "reliable"]
    out = []
    for host in hosts:
        for page in sorted((DEMO / "site" / host).rglob("*.html")):
            doc = extract(page.read_bytes(), f"http://{host}/{page.relative_to(DEMO / 'site' / host).as_posix()}")
            if doc is not None:
                out.append((doc.title, doc.text))
    return out


def main() -> int:
    """Cross-validate on train, fit, report on test and on real non-satire pages, write the weights."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "artifacts" / "satire_text.json")
    ap.add_argument("--report", type=Path, default=ROOT / "bench" / "verifier_results" / "satire_text.json")
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    train = [r for r in rows if r["split"] == "train"]
    test = [r for r in rows if r["split"] == "test"]
    y_tr = np.array([1.0 if r["label"] == "satire" else 0.0 for r in train])
    y_te = np.array([1.0 if r["label"] == "satire" else 0.0 for r in test])
    folds = np.arange(len(train)) % 5
    best: tuple[float, float, float] = (-1.0, L2_GRID[0], 0.5)
    cv: dict[str, Any] = {}
    for l2 in L2_GRID:
        oof = np.zeros(len(train))
        for k in range(5):
            fit_rows = [r for r, f in zip(train, folds, strict=True) if f != k]
            idf = build_idf(fit_rows)
            vocab = {t: i for i, t in enumerate(idf)}
            coef, bias = fit_lr(matrix(fit_rows, idf, vocab), y_tr[folds != k], l2)
            held = [r for r, f in zip(train, folds, strict=True) if f == k]
            oof[folds == k] = 1 / (1 + np.exp(-(matrix(held, idf, vocab) @ coef + bias)))
        t = precision_threshold(oof, y_tr, TARGET_PRECISION)
        res = figures(oof, y_tr, t)
        cv[str(l2)] = {"threshold": round(t, 4), **res}
        if res["balanced_accuracy"] > best[0]:
            best = (res["balanced_accuracy"], l2, t)
    _, l2, threshold = best
    idf = build_idf(train)
    vocab = {t: i for i, t in enumerate(idf)}
    coef, bias = fit_lr(matrix(train, idf, vocab), y_tr, l2)
    terms = {t: [round(idf[t], 4), round(float(coef[i]), 5)] for t, i in vocab.items() if abs(coef[i]) >= 1e-4}
    model = {"bias": round(bias, 5), "threshold": round(threshold, 4), "min_words": 80, "l2": l2, "terms": terms}
    args.out.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")

    shipped = SatireTextModel(args.out)
    test_scores = np.array([shipped.probability(r["title"], r["text"]) for r in test])
    signals = np.array([1.0 if satire_signals(r["title"], r["text"]) else 0.0 for r in test])
    real = [(d.title, d.text) for d in real_documents()] + demo_reliable_pages()
    real_scores = np.array([shipped.probability(t, x) for t, x in real])
    report = {
        "cv5_train": cv,
        "chosen": {"l2": l2, "threshold": round(threshold, 4), "terms": len(terms)},
        "test": figures(test_scores, y_te, threshold),
        "test_page_signals_only": figures(signals, y_te, 0.5),
        "test_by_kind": {
            kind: figures(
                np.array([s for s, r in zip(test_scores, test, strict=True) if r["kind"] == kind]),
                np.array([v for v, r in zip(y_te, test, strict=True) if r["kind"] == kind]),
                threshold,
            )
            for kind in sorted({r["kind"] for r in test})
        },
        "real_non_satire_pages": {
            "n": len(real),
            "flagged": int((real_scores >= threshold).sum()),
            "max_score": round(float(real_scores.max()), 4) if len(real) else 0.0,
        },
    }
    args.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
