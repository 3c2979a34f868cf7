"""CPU evaluation of the int8 ONNX cross-encoder judge against the embedded judge (WiCE dev is evaluation only).

Every threshold is chosen on Factcheck-GPT *dev* claims (train-split claims the cross-encoder never trained on;
see bench/verifier_crossenc_data.py), scored the way WiCE is scored: pseudo-pages (the claim's five passages
shuffled by crc32(claim), split to sentences), max over the judges' sentence windows (60 words, 3 sentences).
Passage-level thresholds come from the dev passages. Variants:

* ``crossenc``: max over all windows of the cross-encoder's P(supported);
* ``crossenc_top5``: the cross-encoder on the 5 windows the embedded judge ranks highest (cheap variant);
* ``fused``: mean of the embedded and cross-encoder probabilities per window, max over windows;
* ``fused_page``: mean of the two judges' page scores (each a max over windows).

The embedded judge is the committed one (``git show HEAD:verifier/data/embedded_judge.json``) unless
``--embedded-weights`` is given; its own threshold is reported as the baseline. Note: the embedded judge was
trained on all train-split claims, dev included, so its dev scores (used for the fused thresholds) are in-sample.

Usage: .venv/bin/python bench/verifier_crossenc_eval.py [--model artifacts/crossenc] [--out bench/verifier_results/
crossenc_report.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from verifier_crossenc_data import WICE, load_by_claim, pseudo_page, splits  # noqa: E402

from verifier.evaluate import load_claims, metrics  # noqa: E402
from verifier.judges import EmbeddedJudge  # noqa: E402

TOP_K = 5
BOOTSTRAP = 2000


class CrossEncoderOnnx:
    """The int8 ONNX cross-encoder on onnxruntime's CPU provider."""

    def __init__(self, model_dir: Path, threads: int = 1) -> None:
        """Load ``crossenc.int8.onnx`` and ``tokenizer.json`` from ``model_dir``."""
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(
            str(model_dir / "crossenc.int8.onnx"), opts, providers=["CPUExecutionProvider"]
        )
        self.tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))

    def score(self, pairs: Sequence[tuple[str, str]], batch: int = 32) -> np.ndarray:
        """P(evidence supports claim) per (claim, evidence) pair."""
        encs = self.tok.encode_batch(list(pairs))
        order = sorted(range(len(encs)), key=lambda i: len(encs[i].ids))
        out = np.zeros(len(encs), dtype=np.float64)
        for s in range(0, len(order), batch):
            idx = order[s : s + batch]
            n = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.int64)
            types = np.zeros((len(idx), n), dtype=np.int64)
            for r, i in enumerate(idx):
                k = len(encs[i].ids)
                ids[r, :k], mask[r, :k], types[r, :k] = encs[i].ids, 1, encs[i].type_ids
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            logits = self.session.run(None, feeds)[0].reshape(-1)
            out[idx] = 1 / (1 + np.exp(-np.clip(logits, -30, 30)))
        return out


