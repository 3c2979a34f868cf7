"""Train the embedded judge on Factcheck-GPT only and write ``verifier/data/embedded_judge.json``.

WiCE is never read here. Split by claim: 80% train, 20% held-out (reported, never tuned on).
The model kind, window size, claim decomposition, page-level calibration and threshold are chosen on
out-of-fold predictions (5-fold, grouped by claim) of the train claims, scored as *pseudo-pages* (all five
evidence passages of a claim, shuffled and concatenated, max over windows), because that is how whole pages are
scored at run time. Word weights come
from general-English frequencies (wordfreq) unless ``--weights fcgpt``. Our hand-labelled page-level claims
(``verifier/data/verifier_pages.jsonl``) are reported as a held-out set, or tuned on with ``--tune-own-pages``.
The models, the calibration fit and the threshold searches live in ``training/verifier_fit.py``.

Usage: pip install wordfreq==3.1.1 (training only), then
    .venv/bin/python training/verifier_train.py [--data ../shared/data/claims] [--out verifier/data/embedded_judge.json]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

from verifier_fit import (  # noqa: E402
    Fitted,
    best_threshold,
    crossfit_calibrated,
    fit,
    fit_calibration,
    predict,
    shared_threshold,
)

from verifier.evaluate import by_claim as group_by_claim  # noqa: E402
from verifier.evaluate import heldout_split, load_claims, metrics, pseudo_page  # noqa: E402
from verifier.features import (  # noqa: E402
    FEATURE_NAMES,
    analyse,
    analyse_claim,
    content_stems,
    merge,
    pair_features,
    split_sentences,
    stem,
)
from verifier.judges import EmbeddedJudge, calibrate  # noqa: E402

CLAIMS = ROOT.parent / "shared" / "data" / "claims"  # the shared data sets sit next to the repository
FCGPT_FILE = "factcheckgpt_claim_evidence_stance.jsonl"
WINDOWS = ((60, 3, 0), (60, 3, 2), (100, 5, 2))
KINDS = ("mono", "lr", "cov")
# "mono": the logistic regression with sign constraints (more coverage never lowers P(supported), a
# mismatch never raises it). Preferred when its out-of-fold page score is within MONO_SLACK of the best,
# because unconstrained weights on collinear coverage features extrapolate badly (a claim missing its
# verb and object scored as supported).
MONO_SLACK = 0.01
SEED = 13
# Claim decomposition (verifier/decompose.py): (mode, aggregate), tried with every model kind and window.
NO_DECOMPOSITION = ("none", "geo")
DECOMPOSITIONS = (("clauses", "geo"), ("clauses", "min"), ("chunks", "geo"), ("chunks", "max_full_min"))
# Our own hand-labelled claims against whole real pages (training/verifier_pages_build.py): by default a held-out set,
# only reported. With --tune-own-pages they choose the configuration and threshold together with the Factcheck-GPT
# pseudo-pages, and their figure is cross-fitted by page (see docs/measurements.md for both judges).
OWN_PAGES = ROOT / "verifier/data/verifier_pages.jsonl"
# Page-level calibration covariates (verifier.judges.calibrate), chosen like everything else on the Factcheck-GPT
# out-of-fold pseudo-pages; () is no calibration.
CALIBRATIONS: tuple[tuple[str, ...], ...] = (("content_words",), ("content_words", "parts"))
Config = tuple[str, tuple[int, int, int], tuple[str, str], tuple[str, ...]]
# Word weights from general-English frequencies (wordfreq's data, CC BY-SA 4.0, shipped as a separate file with
# its licence) rather than IDF over 3,000 Factcheck-GPT passages: chosen because it scored better on the
# Factcheck-GPT out-of-fold pseudo-pages and held-out claims (see docs/measurements.md).
WORD_WEIGHTS = ROOT / "retrieval/data/word_weights.json"
WORDFREQ_VERSION = "3.1.1"


def sentences(text: str) -> list[str]:
    """Sentences of an evidence passage."""
    return [text[a:b] for a, b in split_sentences(text)] or [text]


def passage_features(claim: str, passage: str, idf: dict[str, float], default_idf: float) -> np.ndarray:
    """Features of a claim against a whole training passage (one window)."""
    ci = analyse_claim(claim, idf, default_idf)
    sents = [analyse(s) for s in sentences(passage)]
    return pair_features(ci, merge(sents), sents, default_idf)


def model_dict(
    fitted: Fitted,
    weights: dict[str, float] | str,
    default_idf: float,
    window: tuple[int, int, int],
    threshold: float,
    decompose: tuple[str, str] = ("none", "geo"),
) -> dict[str, Any]:
    """The JSON-able model the EmbeddedJudge loads; ``weights`` is an inline IDF table or a shipped file's name."""
    kind, mean, std, coef, trees, base = fitted
    return {
        "version": 1,
        "kind": kind,
        "trees": [{k: [round(v, 6) if isinstance(v, float) else v for v in vs] for k, vs in t.items()} for t in trees],
        "base": round(base, 6),
        "feature_names": list(FEATURE_NAMES),
        "mean": [round(float(v), 6) for v in mean],
        "std": [round(float(v), 6) for v in std],
        "coef": [round(float(v), 6) for v in coef],
        **({"idf_file": weights} if isinstance(weights, str) else {"idf": weights}),
        "default_idf": round(default_idf, 4),
        "max_idf": round(default_idf, 4),
        "window": {"max_words": window[0], "max_sents": window[1], "cover": window[2]},
        "decompose": {"mode": decompose[0], "aggregate": decompose[1]},
        "threshold": round(threshold, 4),
    }


