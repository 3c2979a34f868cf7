"""Check ``bench/data/satire_corpus.jsonl``: a small labelled corpus of short web texts, satire vs not satire.

Verisight must tell satire from fact before it lets a page support an answer (the classic failure is an answer
engine recommending "one small rock per day" because a satirical news story said so). This corpus is an
evaluation/tuning set for that decision on text alone: 160 short English web texts (80-250 words each), each with
a title and one label.

* ``satire`` (80 rows): deadpan spoof news in the style of satirical news sites -- absurd premises reported
  straight-faced, invented expert quotes, mock statistics, first-person op-ed spoofs. Some are obviously absurd,
  some are subtle (plausible-sounding but wrong advice). None carries a disclaimer: the rows contain none of the
  words "satire", "satirical", "parody", "humor"/"humour", "joke" or "not real", so a classifier must judge the
  content, not a label printed on the page.
* ``not_satire`` (80 rows), chosen to be hard: sober reports of unusual events (``odd_news``), health, cooking,
  home and science explainers (``advice``), reliable articles about satire (``about_satire``), news reports that
  quote a satirical headline while reporting on it (``quotes_satire``), informal but sincere forum answers and
  blog posts (``forum``), and press releases, product pages and opinion columns with sincere hyperbole
  (``promo``).

Every text was written fresh for Verisight; the outlets, people, places, studies and numbers are invented (the
"real-sounding" rows are not reports of real events). The corpus is original text released under Apache-2.0
with the project.

``split`` alternates train/test within each label, walking the kinds in order, so each label is exactly half
and each kind within one row of half. Ids (``s001``..``s160``; "s" for sample) are assigned after a fixed-seed
shuffle so that the id order carries no label information. The TEST SPLIT MUST NEVER BE USED TO TRAIN OR TUNE anything
(thresholds, prompts, features, model choice); report on it only.

The JSONL file is the corpus itself (one row per text: id, title, text, label, kind, split); this script checks
the rules above (word counts, no give-away words in satire rows, unique ids and titles, enough rows per split)
and prints its counts.

Usage: .venv/bin/python bench/satire_corpus_check.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench/data/satire_corpus.jsonl"
LABELS = ("satire", "not_satire")
SPLITS = ("train", "test")
MIN_WORDS, MAX_WORDS, WORD_SLACK = 80, 250, 20
MIN_PER_SPLIT_LABEL = 30
# whole words (with their inflections) that would give a satire row away; none may occur in satire titles or texts
FORBIDDEN = re.compile(r"\b(?:satir\w*|parod\w*|humou?r\w*|jok(?:e|es|ed|ing|ingly)|not\s+real)\b", re.IGNORECASE)


def word_count(text: str) -> int:
    """Words in ``text`` (split on whitespace)."""
    return len(text.split())


def check(rows: list[dict[str, str]]) -> tuple[list[str], list[str]]:
    """Return (errors, warnings) for the corpus rules in the module docstring."""
    errors: list[str] = []
    warnings: list[str] = []
    for field in ("id", "title"):
        counts = Counter(row[field].casefold() for row in rows)
        errors += [f"duplicate {field}: {value!r}" for value, n in counts.items() if n > 1]
    for row in rows:
        rid = row["id"]
        if row["label"] not in LABELS:
            errors.append(f"{rid}: bad label {row['label']!r}")
        if row["split"] not in SPLITS:
            errors.append(f"{rid}: bad split {row['split']!r}")
        if not row["kind"] or not row["title"] or not row["text"]:
            errors.append(f"{rid}: empty kind, title or text")
        n = word_count(row["text"])
        if not MIN_WORDS - WORD_SLACK <= n <= MAX_WORDS + WORD_SLACK:
            errors.append(f"{rid}: {n} words, outside {MIN_WORDS}-{MAX_WORDS} (+/-{WORD_SLACK})")
        elif not MIN_WORDS <= n <= MAX_WORDS:
            warnings.append(f"{rid}: {n} words, within tolerance only")
        if row["label"] == "satire":
            hit = FORBIDDEN.search(row["title"] + "\n" + row["text"])
            if hit:
                errors.append(f"{rid}: satire row contains give-away word {hit.group(0)!r}")
    per_split = Counter((row["split"], row["label"]) for row in rows)
    for split in SPLITS:
        for label in LABELS:
            if per_split[split, label] < MIN_PER_SPLIT_LABEL:
                errors.append(f"split {split}: only {per_split[split, label]} {label} rows")
    return errors, warnings


def main() -> int:
    """Check the corpus and print its counts; exit 1 on any rule broken."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    errors, warnings = check(rows)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if errors:
        for error in errors:
            print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{len(rows)} rows in {CORPUS.relative_to(ROOT)} ({CORPUS.stat().st_size:,} bytes)")
    splits = Counter((row["label"], row["split"]) for row in rows)
    for label in LABELS:
        counts = [word_count(row["text"]) for row in rows if row["label"] == label]
        train, test = splits[label, "train"], splits[label, "test"]
        mean = sum(counts) / len(counts)
        print(
            f"{label:<11} {len(counts):>3} rows  train {train:>3}  test {test:>3}"
            f"  words mean {mean:.1f} min {min(counts)} max {max(counts)}"
        )
    kinds = Counter((row["label"], row["kind"]) for row in rows)
    kind_splits = Counter((row["kind"], row["split"]) for row in rows)
    for (label, kind), n in sorted(kinds.items()):
        train, test = kind_splits[kind, "train"], kind_splits[kind, "test"]
        print(f"  {label:<11} {kind:<16} {n:>3}  train {train:>3}  test {test:>3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
