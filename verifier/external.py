"""Judges on external claim/evidence sets, scored at page level, with a split made for choosing and one for reporting.

The sets (``DATA`` is the shared data folder, ``../shared/data`` from the repository root):

- ``nli/eval-only/*.jsonl.gz``: nine published sets never trained on (ANLI dev, Climate-FEVER, ConTRoL, COVID-Fact,
  DocNLI-MCTest, HealthVer, JOCI, QAGS, SICK);
- the test splits of three ``nli/train/`` sets, kept out of any training: Fool Me Twice ``test``, BEGIN
  ``begin_test_wow`` and FEVER-Symmetric ``fever_symmetric_test``;
- ``claims/``: held-out Factcheck-GPT claims as pseudo-pages (``verifier.evaluate.heldout_split``, never trained or
  tuned on) and WiCE dev, which is scored for each judge once and never used to choose anything.

Page level: most premises are a sentence or two, while the engine scores whole pages, so each premise is hidden
among premises of other rows of the same set (seeded by the claim) until the page holds ``PAGE_WORDS`` words; the
label stays the row's label. The judge scores the page sentence by sentence (``Judge.score_sentences``).

Choosing: the dev splits of the three ``nli/train/`` sets (Fool Me Twice ``dev``, BEGIN ``begin_dev_*``,
FEVER-Symmetric ``fever_symmetric_dev``) and a fixed 30% of each eval-only set (by a hash of the claim) form the
*choose* split. Anything chosen (here: a judge's threshold) is chosen there; every figure reported comes from the
other rows (*report*). A judge is reported at its own shipped threshold and at the threshold chosen on the choose
split, both on the report rows.
"""

from __future__ import annotations

import gzip
import json
import random
import time
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from verifier.errors import EvalDataError
from verifier.evaluate import by_claim, heldout_split, load_claims, metrics, pseudo_page
from verifier.features import split_sentences
from verifier.judges import Judge

EVAL_ONLY = (
    "anli_dev", "climate_fever", "control", "covidfact", "docnli_mctest", "healthver", "joci", "qags", "sick",
)
#: train/ sets whose test split is reported and whose dev split is for choosing: file → (test splits, dev splits)
HELD_TRAIN = {
    "fool_me_twice": (("test",), ("dev",)),
    "begin": (("begin_test_wow",), ("begin_dev_wow", "begin_dev_cmu", "begin_dev_tc")),
    "fever_symmetric": (("fever_symmetric_test",), ("fever_symmetric_dev",)),
}
CHOOSE_SHARE = 0.3
PAGE_WORDS = 250
SEED = 15

Page = tuple[str, list[str], bool]  # claim, page sentences, supported


