"""Build the cross-encoder judge's training set: Factcheck-GPT train split plus synthetic pairs (no WiCE).

Splits (all deterministic, seed 13): ``heldout_split`` gives (train, held) claims as for the embedded judge;
the held claims are never read here except to exclude their passages from synthetic sources. The train claims
are split again into *fit* (80%, trained on) and *dev* (20%, used only to choose the epoch and the decision
thresholds, scored as pseudo-pages exactly as WiCE pages are scored).

Rows written (JSONL ``{"claim", "evidence", "label", "kind", "split"}``):

* real: Factcheck-GPT (claim, passage) rows, label = stance "completely-support";
* real windows: sentence windows (60 words, 3 sentences) of passages that do not completely support the
  claim (negatives by construction: a part of a passage that does not fully support cannot fully support);
* real partial: a supported claim joined with a clause of another claim (partially supported => negative);
* synthetic, MiniCheck/AlignScore style, from train-split passages and the demo corpus pages: a sentence (or its
  first clause, or two neighbouring sentences merged) vs a window holding it (positive); the same sentence vs the
  window with it and its near-copies removed, with a number/entity/negation changed, joined with an unsupported
  sentence of the same passage or a clause of another passage, or vs a related passage of the same claim that
  holds no near-copy (negatives).

It also writes the evaluation files the device run needs (dev/held pseudo-pages and passages, WiCE dev for the
GPU-side comparison only; WiCE is never trained on).

Usage: .venv/bin/python bench/verifier_crossenc_data.py [--out .device_carry/data]
then ``gzip -9 -f .device_carry/data/*.jsonl`` (keeps the carried tree under the device's 64 MiB; the trainer
reads .jsonl or .jsonl.gz).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from verifier.evaluate import heldout_split, load_claims, pseudo_page  # noqa: E402
from verifier.features import content_stems, sentence_windows, split_sentences  # noqa: E402

DATA = Path("/work/shared/data/claims")
FCGPT = DATA / "factcheckgpt_claim_evidence_stance.jsonl"
WICE = DATA / "wice_dev.jsonl"
DEMO = ROOT / "verisight/demo/site"
SEED = 13
DEV_SHARE = 0.2
MAX_WORDS, MAX_SENTS = 60, 3
NEAR_COPY = 0.7  # a sentence covering this share of a claim's content stems counts as a near-copy
REAL_REPEAT = 2  # the real Factcheck-GPT rows are repeated so that they are not drowned by synthetic ones

_NUM = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
_ENT = re.compile(r"(?<=[a-z,;:] )(?:[A-Z][a-zA-Z'’-]+(?: (?:of |de |the )?[A-Z][a-zA-Z'’-]+)*)")
_AUX = re.compile(r"\b(is|are|was|were|has|have|had|can|will|would|could|should|does|did|do|must|may)\b")
_NEG = re.compile(r"\b(is|are|was|were|has|have|had|can|will|would|could|should|does|did|do|must|may) not\b")
_CONNECT = (", and ", ", and ", "; ", ", while ", ", and also ")

Row = dict[str, Any]
ByClaim = dict[str, list[tuple[str, bool]]]


def sentences(text: str) -> list[str]:
    """Sentences of a passage (the splitter the judges use)."""
    return [text[a:b] for a, b in split_sentences(text)] or [text.strip()]


def windows(sents: Sequence[str]) -> list[tuple[int, int]]:
    """The judges' sentence windows over ``sents``."""
    return sentence_windows([len(s.split()) for s in sents], max_words=MAX_WORDS, max_sents=MAX_SENTS)


def coverage(claim: str, text: str) -> float:
    """Share of the claim's content stems found in ``text``."""
    cs = set(content_stems(claim))
    return len(cs & set(content_stems(text))) / len(cs) if cs else 0.0


def good_sentence(s: str) -> bool:
    """A sentence usable as a synthetic claim: 6-45 words, mostly words, no menu/boilerplate look."""
    ws = s.split()
    if not 6 <= len(ws) <= 45:
        return False
    alpha = sum(1 for w in ws if any(ch.isalpha() for ch in w))
    return alpha >= 0.8 * len(ws) and s[:1].isupper() and "http" not in s and "|" not in s