def wordfreq_weights(top_n: int = 200_000) -> tuple[dict[str, float], float]:
    """Weights per stem, 8.5 minus its most frequent form's Zipf frequency; written to ``WORD_WEIGHTS`` too.

    Needs ``pip install wordfreq==3.1.1`` (training only; the judge reads the JSON file).
    """
    from importlib.metadata import version

    import wordfreq

    if version("wordfreq") != WORDFREQ_VERSION:
        raise SystemExit(f"wordfreq {WORDFREQ_VERSION} expected, found {version('wordfreq')}")
    zipf: dict[str, float] = {}
    for word in wordfreq.top_n_list("en", top_n):
        if word.isalpha():
            s = stem(word)
            zipf[s] = max(zipf.get(s, 0.0), wordfreq.zipf_frequency(word, "en"))
    weights = {s: round(max(0.5, 8.5 - z), 2) for s, z in sorted(zipf.items())}
    WORD_WEIGHTS.write_text(
        json.dumps(
            {
                "source": f"wordfreq {WORDFREQ_VERSION} English Zipf frequencies (top {top_n} words), "
                "weight = 8.5 - zipf of the stem's most frequent form",
                "licence": "CC BY-SA 4.0; wordfreq data by Robyn Speer, https://github.com/rspeer/wordfreq",
                "weights": weights,
            },
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    return weights, 8.0


def config_name(kind: str, win: tuple[int, int, int], dec: tuple[str, str], cal: tuple[str, ...] = ()) -> str:
    """A readable key for one configuration in the report."""
    suffix = "" if dec[0] == "none" else f"-{dec[0]}-{dec[1]}"
    calib = "" if not cal else "-cal-" + "+".join(cal)
    return f"{kind}-{win[0]}w{win[1]}s{win[2]}c{suffix}{calib}"


def own_pages() -> list[tuple[str, list[str], bool, str]]:
    """Our hand-labelled claims against whole Python-docs pages: (claim, sentences, supported, page)."""
    if not OWN_PAGES.is_file():
        return []
    rows = []
    for line in OWN_PAGES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            rows.append(
                (str(obj["claim"]), [str(x) for x in obj["evidence"]], obj["label"] == "supported", obj["page"])
            )
    return rows


def main() -> int:
    """Train, cross-validate, pick window and threshold, write the weights."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=CLAIMS, help=f"folder holding {FCGPT_FILE} (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=ROOT / "verifier/data/embedded_judge.json")
    ap.add_argument("--report", type=Path, default=ROOT / "training/results/train_report.json")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument(
        "--weights",
        choices=("wordfreq", "fcgpt"),
        default="wordfreq",
        help="word weights: general-English frequencies (wordfreq) or IDF over the Factcheck-GPT training passages",
    )
    ap.add_argument(
        "--no-calibration",
        action="store_true",
        help="skip the page-level calibration by claim length (the session-2 judge's recipe), for comparison",
    )
    ap.add_argument(
        "--tune-own-pages",
        action="store_true",
        help="also choose the configuration and threshold on our page-level claims (cross-fitted figure); by "
        "default they are only reported, as a held-out set",
    )
    args = ap.parse_args()
    t0 = time.time()
    rows = load_claims(args.data / FCGPT_FILE, "factcheckgpt")
    by_claim = group_by_claim(rows)
    train, held = heldout_split(list(by_claim), seed=SEED)
    claims = held + train

    df: Counter[str] = Counter()
    docs = {e for c in train for e, _ in by_claim[c]}
    for d in docs:
        df.update(set(content_stems(d)))
    n_docs = len(docs)
    default_idf = math.log((n_docs + 1) / 1) + 1
    idf = {s: round(math.log((n_docs + 1) / (n + 1)) + 1, 3) for s, n in sorted(df.items()) if n >= 2}
    weights: dict[str, float] | str = idf
    if args.weights == "wordfreq":
        idf, default_idf = wordfreq_weights()
        weights = WORD_WEIGHTS.name

    def feats(cs: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
        xs, ys, owners = [], [], []
        for c in cs:
            for e, y in by_claim[c]:
                xs.append(passage_features(c, e, idf, default_idf))
                ys.append(1.0 if y else 0.0)
                owners.append(c)
        return np.stack(xs), np.array(ys), owners

    x_tr, y_tr, owner_tr = feats(train)
    folds = {c: i % 5 for i, c in enumerate(train)}
    fold_of = np.array([folds[c] for c in owner_tr])

    pages: dict[str, list[str]] = {}
    page_label: dict[str, bool] = {}
    for c in claims:
        pages[c], page_label[c] = pseudo_page(c, by_claim[c])

    # Every configuration (model kind x window x decomposition) is scored once: out-of-fold on the Factcheck-GPT
    # pseudo-pages, and with the model fitted on all training claims on our own page-level claims.
    page_claims = list(train)
    page_fold = [folds[c] for c in page_claims]
    labels_pages = [page_label[c] for c in page_claims]
    own = own_pages()
    own_labels = [y for _, _, y, _ in own]
    full_models = {kind: fit(kind, x_tr, y_tr, args.l2) for kind in KINDS}
    report: dict[str, Any] = {"cv5_passage": {}, "configs": {}}
    fc_scores: dict[Config, list[float]] = {}
    fc_raw: dict[Config, list[float]] = {}
    own_scores: dict[Config, list[float]] = {}
    t_pass_of: dict[str, float] = {}
    oof_of: dict[str, np.ndarray] = {}
    for kind in KINDS:
        oof = np.zeros(len(y_tr))
        fold_models = []
        for k in range(5):
            fm = fit(kind, x_tr[fold_of != k], y_tr[fold_of != k], args.l2)
            fold_models.append(fm)
            oof[fold_of == k] = predict(fm, x_tr[fold_of == k])
        oof_of[kind] = oof
        t_pass_of[kind] = best_threshold(list(oof), [bool(v) for v in y_tr])
        res = metrics(list(oof), [bool(v) for v in y_tr], t_pass_of[kind])
        report["cv5_passage"][kind] = {k: res[k] for k in ("balanced_accuracy", "threshold", "n")}
        for win in WINDOWS:
            for dec in (NO_DECOMPOSITION, *DECOMPOSITIONS):
                fold_judges = [
                    EmbeddedJudge(model=model_dict(fm, weights, default_idf, win, 0.5, dec)) for fm in fold_models
                ]
                raw = [
                    fold_judges[k].score_sentences(c, pages[c])[0] for c, k in zip(page_claims, page_fold, strict=True)
                ]
                judge = EmbeddedJudge(model=model_dict(full_models[kind], weights, default_idf, win, 0.5, dec))
                own_raw = [judge.score_sentences(c, e)[0] for c, e, _, _ in own]
                if args.no_calibration:
                    fc_scores[(kind, win, dec, ())], own_scores[(kind, win, dec, ())] = raw, own_raw
                    continue
                # The calibration is fitted on out-of-fold page scores, so it is cross-fitted again for selection.
                for cal in CALIBRATIONS:
                    cfg = (kind, win, dec, cal)
                    fc_raw[cfg] = raw
                    fc_scores[cfg] = crossfit_calibrated(raw, page_claims, labels_pages, page_fold, cal, dec[0])
                    coef = fit_calibration(raw, page_claims, labels_pages, cal, dec[0])
                    own_scores[cfg] = [
                        calibrate(r, c, coef, cal, dec[0]) for r, (c, *_) in zip(own_raw, own, strict=True)
                    ]

    def select(own_idx: list[int]) -> tuple[Config, float]:
        """The configuration and shared threshold maximising mean BA over FC pseudo-pages and these own claims."""
        results: dict[Config, tuple[float, float]] = {}
        for cfg in fc_scores:
            sets = [(fc_scores[cfg], labels_pages)]
            if own_idx:
                sets.append(([own_scores[cfg][i] for i in own_idx], [own_labels[i] for i in own_idx]))
            t, objective = shared_threshold(sets)
            results[cfg] = (objective, t)
        best = max(results, key=lambda c: results[c][0])
        best_mono = max((c for c in results if c[0] == "mono"), key=lambda c: results[c][0])
        if results[best_mono][0] >= results[best][0] - MONO_SLACK:
            best = best_mono
        return best, results[best][1]

    # Our own claims: selection cross-fitted over the two halves (by page) for an honest figure, then the shipped
    # judge is selected on all of them.
    halves = [[i for i, (*_, page) in enumerate(own) if zlib.crc32(page.encode()) % 2 == h] for h in (0, 1)]
    crossfit: list[dict[str, Any]] = []
    pooled_scores: list[float] = []
    pooled_labels: list[bool] = []
    for h in (0, 1) if own and args.tune_own_pages else ():
        cfg, t = select(halves[h])
        other = halves[1 - h]
        scores = [own_scores[cfg][i] for i in other]
        labels = [own_labels[i] for i in other]
        # Re-centre on 0.5 so the two halves' decisions pool into one balanced accuracy.
        pooled_scores += [0.5 + (s_ - t) for s_ in scores]
        pooled_labels += labels
        res = metrics(scores, labels, t)
        crossfit.append(
            {
                "selected_on": f"half {h}",
                "config": config_name(*cfg),
                "threshold": t,
                "balanced_accuracy": res["balanced_accuracy"],
                "n": res["n"],
            }
        )
    if own and args.tune_own_pages:
        report["own_pages_crossfit"] = {
            "halves": crossfit,
            "pooled": {k: v for k, v in metrics(pooled_scores, pooled_labels, 0.5).items() if k != "calibration"},
        }
    best_cfg, best_t = select(list(range(len(own))) if args.tune_own_pages else [])
    best_kind, best_win, best_dec, best_cal = best_cfg
    t_pass = t_pass_of[best_kind]
    for cfg in fc_scores:
        report["configs"][config_name(*cfg)] = {
            "fc_pages_ba": metrics(fc_scores[cfg], labels_pages, best_t)["balanced_accuracy"],
            "own_pages_ba": metrics(own_scores[cfg], own_labels, best_t)["balanced_accuracy"] if own else None,
        }

    final = full_models[best_kind]
    model = model_dict(final, weights, default_idf, best_win, best_t, best_dec)
    if best_cal:
        coef = fit_calibration(fc_raw[best_cfg], page_claims, labels_pages, best_cal, best_dec[0])
        model["calibration"] = {
            "covariates": list(best_cal),
            "coef": coef,
            "coef_order": "bias, logit(raw score), then one weight per covariate",
            "fitted_on": "Factcheck-GPT out-of-fold pseudo-pages (train claims)",
        }
        # The passage threshold on the calibrated scale, from the out-of-fold passage probabilities.
        calibrated = [
            calibrate(float(v), c, coef, best_cal, best_dec[0])
            for v, c in zip(oof_of[best_kind], owner_tr, strict=True)
        ]
        t_pass = t_pass_of[best_kind] = best_threshold(calibrated, [bool(v) for v in y_tr])
        report["cv5_passage"][best_kind]["calibrated"] = metrics(calibrated, [bool(v) for v in y_tr], t_pass)[
            "balanced_accuracy"
        ]
    judge = EmbeddedJudge(model=model)
    # Held-out claims: never used above. Passage-level rows and pseudo-pages, at the chosen threshold.
    held_rows = [(c, e, y) for c in held for e, y in by_claim[c]]
    held_scores = judge.score([(c, e) for c, e, _ in held_rows])
    report["heldout_passage"] = metrics(held_scores, [y for _, _, y in held_rows], t_pass)
    report["heldout_passage"]["threshold_note"] = "passage-level threshold from CV"
    hp = [judge.score_sentences(c, pages[c])[0] for c in held]
    report["heldout_pages"] = metrics(hp, [page_label[c] for c in held], best_t)
    if own and not args.tune_own_pages:  # never tuned on: a held-out figure on natural pages
        report["own_pages_heldout"] = metrics(
            [judge.score_sentences(c, e)[0] for c, e, _, _ in own], own_labels, best_t
        )
    report["chosen"] = {
        "kind": best_kind,
        "window": best_win,
        "objective": "mean balanced accuracy over Factcheck-GPT out-of-fold pseudo-pages"
        + ("" if args.no_calibration else " (calibrated by claim length, cross-fitted)")
        + (" and our page-level claims" if args.tune_own_pages else ""),
        "calibration": list(best_cal),
        "decompose": best_dec,
        "threshold": best_t,
        "passage_threshold": t_pass,
    }
    report["lr_coef"] = dict(zip(FEATURE_NAMES, [round(float(v), 3) for v in final[3]], strict=True))
    report["seconds"] = round(time.time() - t0, 1)
    model["passage_threshold"] = round(t_pass, 4)
    args.out.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    slim = {
        k: ({kk: vv for kk, vv in v.items() if kk != "calibration"} if isinstance(v, dict) else v)
        for k, v in report.items()
    }
    args.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(slim, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