def _read(path: Path) -> list[dict[str, Any]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc


def _choose(claim: str) -> bool:
    return zlib.crc32(claim.encode()) % 100 < CHOOSE_SHARE * 100


def _pages(rows: Sequence[dict[str, Any]], pool: Sequence[str], limit: int) -> list[Page]:
    """Each row's premise hidden among other premises of the set until the page is ``PAGE_WORDS`` words long."""
    rows = list(rows)
    random.Random(SEED).shuffle(rows)
    out: list[Page] = []
    for row in rows[: limit or None]:
        claim, premise = str(row["hypothesis"]), str(row["premise"])
        rng = random.Random(zlib.crc32(claim.encode()))
        blocks, n_words = [premise], len(premise.split())
        for _ in range(40):
            if n_words >= PAGE_WORDS:
                break
            other = pool[rng.randrange(len(pool))]
            if other != premise:
                blocks.append(other)
                n_words += len(other.split())
        at = rng.randrange(len(blocks))
        blocks[0], blocks[at] = blocks[at], blocks[0]
        sents = [b[x:y] for b in blocks for x, y in (split_sentences(b) or [(0, len(b))])]
        out.append((claim, sents, bool(row["label"])))
    return out


def load_suite(data: Path, limit: int = 300) -> dict[str, dict[str, list[Page]]]:
    """``{"choose": {set: pages}, "report": {set: pages}}``, at most ``limit`` rows per set and split."""
    nli = data / "nli"
    if not nli.is_dir() or not (data / "claims").is_dir():
        raise EvalDataError(f"{data} has no nli/ and claims/ folders (expected the shared data folder)")
    choose: dict[str, list[Page]] = {}
    report: dict[str, list[Page]] = {}
    for name in EVAL_ONLY:
        rows = _read(nli / "eval-only" / f"{name}.jsonl.gz")
        pool = sorted({str(r["premise"]) for r in rows})
        choose[name] = _pages([r for r in rows if _choose(str(r["hypothesis"]))], pool, limit // 2)
        report[name] = _pages([r for r in rows if not _choose(str(r["hypothesis"]))], pool, limit)
    for name, (test, dev) in HELD_TRAIN.items():
        rows = _read(nli / "train" / f"{name}.jsonl.gz")
        pool = sorted({str(r["premise"]) for r in rows})
        choose[name] = _pages([r for r in rows if r["split"] in dev], pool, limit // 2)
        report[f"{name}_test"] = _pages([r for r in rows if r["split"] in test], pool, limit)
    grouped = by_claim(load_claims(data / "claims" / "factcheckgpt_claim_evidence_stance.jsonl", "factcheckgpt"))
    _, held = heldout_split(list(grouped))
    report["factcheckgpt_heldout_pages"] = [(c, *pseudo_page(c, grouped[c])) for c in held][: limit or None]
    return {"choose": choose, "report": report}


def wice_pages(data: Path) -> list[Page]:
    """WiCE dev as pages (the whole cited page, split into sentences); supported only when fully supported."""
    return [
        (c, [str(s) for s in ev] if isinstance(ev, list) else [ev], y)
        for c, ev, y in load_claims(data / "claims" / "wice_dev.jsonl", "wice")
    ]


def auc(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """Area under the ROC curve (the chance a supported row outscores an unsupported one; ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return 0.0
    ranked = sorted((s, i) for i, s in enumerate([*pos, *neg]))
    ranks = [0.0] * len(ranked)
    i = 0
    while i < len(ranked):
        j = i
        while j + 1 < len(ranked) and ranked[j + 1][0] == ranked[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[ranked[k][1]] = (i + j) / 2 + 1
        i = j + 1
    r_pos = sum(ranks[: len(pos)])
    return round((r_pos - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)), 4)


def _score(judge: Judge, pages: Sequence[Page]) -> list[float]:
    return [judge.score_sentences(c, s)[0] for c, s, _ in pages]


def choose_threshold(scored: dict[str, tuple[list[float], list[bool]]]) -> float:
    """The threshold with the best balanced accuracy averaged over the sets given (the choose split)."""
    grid = sorted({round(s, 3) for scores, _ in scored.values() for s in scores})
    best, best_t = -1.0, 0.5
    for t in grid[:: max(1, len(grid) // 400)]:
        mean = sum(metrics(s, y, t)["balanced_accuracy"] for s, y in scored.values()) / len(scored)
        if mean > best:
            best, best_t = mean, t
    return best_t


def _figures(scores: list[float], labels: list[bool], threshold: float) -> dict[str, Any]:
    m = metrics(scores, labels, threshold)
    m.pop("calibration")
    m["auc"] = auc(scores, labels)
    return m


def evaluate_suite(
    judges: dict[str, Judge],
    suite: dict[str, dict[str, list[Page]]],
    wice: Sequence[Page] = (),
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Every judge on every report set at its own threshold and at the one chosen on the choose split, WiCE dev once."""
    out: dict[str, Any] = {}
    for name, judge in judges.items():
        if progress:
            progress(f"{name}: choose split")
        chosen_scores = {k: (_score(judge, v), [y for *_, y in v]) for k, v in suite["choose"].items() if v}
        chosen = choose_threshold(chosen_scores)
        sets: dict[str, Any] = {}
        n = 0
        started = time.perf_counter()
        for set_name, pages in suite["report"].items():
            if progress:
                progress(f"{name}: {set_name}")
            scores, labels = _score(judge, pages), [y for *_, y in pages]
            n += len(pages)
            sets[set_name] = {
                "own": _figures(scores, labels, judge.threshold),
                "chosen": _figures(scores, labels, chosen),
            }
        seconds = time.perf_counter() - started
        result: dict[str, Any] = {
            "threshold": judge.threshold,
            "chosen_threshold": chosen,
            "mean_balanced_accuracy": round(sum(s["own"]["balanced_accuracy"] for s in sets.values()) / len(sets), 4),
            "mean_balanced_accuracy_chosen": round(
                sum(s["chosen"]["balanced_accuracy"] for s in sets.values()) / len(sets), 4
            ),
            "mean_auc": round(sum(s["own"]["auc"] for s in sets.values()) / len(sets), 4),
            "claims_per_s": round(n / max(seconds, 1e-9), 1),
            "n": n,
            "sets": sets,
        }
        if wice:
            if progress:
                progress(f"{name}: WiCE dev (scored once, never chosen on)")
            scores, labels = _score(judge, wice), [y for *_, y in wice]
            result["wice_dev"] = {"own": _figures(scores, labels, judge.threshold),
                                  "chosen": _figures(scores, labels, chosen)}
        out[name] = result
    return out
