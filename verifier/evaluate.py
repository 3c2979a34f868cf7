"""Quality figures for a judge on public claim/evidence files (WiCE, Factcheck-GPT, our own JSONL)."""

from __future__ import annotations

import json
import random
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from verifier.errors import EvalDataError
from verifier.features import split_sentences
from verifier.judges import Judge

Row = tuple[str, str | list[str], bool]
FORMATS = ("wice", "factcheckgpt", "jsonl")


def _label(fmt: str, obj: dict[str, Any]) -> bool:
    if fmt == "wice":
        value = obj["label"]
        if value not in ("supported", "partially_supported", "not_supported"):
            raise ValueError(f"unknown WiCE label {value!r}")
        return bool(value == "supported")  # partial support counts as not supported
    if fmt == "factcheckgpt":
        value = obj["stance"]
        if value not in ("completely-support", "partially-support", "refute", "irrelevant"):
            raise ValueError(f"unknown Factcheck-GPT stance {value!r}")
        return bool(value == "completely-support")
    value = obj["label"]
    if value not in ("supported", "not_supported"):
        raise ValueError(f"label must be supported or not_supported, got {value!r}")
    return bool(value == "supported")


def load_claims(path: str | Path, fmt: str) -> list[Row]:
    """Read ``(claim, evidence, supported)`` rows; evidence is a string or a list of sentences."""
    if fmt not in FORMATS:
        raise EvalDataError(f"unknown format {fmt!r}; choose one of {FORMATS}")
    rows: list[Row] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            evidence = obj["evidence"]
            if not isinstance(evidence, str | list):
                raise EvalDataError(f"{path}:{n}: evidence must be a string or a list of strings")
            rows.append((str(obj["claim"]), evidence, _label(fmt, obj)))
        except (ValueError, KeyError, TypeError) as exc:
            raise EvalDataError(f"{path}:{n}: not a {fmt} row: {exc}") from exc
    return rows


def score_rows(judge: Judge, rows: Sequence[Row]) -> list[float]:
    """The judge's score per row: max over sentence windows for list evidence."""
    out = []
    for claim, evidence, _ in rows:
        if isinstance(evidence, list):
            out.append(judge.score_sentences(claim, [str(s) for s in evidence])[0])
        else:
            out.append(judge.score([(claim, evidence)])[0])
    return out


def metrics(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> dict[str, Any]:
    """Balanced accuracy, precision/recall of "supported" and a 10-bin calibration table."""
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    tn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and not y)
    tpr = tp / (tp + fn) if tp + fn else 0.0
    tnr = tn / (tn + fp) if tn + fp else 0.0
    calibration = []
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (b == 9 and s >= 1.0)]
        if idx:
            calibration.append(
                {
                    "bin": [lo, hi],
                    "n": len(idx),
                    "mean_score": round(sum(scores[i] for i in idx) / len(idx), 4),
                    "frac_supported": round(sum(1 for i in idx if labels[i]) / len(idx), 4),
                }
            )
    return {
        "balanced_accuracy": round((tpr + tnr) / 2, 4),
        "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall": round(tpr, 4),
        "n": len(scores),
        "threshold": threshold,
        "predicted_supported": round((tp + fp) / len(scores), 4) if scores else 0.0,
        "calibration": calibration,
    }


def evaluate(judge: Judge, rows: Sequence[Row], threshold: float | None = None) -> dict[str, Any]:
    """Score every row with ``judge`` and report the metrics at ``threshold`` (the judge's own by default)."""
    scores = score_rows(judge, rows)
    return metrics(scores, [r[2] for r in rows], judge.threshold if threshold is None else threshold)


def balanced_accuracy(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> float:
    """Mean of the true-positive and true-negative rates at ``threshold``."""
    return float(metrics(scores, labels, threshold)["balanced_accuracy"])


def heldout_split(claims: Sequence[str], *, seed: int = 13, share: float = 0.2) -> tuple[list[str], list[str]]:
    """Split distinct claims into (train, held-out) deterministically; held-out is never trained or tuned on."""
    order = sorted(set(claims))
    random.Random(seed).shuffle(order)
    n_held = int(len(order) * share)
    return order[n_held:], order[:n_held]


def by_claim(rows: Sequence[Row]) -> dict[str, list[tuple[str, bool]]]:
    """Rows grouped by claim: each claim's (evidence passage, supported) pairs, in file order."""
    out: dict[str, list[tuple[str, bool]]] = {}
    for claim, evidence, label in rows:
        out.setdefault(claim, []).append((str(evidence), label))
    return out


def pseudo_page(claim: str, passages: Sequence[tuple[str, bool]]) -> tuple[list[str], bool]:
    """A claim's evidence passages as one page: shuffled (seeded by the claim), split into sentences; supported
    when any passage supports the claim. How whole pages are simulated from Factcheck-GPT everywhere."""
    texts = [e for e, _ in passages]
    random.Random(zlib.crc32(claim.encode())).shuffle(texts)
    sents = [t[a:b] for t in texts for a, b in (split_sentences(t) or [(0, len(t))])]
    return sents, any(y for _, y in passages)


def composite_pairs(claims: Sequence[str], groups: Sequence[int], *, seed: int = 13) -> list[tuple[str, str]]:
    """Pairs of claims for composite pseudo-pages, each pair within one group (a cross-validation fold)."""
    pairs: list[tuple[str, str]] = []
    for g in sorted(set(groups)):
        members = sorted(c for c, k in zip(claims, groups, strict=True) if k == g)
        random.Random(seed + g).shuffle(members)
        pairs += [(members[i], members[i + 1]) for i in range(0, len(members) - 1, 2)]
    return pairs


def composite_page(
    first: tuple[str, Sequence[tuple[str, bool]]], second: tuple[str, Sequence[tuple[str, bool]]]
) -> tuple[str, list[str], bool]:
    """Two claims joined into one long claim ("A, and B") against both claims' passages as one page.

    Supported only when both parts are: the long, several-fact claims of encyclopedias (where one missing fact
    makes the claim only partly supported) built from Factcheck-GPT's short atomic claims, so that calibration
    and threshold see claim lengths like those of real pages.
    """
    (c1, p1), (c2, p2) = first, second
    claim = f"{c1.strip().rstrip('.')}, and {c2.strip()}"
    sents, _ = pseudo_page(claim, [*p1, *p2])
    return claim, sents, any(y for _, y in p1) and any(y for _, y in p2)


def composite_pages(
    claims: Sequence[str], grouped: dict[str, list[tuple[str, bool]]]
) -> list[tuple[str, list[str], bool]]:
    """The composite pages of ``claims`` paired as one group: (joined claim, page sentences, supported)."""
    return [composite_page((a, grouped[a]), (b, grouped[b])) for a, b in composite_pairs(claims, [0] * len(claims))]
