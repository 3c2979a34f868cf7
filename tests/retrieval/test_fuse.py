"""Fusion functions."""

from __future__ import annotations

import pytest

from retrieval.fuse import adjust, rrf, site_matches, weighted


def test_rrf_plain_and_weighted() -> None:
    fused = dict(rrf([["a", "b", "c"], ["b", "d"]], k=60))
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["a"] == pytest.approx(1 / 61)
    assert max(fused, key=lambda x: fused[x]) == "b"
    order = [key for key, _ in rrf([["a", "b"], ["b", "a"]], k=60, weights=[2.0, 1.0])]
    assert order == ["a", "b"]


def test_rrf_rejects_mismatched_weights() -> None:
    with pytest.raises(ValueError):
        rrf([["a"]], weights=[1.0, 2.0])


def test_weighted_normalises_each_list() -> None:
    fused = dict(weighted([{"a": 10.0, "b": 0.0}, {"b": 0.9, "c": 0.5}], [0.5, 0.5]))
    assert fused["a"] == pytest.approx(0.5)
    assert fused["b"] == pytest.approx(0.5)
    assert fused["c"] == pytest.approx(0.0)
    assert rrf([]) == []


def test_site_filters_and_boosts() -> None:
    ranked = [("a", 3.0), ("b", 2.0), ("c", 1.0)]
    site = {"a": "forum.example.com", "b": "docs.python.org", "c": "python.org"}.__getitem__
    assert [x for x, _ in adjust(ranked, site, allow=["python.org"])] == ["b", "c"]
    assert [x for x, _ in adjust(ranked, site, deny=["example.com"])] == ["b", "c"]
    assert [x for x, _ in adjust(ranked, site, boosts={"python.org": 2.0})] == ["b", "a", "c"]
    assert not site_matches("notpython.org", ["python.org"])
