"""Fit the extractive overview's sentence ranker (``synth/data/sentence_ranker.json``) on dev question sets.

Usage::

    python training/fit_sentence_ranker.py --data demo=DEMO_DATA_DIR --data pydocs=PYDOCS_DATA_DIR \
        --questions verisight/data/answer_questions.jsonl=all --questions ...=all [--rows FILE.npz] [--write]

Each ``--data`` names a corpus of the question files and a data directory indexed over it (as for
``training/fit_answer_gate.py``). Each answerable question that the answerability gate lets through gives one
group: the candidate sentences the overview chooses from (``synth.extractive.candidates``), each labelled by
whether its quoted form matches the question's answer key. The model is a conditional logit (a softmax over one
question's candidates, L2-penalised, fitted with L-BFGS) on ``synth.ranker.FEATURES``; groups without a matching
sentence carry no signal for it and are left out of the fit but count as misses in the report.

The penalty is chosen by leave-one-file-out cross-validation: each question file is held out in turn, and the
figure is the share of its questions whose lead (the best candidate of a credible source, as the overview picks)
matches the answer, next to the hand-set ``answer_value`` on the same rows. Held-out question sets are never
passed here: ``verisight eval answers`` reads them with the fitted ranker.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from synth.extractive import candidates  # noqa: E402
from synth.prompts import number_sources  # noqa: E402
from synth.ranker import FEATURES, WEIGHTS, SentenceRanker, features  # noqa: E402
from synth.relevance import focus_weights  # noqa: E402
from verisight.answer_eval import load_questions, matches  # noqa: E402
from verisight.assemble import CREDIBLE, mask  # noqa: E402
from verisight.engine import Engine  # noqa: E402
from verisight.settings import load_settings  # noqa: E402

PENALTIES = (0.01, 0.1, 1.0, 10.0)
CREDIBLE_COLUMN = FEATURES.index("credible")
HEURISTIC_COLUMN = FEATURES.index("heuristic")


def engine_on(folder: Path) -> Engine:
    """An engine over ``folder`` with the defaults (no user configuration)."""
    return Engine(load_settings(folder, environ={}, config_file=folder / "none.toml"))


def collect(data: Sequence[str], questions: Sequence[tuple[Path, str]]) -> dict[str, np.ndarray]:
    """The candidate rows of every answerable question the gate lets through: features, labels, group, file."""
    xs, ys, groups, files = [], [], [], []
    group = 0
    for spec in data:
        corpus, _, folder = spec.partition("=")
        engine = engine_on(Path(folder))
        try:
            overrides = engine.answers.source_overrides()
            for path, split in questions:
                for q in load_questions(path, corpus=corpus, split=split):
                    if not q["answerable"]:
                        continue
                    hits = [mask(h) for h in engine.search(q["q"], k=engine.settings.top_k)]
                    answerable, _, _ = engine.assembler.answerable(
                        q["q"], hits, engine.index.unknown_share(q["q"]), engine.index.unseen_terms(q["q"]),
                        engine.index.unnamed_terms(q["q"]))
                    if not answerable:
                        continue
                    sources = number_sources(hits)
                    credible = {s.url for s in sources if engine.assessor.assess(s, overrides).label in CREDIBLE}
                    found = candidates(q["q"], hits, sources, engine.embedder,
                                       relevance_min=engine.assembler.answerability.relevance_min)
                    if not found:
                        continue
                    rows = features(q["q"], found, focus_weights(q["q"], found), credible)
                    xs.append(rows)
                    ys.append([matches(" ".join(s.display.split()), q["answer"]) for s in found])
                    groups.append(np.full(len(found), group))
                    files.append([f"{corpus}:{path.name}"] * len(found))
                    group += 1
        finally:
            engine.close()
    return {"x": np.concatenate(xs), "y": np.concatenate(ys).astype(bool), "group": np.concatenate(groups),
            "question_file": np.asarray([f for fs in files for f in fs])}


def fit(x: np.ndarray, y: np.ndarray, group: np.ndarray, penalty: float) -> SentenceRanker:
    """The conditional logit on standardised features: maximise the log share of each group's matching rows."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    keep = np.isin(group, np.unique(group[y]))
    z, yk, gk = z[keep], y[keep], group[keep]
    _, inverse = np.unique(gk, return_inverse=True)
    n_groups = int(inverse.max()) + 1

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = z @ w
        top = np.full(n_groups, -np.inf)
        np.maximum.at(top, inverse, s)
        e = np.exp(s - top[inverse])
        total = np.bincount(inverse, weights=e, minlength=n_groups)
        pos = np.bincount(inverse, weights=e * yk, minlength=n_groups)
        value = -np.sum(np.log(pos) - np.log(total)) / n_groups + penalty * w @ w / 2
        p_all = e / total[inverse]
        p_pos = np.where(yk, e / pos[inverse], 0.0)
        grad = -(z.T @ (p_pos - p_all)) / n_groups + penalty * w
        return float(value), grad

    result = minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B")
    return SentenceRanker(FEATURES, mean, scale, result.x)


