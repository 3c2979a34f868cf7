"""Build ``verifier/data/verifier_pages.jsonl``: hand-labelled claims checked against whole documentation pages.

Each row pairs one paraphrased, encyclopedia-style claim with the sentences of ONE whole web page (the first
400 sentences of its extracted main text) and a label: ``supported`` (every part of the claim is stated or
directly entailed by the page), ``partially_supported`` (the claim mixes page facts with one detail the page
does not state or gets wrong; binary label ``not_supported``) or ``not_supported`` (on topic but absent from,
or contradicted by, the page). It is an evaluation/tuning set for the claim verifier on long evidence.

Pages: the Python 3.11 documentation HTML installed under /usr/share/doc/python3.11/html/ (Copyright Python
Software Foundation, PSF License 2.0), and the short news, health, cooking, geology, how-to and forum pages of
Verisight's bundled demo corpus (``verisight/demo/site/``; ``page`` is then ``demo:<host>/<path>``; the satire
site, the copied satire post and the forum's joke replies are not used as claim sources). Text is extracted
with Verisight's own extractor (``crawler.extract``) and split with ``verifier.features.split_sentences``.
Claims on demo pages are labelled by what the page states, regardless of real-world truth.

The claims and labels (``training/data/verifier_pages_claims.jsonl``: page, claim, detail, note) were written by
hand for Verisight, after reading the extracted sentences, without looking at any model's scores. Notes cite the
sentence indices (0-based, in ``evidence``) that support the claim or say what is missing.

Sentence indices in the notes refer to the splitting at the time the claims were written; the first table's
were written when the verifier split on every full stop (so "3.11" was two sentences), and the labels never
depend on them.

A second table, ``training/data/verifier_pages_heldout_claims.jsonl`` (other pages, written later by the same rules),
builds ``verifier/data/verifier_pages_heldout.jsonl``: a set no judge configuration or threshold was chosen on.

Usage: .venv/bin/python training/verifier_pages_build.py [--claims FILE --out FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from crawler import extract
from verifier.features import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DOCS = Path("/usr/share/doc/python3.11/html")
OUT = ROOT / "verifier/data/verifier_pages.jsonl"
BASE_URL = "https://docs.python.org/3.11/"
DEMO_SITE = ROOT / "verisight/demo/site"
DEMO_PREFIX = "demo:"
MAX_SENTENCES = 400
DETAILS = ("supported", "partially_supported", "not_supported")

CLAIMS_FILE = ROOT / "training/data/verifier_pages_claims.jsonl"  # the hand-written table: page, claim, detail, note


def page_source(page: str) -> tuple[Path, str]:
    """The HTML file and URL of a page: ``demo:<host>/<path>`` is a bundled demo page, anything else a Python doc."""
    if page.startswith(DEMO_PREFIX):
        rel = page.removeprefix(DEMO_PREFIX)
        return DEMO_SITE / rel, "http://" + rel
    return DOCS / page, BASE_URL + page


def page_sentences(page: str) -> list[str]:
    """The first ``MAX_SENTENCES`` sentences of a page's extracted main text."""
    path, url = page_source(page)
    doc = extract(path.read_bytes(), url)
    if doc is None:
        raise SystemExit(f"no text extracted from {page}")
    return [doc.text[s:e] for s, e in split_sentences(doc.text)][:MAX_SENTENCES]


def check_claim(row: dict[str, str]) -> None:
    """Stop with a message if a claims-table row is malformed."""
    words = len(row["claim"].split())
    if row["detail"] not in DETAILS:
        raise SystemExit(f"bad detail {row['detail']!r} for {row['claim']!r}")
    if not 12 <= words <= 35:
        raise SystemExit(f"claim has {words} words (want 12-35): {row['claim']!r}")
    if not row["note"]:
        raise SystemExit(f"missing note for {row['claim']!r}")


def load_claims_table(path: Path = CLAIMS_FILE) -> list[dict[str, str]]:
    """The hand-written claims, one JSON object per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> int:
    """Extract the pages, attach their sentences to the claims and write the JSONL file."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=Path, default=CLAIMS_FILE, help="the hand-written claims table")
    ap.add_argument("--out", type=Path, default=OUT, help="the evaluation set to write")
    args = ap.parse_args()
    claims = load_claims_table(args.claims)
    out = args.out.resolve()
    cache: dict[str, list[str]] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for row in claims:
            check_claim(row)
            if row["page"] not in cache:
                cache[row["page"]] = page_sentences(row["page"])
            detail = row["detail"]
            record = {
                "claim": row["claim"],
                "evidence": cache[row["page"]],
                "label": "supported" if detail == "supported" else "not_supported",
                "detail": detail,
                "page": row["page"],
                "note": row["note"],
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts = Counter(row["detail"] for row in claims)
    mean_words = sum(len(row["claim"].split()) for row in claims) / len(claims)
    mean_sents = sum(len(s) for s in cache.values()) / len(cache)
    print(f"wrote {len(claims)} claims over {len(cache)} pages to {out}")
    print(f"details: {dict(counts)}; mean claim words {mean_words:.1f}; mean sentences/page {mean_sents:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