def embedded_judge(path: Path | None) -> tuple[EmbeddedJudge, float]:
    """The committed embedded judge (HEAD's weights) or the weights file given, and its passage threshold."""
    if path:
        model = json.loads(path.read_text(encoding="utf-8"))
    else:
        blob = subprocess.run(
            ["git", "-C", str(ROOT), "show", "HEAD:verifier/data/embedded_judge.json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        model = json.loads(blob)
    return EmbeddedJudge(model=model), float(model.get("passage_threshold", model["threshold"]))


def auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve (ties counted half)."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=bool)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if not n_pos or not n_neg:
        return float("nan")
    diff = s[y][:, None] - s[~y][None, :]
    return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / (n_pos * n_neg))


def best_threshold(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """The threshold maximising balanced accuracy; the middle of the best candidates on ties."""
    cands = sorted(set(round(float(s), 4) for s in scores))
    bas = [metrics(scores, labels, t)["balanced_accuracy"] for t in cands]
    top = max(bas)
    best = [t for t, b in zip(cands, bas, strict=True) if b == top]
    return best[len(best) // 2]


def summary(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> dict[str, Any]:
    """Balanced accuracy, precision, recall, predicted-supported share at ``threshold``, and AUC."""
    m = metrics(list(scores), list(labels), threshold)
    keep = ("balanced_accuracy", "precision", "recall", "predicted_supported", "threshold", "n")
    return {**{k: m[k] for k in keep}, "auc": round(auc(scores, labels), 4)}


def paired_bootstrap(a: Sequence[float], b: Sequence[float], labels: Sequence[bool]) -> dict[str, float]:
    """AUC(a) - AUC(b) with a 95% paired bootstrap interval over items (seed 13)."""
    rng = np.random.default_rng(13)
    a_, b_, y = np.asarray(a), np.asarray(b), np.asarray(labels, dtype=bool)
    diffs = []
    for _ in range(BOOTSTRAP):
        i = rng.integers(0, len(y), len(y))
        if y[i].all() or not y[i].any():
            continue
        diffs.append(auc(a_[i], y[i]) - auc(b_[i], y[i]))
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return {"auc_diff": round(auc(a_, y) - auc(b_, y), 4), "ci95": [round(float(lo), 4), round(float(hi), 4)]}


Page = tuple[str, list[str], bool]


def page_scores(
    pages: Sequence[Page], judge: EmbeddedJudge, ce: CrossEncoderOnnx, cache: dict[str, np.ndarray], key: str
) -> dict[str, list[float]]:
    """Per-page scores of every variant (windows are the embedded judge's, so both judges see the same ones)."""
    wins_of, emb_of, pairs, owner = [], [], [], []
    for k, (claim, sents, _) in enumerate(pages):
        feats, wins = judge.features_for_sentences(claim, sents)
        wins_of.append(wins)
        emb_of.append(judge._prob(feats))
        for w in wins:
            pairs.append((claim, " ".join(sents[i] for i in w)))
            owner.append(k)
    if key not in cache or len(cache[key]) != len(pairs):
        cache[key] = ce.score(pairs)
    ce_all = cache[key]
    out: dict[str, list[float]] = {v: [] for v in ("embedded", "crossenc", "crossenc_top5", "fused", "fused_page")}
    start = 0
    for k in range(len(pages)):
        n = len(wins_of[k])
        c, e = ce_all[start : start + n], np.asarray(emb_of[k])
        start += n
        top = np.argsort(-e, kind="stable")[:TOP_K]
        out["embedded"].append(float(e.max()))
        out["crossenc"].append(float(c.max()))
        out["crossenc_top5"].append(float(c[top].max()))
        out["fused"].append(float(((e + c) / 2).max()))
        out["fused_page"].append(float((e.max() + c.max()) / 2))
    return out


def passage_scores(
    rows: Sequence[tuple[str, str, bool]], judge: EmbeddedJudge, ce: CrossEncoderOnnx
) -> dict[str, list[float]]:
    """Per-passage scores: the embedded judge (max over its windows), the cross-encoder on the whole passage."""
    emb = judge.score([(c, e) for c, e, _ in rows])
    cross = ce.score([(c, e) for c, e, _ in rows])
    fused = [(a + float(b)) / 2 for a, b in zip(emb, cross, strict=True)]
    return {"embedded": list(emb), "crossenc": [float(x) for x in cross], "fused": fused}


def gold_evidence_diagnostic(judge: EmbeddedJudge, ce: CrossEncoderOnnx) -> dict[str, Any]:
    """Diagnostic only (no threshold, nothing chosen): AUC of each judge on WiCE's annotated supporting sentences."""
    claims, texts, labels = [], [], []
    for line in WICE.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        idx = sorted({i for group in obj.get("supporting_sentences", []) for i in group})
        if idx:
            claims.append(obj["claim"])
            texts.append(" ".join(str(obj["evidence"][i]) for i in idx if i < len(obj["evidence"])))
            labels.append(obj["label"] == "supported")
    pairs = list(zip(claims, texts, strict=True))
    emb = judge.score(pairs)
    cross = ce.score(pairs)
    return {
        "n": len(labels),
        "supported": sum(labels),
        "note": "claim vs the union of its annotated supporting sentences; supported vs partially/not supported",
        "embedded_auc": round(auc(emb, labels), 4),
        "crossenc_auc": round(auc(cross, labels), 4),
    }


def verdict(report: dict[str, Any]) -> dict[str, Any]:
    """Per variant: does it beat the embedded judge on WiCE dev and on held-out Factcheck-GPT (BA and AUC CI)?"""
    out: dict[str, Any] = {}
    base = report["pages"]["embedded"]
    for v, entry in report["pages"].items():
        if v == "embedded":
            continue
        res = {}
        for tgt in ("wice_dev", "held_pages"):
            ci = report["auc_vs_embedded"][tgt][v]["ci95"]
            ba_gain = round(entry[tgt]["balanced_accuracy"] - base[tgt]["balanced_accuracy"], 4)
            res[tgt] = {"ba_gain": ba_gain, "auc_ci95_vs_embedded": ci, "beats": ba_gain > 0 and ci[0] > 0}
        res["beats_on_both"] = res["wice_dev"]["beats"] and res["held_pages"]["beats"]
        out[v] = res
    out["ship"] = any(r["beats_on_both"] for r in out.values() if isinstance(r, dict))
    return out


def brief(d: dict[str, Any]) -> dict[str, Any]:
    """The headline figures of a summary."""
    return {k: d[k] for k in ("balanced_accuracy", "auc", "precision", "recall", "predicted_supported")}


def speed(model_dir: Path, pairs: Sequence[tuple[str, str]], threads: int) -> float:
    """Pairs per second on the CPU with ``threads`` intra-op threads (tokenisation included)."""
    ce = CrossEncoderOnnx(model_dir, threads)
    ce.score(pairs[:64])
    t0 = time.perf_counter()
    ce.score(pairs)
    return round(len(pairs) / (time.perf_counter() - t0), 1)


def main() -> int:
    """Score dev (thresholds), held-out Factcheck-GPT and WiCE dev; write the report."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", type=Path, default=ROOT / "artifacts/crossenc")
    ap.add_argument("--embedded-weights", type=Path)
    ap.add_argument("--gpu-report", type=Path, help="crossenc_gpu.json from the device run (copied into the report)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench/verifier_results/crossenc_report.json")
    ap.add_argument("--threads", type=int, default=min(4, os.cpu_count() or 1))
    args = ap.parse_args()
    judge, passage_t = embedded_judge(args.embedded_weights)
    ce = CrossEncoderOnnx(args.model, args.threads)
    digest = hashlib.sha1((args.model / "crossenc.int8.onnx").read_bytes()).hexdigest()[:12]
    cache_path = args.model / f"scores_cache.{digest}.npz"  # per-window scores of this exact model
    cache: dict[str, np.ndarray] = dict(np.load(cache_path)) if cache_path.exists() else {}

    by_claim = load_by_claim()
    _, dev, held = splits(by_claim)

    def pages_of(claims: Sequence[str]) -> list[Page]:
        return [(c, *pseudo_page(c, by_claim[c])) for c in claims]

    wice: list[Page] = [(c, [str(s) for s in ev], y) for c, ev, y in load_claims(WICE, "wice")]
    t0 = time.perf_counter()
    sets = {"dev_pages": pages_of(dev), "held_pages": pages_of(held), "wice_dev": wice}
    scored = {name: page_scores(p, judge, ce, cache, name) for name, p in sets.items()}
    labels = {name: [bool(y) for _, _, y in p] for name, p in sets.items()}
    dev_rows = [(c, e, y) for c in dev for e, y in by_claim[c]]
    held_rows = [(c, e, y) for c in held for e, y in by_claim[c]]
    scored["dev_passages"] = passage_scores(dev_rows, judge, ce)
    scored["held_passages"] = passage_scores(held_rows, judge, ce)
    labels["dev_passages"] = [y for _, _, y in dev_rows]
    labels["held_passages"] = [y for _, _, y in held_rows]
    np.savez_compressed(cache_path, **cache)
    scoring_s = time.perf_counter() - t0

    report: dict[str, Any] = {"note": __doc__.split("\n\n")[0], "thresholds_from": "Factcheck-GPT dev claims"}
    for level, dev_key, targets in (
        ("pages", "dev_pages", ("held_pages", "wice_dev")),
        ("passages", "dev_passages", ("held_passages",)),
    ):
        for variant in scored[dev_key]:
            if variant == "embedded":
                t = judge.threshold if level == "pages" else passage_t
            else:
                t = best_threshold(scored[dev_key][variant], labels[dev_key])
            entry = {"threshold": t, dev_key: summary(scored[dev_key][variant], labels[dev_key], t)}
            for tgt in targets:
                entry[tgt] = summary(scored[tgt][variant], labels[tgt], t)
            report.setdefault(level, {})[variant] = entry
    report["embedded_threshold_note"] = (
        f"embedded judge at its own thresholds: pages {judge.threshold}, passages {passage_t}"
    )
    report["auc_vs_embedded"] = {
        tgt: {
            v: paired_bootstrap(scored[tgt][v], scored[tgt]["embedded"], labels[tgt])
            for v in scored[tgt]
            if v != "embedded"
        }
        for tgt in ("wice_dev", "held_pages", "held_passages")
    }
    gpu_page = {}
    if args.gpu_report and args.gpu_report.exists():
        gpu = json.loads(args.gpu_report.read_text(encoding="utf-8"))
        report["training"] = {k: gpu[k] for k in ("chosen", "grid", "ablation_real_only", "max_len", "bs") if k in gpu}
        for name in ("dev", "held", "wice"):
            g = gpu["gpu_scores"][name]
            gpu_page[name] = {"gpu_page_auc": g["page_auc"], "gpu_passage_auc": g.get("passage_auc")}
            cpu = np.asarray(scored[f"{name}_pages" if name != "wice" else "wice_dev"]["crossenc"])
            gpu_page[name]["max_abs_diff_page_score_int8_vs_gpu"] = round(
                float(np.abs(cpu - g["page_scores"]).max()), 4
            )
            gpu_page[name]["corr_page_score_int8_vs_gpu"] = round(float(np.corrcoef(cpu, g["page_scores"])[0, 1]), 4)
        report["gpu_vs_cpu_int8"] = gpu_page
    sample = [(c, " ".join(s[:3])) for c, s, _ in wice[:256]] + [(c, e) for c, e, _ in dev_rows[:256]]
    report["speed"] = {
        "cpu_count": os.cpu_count(),
        "crossenc_int8_pairs_per_s_1_thread": speed(args.model, sample, 1),
        "crossenc_int8_pairs_per_s_2_threads": speed(args.model, sample, 2),
        "crossenc_int8_pairs_per_s_4_threads": speed(args.model, sample, 4),
        "sample": "512 pairs: 256 WiCE first windows + 256 Factcheck-GPT passages, batch 32, tokenisation included",
        "wice_windows_per_claim": round(sum(1 for _ in cache["wice_dev"]) / len(wice), 1),
        "scoring_seconds_all_sets": round(scoring_s, 1),
    }
    t1 = time.perf_counter()
    emb_pairs = [(c, e) for c, e, _ in dev_rows[:256]]
    judge.score(emb_pairs)
    report["speed"]["embedded_pairs_per_s"] = round(len(emb_pairs) / (time.perf_counter() - t1), 1)
    report["verdict"] = verdict(report)
    report["diagnostic_wice_gold_evidence"] = gold_evidence_diagnostic(judge, ce)
    config = {
        "max_len": 256,
        "pooling": report.get("training", {}).get("chosen", {}).get("pooling", "mean"),
        "thresholds_from": "Factcheck-GPT dev claims (never trained on), windows of 60 words / 3 sentences",
        "page_threshold": report["pages"]["crossenc"]["threshold"],
        "page_threshold_top5": report["pages"]["crossenc_top5"]["threshold"],
        "passage_threshold": report["passages"]["crossenc"]["threshold"],
    }
    (args.model / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    onnx_path = args.model / "crossenc.int8.onnx"
    report["model"] = {"path": str(onnx_path.relative_to(ROOT)), "bytes": onnx_path.stat().st_size}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    for level in ("pages", "passages"):
        for variant, entry in report[level].items():
            line = {k: brief(v) for k, v in entry.items() if isinstance(v, dict)}
            print(level, variant, f"t={entry['threshold']}", json.dumps(line))
    keys = ("auc_vs_embedded", "speed", "model", "diagnostic_wice_gold_evidence", "verdict")
    print(json.dumps({k: report[k] for k in keys}))
    if gpu_page:
        print(json.dumps(gpu_page))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