def leads_found(scores: np.ndarray, x: np.ndarray, y: np.ndarray, group: np.ndarray) -> float:
    """The share of groups whose lead (the best-scored credible candidate, or the best of all when none is
    credible) matches the answer."""
    hits = 0
    groups = np.unique(group)
    for g in groups:
        rows = np.flatnonzero(group == g)
        credible = rows[x[rows, CREDIBLE_COLUMN] > 0]
        pool = credible if len(credible) else rows
        hits += bool(y[pool[np.argmax(scores[pool])]])
    return hits / len(groups) if len(groups) else 0.0


def cross_validate(rows: dict[str, np.ndarray]) -> dict[str, dict[str, float]]:
    """Leave-one-file-out lead rates per penalty, next to the hand-set score's on the same held-out rows."""
    x, y, group, files = rows["x"], rows["y"], rows["group"], rows["question_file"]
    report: dict[str, dict[str, float]] = {}
    for name in sorted(set(files)):
        out = files == name
        entry = {"heuristic": round(leads_found(x[out, HEURISTIC_COLUMN], x[out], y[out], group[out]), 4),
                 "questions": float(len(np.unique(group[out])))}
        for c in PENALTIES:
            model = fit(x[~out], y[~out], group[~out], c)
            entry[f"learned_{c}"] = round(leads_found(model.score(x[out]), x[out], y[out], group[out]), 4)
        report[name] = entry
    return report


def main(argv: list[str] | None = None) -> int:
    """Collect the rows, cross-validate the penalty, fit on every row, print the report, optionally write it."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", action="append", required=True, metavar="CORPUS=DIR")
    ap.add_argument("--questions", action="append", required=True, metavar="FILE=SPLIT",
                    help="dev question rows to fit on (repeatable)")
    ap.add_argument("--rows", type=Path, help="keep the collected rows in this .npz file and reuse them")
    ap.add_argument("--penalty", type=float, help="use this penalty instead of the cross-validated one")
    ap.add_argument("--write", action="store_true", help=f"save the ranker to {WEIGHTS}")
    args = ap.parse_args(argv)
    questions = [(Path(spec.rpartition("=")[0]), spec.rpartition("=")[2]) for spec in args.questions]
    if args.rows and args.rows.is_file():
        with np.load(args.rows) as saved:
            rows = {k: saved[k] for k in saved.files}
    else:
        rows = collect(args.data, questions)
        if args.rows:
            np.savez(args.rows, x=rows["x"], y=rows["y"], group=rows["group"], question_file=rows["question_file"])
    cv = cross_validate(rows)
    weighted = {c: sum(e[f"learned_{c}"] * e["questions"] for e in cv.values()) / sum(e["questions"] for e in
                                                                                      cv.values())
                for c in PENALTIES}
    penalty = args.penalty if args.penalty is not None else max(PENALTIES, key=lambda c: weighted[c])
    model = fit(rows["x"], rows["y"], rows["group"], penalty)
    report = {
        "groups": len(np.unique(rows["group"])),
        "groups_with_a_match": len(np.unique(rows["group"][rows["y"]])),
        "rows": len(rows["y"]),
        "cross_validation": cv,
        "cross_validated_lead_rate": {str(c): round(v, 4) for c, v in weighted.items()},
        "heuristic_lead_rate": round(sum(e["heuristic"] * e["questions"] for e in cv.values())
                                     / sum(e["questions"] for e in cv.values()), 4),
        "penalty": penalty,
        "weights": dict(zip(FEATURES, (round(float(w), 3) for w in model.coef), strict=True)),
    }
    print(json.dumps(report, indent=1))
    if args.write:
        WEIGHTS.write_text(json.dumps({**model.to_json(), "penalty": penalty}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