def load_by_claim() -> ByClaim:
    """Factcheck-GPT rows grouped by claim."""
    by_claim: ByClaim = defaultdict(list)
    for c, e, y in load_claims(FCGPT, "factcheckgpt"):
        by_claim[c].append((str(e), y))
    return by_claim


def splits(by_claim: ByClaim) -> tuple[list[str], list[str], list[str]]:
    """(fit, dev, held) claims: held from ``heldout_split(seed=13)``, dev a further 20% of the train claims."""
    train, held = heldout_split(list(by_claim), seed=SEED)
    order = sorted(train)
    random.Random(SEED + 1).shuffle(order)
    n_dev = int(len(order) * DEV_SHARE)
    return sorted(order[n_dev:]), sorted(order[:n_dev]), held


def demo_passages() -> list[str]:
    """Paragraph-level text of the bundled demo corpus pages (main content only)."""
    from lxml import html

    out: list[str] = []
    for path in sorted(DEMO.rglob("*.html")):
        tree = html.fromstring(path.read_bytes())
        for bad in tree.xpath("//script|//style|//nav|//header|//footer"):
            bad.drop_tree()
        paras = [" ".join(el.text_content().split()) for el in tree.xpath("//p|//li")]
        block: list[str] = []
        for p in paras:
            if len(p.split()) < 4:
                continue
            block.append(p)
            if sum(len(b.split()) for b in block) >= 60:
                out.append(" ".join(block))
                block = []
        if block:
            out.append(" ".join(block))
    return out


def change_number(s: str, rng: random.Random) -> str | None:
    """``s`` with one number changed (years by a few, other numbers scaled), or None when it has none."""
    ms = list(_NUM.finditer(s))
    if not ms:
        return None
    m = rng.choice(ms)
    raw = m.group()
    digits = raw.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    if "." not in digits and 1000 <= value <= 2100:
        new = str(int(value) + rng.choice([-7, -3, -2, -1, 1, 2, 3, 5, 11]))
    elif "." in digits:
        new = f"{value * rng.choice([0.5, 0.7, 1.3, 1.5, 2.0]):.{len(digits.split('.')[1])}f}"
    else:
        n = int(value)
        new = str(rng.choice([n + 1, n + 2, max(n - 1, 0) if n > 1 else n + 3, n * 2 + 1, n * 3, n + 10]))
    if new == digits:
        return None
    return s[: m.start()] + new + s[m.end() :]


def swap_entity(s: str, pool: Sequence[str], rng: random.Random) -> str | None:
    """``s`` with one mid-sentence capitalised name replaced by a different name from ``pool``."""
    ms = [m for m in _ENT.finditer(s) if len(m.group()) > 3]
    if not ms or not pool:
        return None
    m = rng.choice(ms)
    for _ in range(5):
        other = rng.choice(pool)
        if other.lower() != m.group().lower() and other not in s:
            return s[: m.start()] + other + s[m.end() :]
    return None


def flip_negation(s: str, rng: random.Random) -> str | None:
    """``s`` with a negation removed ("was not" -> "was") or added ("was" -> "was not")."""
    m = _NEG.search(s)
    if m:
        return s[: m.start()] + m.group(1) + s[m.end() :]
    ms = list(_AUX.finditer(s))
    if not ms:
        return None
    m = rng.choice(ms[:2])
    return s[: m.end()] + rng.choice([" not", " not", " never"]) + s[m.end() :]


def first_clause(s: str) -> str | None:
    """The sentence's first clause (up to a comma, semicolon or dash) when it is a claim of 5+ words."""
    m = re.search(r"[,;:]| - | – | — ", s)
    if not m:
        return None
    head = s[: m.start()].strip()
    if len(head.split()) < 5 or len(head.split()) > len(s.split()) - 3:
        return None
    return head + "."


