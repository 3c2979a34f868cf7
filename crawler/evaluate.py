"""Extraction quality: word 3-shingle precision, recall and F1 of our extractor and plain trafilatura.

Usage: ``verisight eval extraction --pages DIR`` (the quality gate), or
``python -m crawler.evaluate --pages DIR [--json] [--check] [--raise-floor]``

Scores ``crawler.extract`` and plain ``trafilatura.extract(html)`` (default settings) in the same run against the
hand-checked main texts in ``DIR/expected/`` for the real pages in ``DIR/pages/``. The set lives in a source
checkout (``bench/data/extraction``, with its README and licences; the pages are not shipped in the wheel).
``--check`` exits 1 when our macro F1 is below ``DIR/floor.json``; ``--raise-floor`` writes our macro F1 (rounded
down to two decimals) there, but only if that is higher.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import trafilatura

from crawler.extraction import extract

# The extraction set in a source checkout (the default of ``--pages``).
CHECKOUT_SET = Path(__file__).resolve().parents[1] / "bench" / "data" / "extraction"
SYSTEMS = ("ours", "trafilatura")
_WORDY = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Score:
    """Shingle precision, recall and F1 of one extracted text against its expected text."""

    precision: float
    recall: float
    f1: float


def shingles(text: str, n: int = 3) -> Counter[tuple[str, ...]]:
    """Multiset of word n-shingles of ``text`` (lowercased, whitespace-normalised, markup-only tokens dropped)."""
    # Tokens with no letter or digit ("-" bullets, "|" table rules, "#", ">>>") are how an extractor renders
    # structure, not content, so they are left out of both the extracted and the expected text.
    words = [w for w in text.lower().split() if _WORDY.search(w)]
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def score(extracted: str, expected: str) -> Score:
    """Precision, recall and F1 of the shingles of ``extracted`` against those of ``expected``."""
    got, want = shingles(extracted), shingles(expected)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)


def pages(data: Path) -> list[str]:
    """Names of the assembled pages in set ``data`` that have a hand-checked expected text."""
    return sorted(p.stem for p in (data / "expected").glob("*.txt") if not p.name.endswith(".draft.txt"))


def extract_ours(html: bytes, name: str) -> str:
    """Main text from our extractor (``crawler.extract``), empty when it finds none."""
    doc = extract(html, f"http://127.0.0.1/{name}.html")
    return doc.text if doc is not None else ""


def extract_plain(html: bytes) -> str:
    """Main text from plain ``trafilatura.extract`` with default settings, empty when it finds none."""
    return trafilatura.extract(html) or ""


def evaluate(data: Path) -> dict[str, object]:
    """Per-page and macro-averaged scores of both extractors on every assembled page of set ``data``."""
    names = pages(data)
    if not names:
        raise FileNotFoundError(f"{data}: no extraction set here (expected/NAME.txt and pages/NAME.html)")
    per_page: dict[str, dict[str, dict[str, float]]] = {}
    for name in names:
        html = (data / "pages" / f"{name}.html").read_bytes()
        expected = (data / "expected" / f"{name}.txt").read_text(encoding="utf-8")
        per_page[name] = {
            "ours": asdict(score(extract_ours(html, name), expected)),
            "trafilatura": asdict(score(extract_plain(html), expected)),
        }
    macro = {
        system: {
            metric: sum(p[system][metric] for p in per_page.values()) / len(per_page)
            for metric in ("precision", "recall", "f1")
        }
        for system in SYSTEMS
    }
    return {"pages": per_page, "macro": macro}


def read_floor(data: Path) -> float:
    """The pinned floor for our macro F1 (``data/floor.json``)."""
    return float(json.loads((data / "floor.json").read_text(encoding="utf-8"))["macro_f1"])


def floor_for(macro_f1: float) -> float:
    """A measured macro F1 rounded down to two decimals (the value a floor is pinned at)."""
    return math.floor(round(macro_f1 * 100, 9)) / 100


def raise_floor(data: Path, macro_f1: float) -> float:
    """Raise the pinned floor to ``macro_f1`` rounded down (never lower it); returns the floor now pinned."""
    new = floor_for(macro_f1)
    old = read_floor(data) if (data / "floor.json").exists() else 0.0
    if new > old:
        (data / "floor.json").write_text(json.dumps({"macro_f1": new}) + "\n", encoding="utf-8")
        return new
    return old


def below_floor(results: dict[str, object], data: Path) -> list[str]:
    """A description of our macro F1 when it is below the floor pinned in ``data`` (empty when it holds)."""
    macro = results["macro"]
    assert isinstance(macro, dict)
    ours, floor = float(macro["ours"]["f1"]), read_floor(data)
    return [f"extraction macro F1 {ours:.4f} < floor {floor}"] if ours < floor else []


def report(results: dict[str, object]) -> str:
    """Human-readable table of per-page and macro figures for both extractors."""
    per_page = results["pages"]
    macro = results["macro"]
    assert isinstance(per_page, dict) and isinstance(macro, dict)
    head = f"{'page':36} {'ours P':>7} {'R':>6} {'F1':>6}   {'trafil. P':>9} {'R':>6} {'F1':>6}"
    lines = [head, "-" * len(head)]
    for name, row in [*per_page.items(), ("MACRO AVERAGE", macro)]:
        o, t = row["ours"], row["trafilatura"]
        lines.append(
            f"{name:36} {o['precision']:7.3f} {o['recall']:6.3f} {o['f1']:6.3f}"
            f"   {t['precision']:9.3f} {t['recall']:6.3f} {t['f1']:6.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation; print figures; optionally check or raise the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=CHECKOUT_SET, help="the extraction set (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.add_argument("--check", action="store_true", help="exit 1 when our macro F1 is below the floor")
    parser.add_argument("--raise-floor", action="store_true", help="raise (never lower) the pinned floor")
    args = parser.parse_args(argv)
    results = evaluate(args.pages)
    macro = results["macro"]
    assert isinstance(macro, dict)
    ours_f1 = float(macro["ours"]["f1"])
    if args.raise_floor:
        raise_floor(args.pages, ours_f1)
    floor = read_floor(args.pages) if (args.pages / "floor.json").exists() else None
    results["floor"] = floor
    if args.json:
        print(json.dumps(results, indent=2, sort_keys=True))
    else:
        print(report(results))
        print(f"floor (macro F1, ours): {floor}")
    if args.check:
        if floor is None:
            print(f"no floor pinned in {args.pages / 'floor.json'}", file=sys.stderr)
            return 1
        if ours_f1 < floor:
            print(f"macro F1 {ours_f1:.4f} is below the floor {floor}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
