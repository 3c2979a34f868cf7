"""Extraction quality on the assembled real-world pages: our macro F1 holds its floor and keeps up with trafilatura."""

from __future__ import annotations

from crawler import evaluate as extraction_eval
from verisight.gates import extraction_gate

DATA = extraction_eval.CHECKOUT_SET

# Our extractor may trail plain trafilatura by at most this much macro F1 (our settings trade a little for tables,
# metadata and a single lxml parse shared with link extraction).
MARGIN = 0.02


def test_extraction_set_is_assembled() -> None:
    """Every page has a hand-checked expected text and the set is large enough to mean something."""
    names = extraction_eval.pages(DATA)
    assert len(names) >= 20, names
    for name in names:
        assert (DATA / "pages" / f"{name}.html").is_file(), name
        assert (DATA / "expected" / f"{name}.txt").read_text(encoding="utf-8").strip(), name


def test_shingle_score() -> None:
    """Identical texts score 1, disjoint texts 0, and case and whitespace do not matter."""
    assert extraction_eval.score("The quick  brown fox", "the quick\nbrown FOX").f1 == 1.0
    assert extraction_eval.score("one two three", "four five six").f1 == 0.0
    half = extraction_eval.score("a b c d", "a b c x y z")
    assert half.precision == 0.5 and half.recall == 0.25


def test_macro_f1_holds_floor_and_keeps_up_with_trafilatura() -> None:
    """Our macro F1 is at least the pinned floor and at least plain trafilatura's minus the margin."""
    gate = extraction_gate(DATA)
    macro = gate.figures["macro"]
    ours, plain = macro["ours"]["f1"], macro["trafilatura"]["f1"]
    floor = extraction_eval.read_floor(DATA)
    figures = f"ours macro F1 {ours:.4f}, plain trafilatura {plain:.4f}, floor {floor}"
    assert gate.passed and ours >= floor, f"below the pinned floor: {figures}"
    assert ours >= plain - MARGIN, f"more than {MARGIN} behind plain trafilatura: {figures}"