def short_clause(s: str) -> str | None:
    """A short statement (at most 20 words) from a sentence: itself or its first clause."""
    if len(s.split()) <= 20:
        return s
    head = first_clause(s)
    return head if head and len(head.split()) <= 20 else None


def join(a: str, b: str, rng: random.Random) -> str:
    """Two statements as one claim sentence."""
    a = a.rstrip(" .!?;")
    b = b.strip().rstrip(" .!?;")
    return a + rng.choice(_CONNECT) + b + "."  # the tokenizer lower-cases, so no case fix-up is needed


def window_text(sents: Sequence[str], keep: Sequence[int]) -> str:
    """Sentences at indices ``keep`` joined with spaces."""
    return " ".join(sents[i] for i in keep)


def synth_from_passage(
    sents: list[str], related: Sequence[str], clauses: Sequence[str], ents: Sequence[str], rng: random.Random
) -> Iterator[tuple[str, str, int, str]]:
    """Synthetic (claim, evidence, label, kind) rows from one passage's sentences."""
    wins = windows(sents)
    targets = [i for i, s in enumerate(sents) if good_sentence(s)]
    rng.shuffle(targets)
    for i in targets[:2]:
        claim = sents[i]
        holding = [w for w in wins if w[0] <= i < w[1]]
        a, b = rng.choice(holding)
        ev = window_text(sents, range(a, b))
        # positives
        pos_kind = rng.choice(["copy", "clause", "merge", "merge"])
        if pos_kind == "clause" and (cl := first_clause(claim)):
            yield cl, ev, 1, "syn_pos_clause"
        elif pos_kind == "merge" and b - a >= 2:
            j = rng.choice([k for k in range(a, b) if k != i])
            lo, hi = sorted((i, j))
            yield join(sents[lo], sents[hi], rng), ev, 1, "syn_pos_merge"
        else:
            yield claim, ev, 1, "syn_pos_copy"
        if rng.random() < 0.5:
            yield claim, ev, 1, "syn_pos_copy"
        # negatives: support removed (hard), changed details, partial support, related passage
        rest = [k for k in range(len(sents)) if k != i and coverage(claim, sents[k]) < NEAR_COPY]
        keep: list[int] = []
        for k in sorted(rest, key=lambda k: (abs(k - i), k)):
            if len(keep) == MAX_SENTS or sum(len(sents[j].split()) for j in keep) + len(sents[k].split()) > MAX_WORDS:
                break
            keep.append(k)
        if keep:
            yield claim, window_text(sents, sorted(keep)), 0, "syn_neg_removed"
        edits = [
            ("syn_neg_number", change_number(claim, rng)),
            ("syn_neg_entity", swap_entity(claim, ents, rng)),
            ("syn_neg_negation", flip_negation(claim, rng)),
        ]
        edits = [(k, v) for k, v in edits if v]
        if edits:
            kind, edited = edits[0] if edits[0][0] == "syn_neg_number" and rng.random() < 0.6 else rng.choice(edits)
            yield str(edited), ev, 0, kind
        outside = [k for k in range(len(sents)) if (k < a or k >= b) and good_sentence(sents[k])]
        outside = [k for k in outside if coverage(sents[k], ev) < 0.5]
        if outside and rng.random() < 0.7:
            k = rng.choice(outside)
            lo, hi = sorted((i, k))
            yield join(sents[lo], sents[hi], rng), ev, 0, "syn_neg_partial_same"
        elif clauses:
            other = rng.choice(clauses)
            if coverage(other, ev) < 0.5:
                yield join(claim, other, rng), ev, 0, "syn_neg_partial_other"
        if related and rng.random() < 0.5:
            rel = sentences(rng.choice(related))
            if all(coverage(claim, s) < NEAR_COPY for s in rel):
                ra, rb = rng.choice(windows(rel))
                yield claim, window_text(rel, range(ra, rb)), 0, "syn_neg_related"


def build(by_claim: ByClaim, fit: Sequence[str], dev: Sequence[str], held: Sequence[str]) -> list[Row]:
    """All training/dev rows (split ``fit`` or ``dev``), deterministic."""
    rng = random.Random(SEED)
    held_passages = {e for c in held for e, _ in by_claim[c]}
    dev_passages = {e for c in dev for e, _ in by_claim[c]}
    rows: list[Row] = []

    def add(claim: str, evidence: str, label: int, kind: str, split: str) -> None:
        rows.append({"claim": claim, "evidence": evidence, "label": label, "kind": kind, "split": split})

    for split, claims in (("fit", fit), ("dev", dev)):
        own_clauses = [first_clause(c) or c for c in claims]
        for c in claims:
            for e, y in by_claim[c]:
                for _ in range(REAL_REPEAT if split == "fit" else 1):
                    add(c, e, int(y), "real", split)
                if not y:
                    sents = sentences(e)
                    wins = windows(sents)
                    scored = sorted(wins, key=lambda w, s=sents: -coverage(c, window_text(s, range(*w))))
                    picks = {scored[0], rng.choice(wins)}
                    for w in sorted(picks):
                        add(c, window_text(sents, range(*w)), 0, "real_window_neg", split)
                elif own_clauses:
                    other = rng.choice(own_clauses)
                    if other != c and coverage(other, e) < 0.5:
                        add(join(c, other, rng), e, 0, "real_partial", split)

    # synthetic: passages of fit (dev) claims only, never a passage that a held (or, for fit, dev) claim uses
    ents_pool: list[str] = []
    for c in fit:
        for e, _ in by_claim[c]:
            ents_pool.extend(m.group() for m in _ENT.finditer(e) if len(m.group()) > 3)
    ents = sorted(set(ents_pool))
    for split, claims, banned in (("fit", fit, held_passages | dev_passages), ("dev", dev, held_passages)):
        seen: set[str] = set()
        clauses = [short_clause(s) for c in claims for e, _ in by_claim[c] for s in sentences(e) if good_sentence(s)]
        clauses = [x for x in clauses if x]
        for c in claims:
            ps = [e for e, _ in by_claim[c] if e not in banned]
            for e in ps:
                if e in seen:
                    continue
                seen.add(e)
                related = [p for p in ps if p != e]
                for claim, ev, y, kind in synth_from_passage(sentences(e), related, clauses, ents, rng):
                    add(claim, ev, y, kind, split)
    demo = demo_passages()
    demo_clauses = [x for p in demo for s in sentences(p) if good_sentence(s) and (x := short_clause(s))]
    for p in demo:
        for claim, ev, y, kind in synth_from_passage(sentences(p), [], demo_clauses, ents, rng):
            add(claim, ev, y, "demo_" + kind, "fit")
    return rows


def page_rows(by_claim: ByClaim, claims: Sequence[str]) -> list[Row]:
    """Pseudo-pages (sentences) and passages of ``claims`` for scoring."""
    out = []
    for c in claims:
        sents, label = pseudo_page(c, by_claim[c])
        out.append(
            {
                "claim": c,
                "sentences": sents,
                "windows": windows(sents),
                "label": int(label),
                "passages": [[e, int(y)] for e, y in by_claim[c]],
            }
        )
    return out


def main() -> int:
    """Write train.jsonl, dev/held page files and a copy of WiCE dev (evaluation only) under ``--out``."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / ".device_carry/data")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    by_claim = load_by_claim()
    fit, dev, held = splits(by_claim)
    rows = build(by_claim, fit, dev, held)
    with (args.out / "train.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for name, claims in (("dev_pages", dev), ("held_pages", held)):
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for r in page_rows(by_claim, claims):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with (args.out / "wice_dev.jsonl").open("w", encoding="utf-8") as f:
        for c, ev, y in load_claims(WICE, "wice"):
            sents = [str(x) for x in ev]
            row = {"claim": c, "sentences": sents, "windows": windows(sents), "label": int(y)}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    stats = Counter((r["split"], r["kind"], r["label"]) for r in rows)
    summary = {f"{s}/{k}/{y}": n for (s, k, y), n in sorted(stats.items())}
    summary["claims_fit_dev_held"] = [len(fit), len(dev), len(held)]  # type: ignore[assignment]
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
