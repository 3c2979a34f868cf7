"""The packaged MiniLM's fused graph: same vectors, derived once into the model cache, never in the way."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import pytest

from retrieval.embed import OnnxMiniLM, _resolve_model
from retrieval.onnx_fuse import drop_nan_guards, fused_model

TEXTS = [
    "Hold the burn under cool or lukewarm running tap water for 20 minutes.",
    "sorted() returns a new list",
    "Water makes up more than half of your body weight, and you lose some every day through breathing, sweat, "
    "urine and bowel movements. " * 3,
    "Why?",
]


def test_the_fused_graph_gives_the_packaged_vectors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same vectors as the packaged graph (cosine >= 0.9999 on every text), from a file in the model cache."""
    monkeypatch.setenv("VERISIGHT_MODEL_CACHE", str(tmp_path))
    fused = OnnxMiniLM(cache_size=0, workers=1)
    packaged = OnnxMiniLM(cache_size=0, workers=1, fuse=False)
    assert fused.model_file.parent == tmp_path and packaged.model_file == fused.source_file
    assert fused.model_file != packaged.model_file
    ops = {n.op_type for n in onnx.load(str(fused.model_file)).graph.node}
    assert {"SkipLayerNormalization", "BiasGelu"} <= ops and "IsNaN" not in ops
    cos = np.sum(fused.embed(TEXTS) * packaged.embed(TEXTS), axis=1)
    assert cos.min() >= 0.9999, cos


def test_the_fused_graph_is_derived_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second embedder reuses the cached file as it is; a given model file is run as given."""
    monkeypatch.setenv("VERISIGHT_MODEL_CACHE", str(tmp_path))
    first = OnnxMiniLM(cache_size=0).model_file
    stamp = first.stat().st_mtime_ns
    assert OnnxMiniLM(cache_size=0).model_file == first and first.stat().st_mtime_ns == stamp
    assert [p.name for p in tmp_path.iterdir()] == [first.name]  # no temporary file left behind
    given = OnnxMiniLM(model_path=_resolve_model(None), cache_size=0)
    assert given.model_file == _resolve_model(None)


def test_an_unwritable_cache_falls_back_to_the_packaged_graph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the cache cannot be written the packaged graph runs, and embedding works as before."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("VERISIGHT_MODEL_CACHE", str(blocker / "cache"))
    emb = OnnxMiniLM(cache_size=0)
    assert emb.model_file == emb.source_file == _resolve_model(None)
    assert emb.embed(["hello world"]).shape == (1, 384)


def test_a_derived_graph_that_disagrees_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The agreement check: a probe that sees different vectors keeps the packaged graph and caches nothing."""
    monkeypatch.setenv("VERISIGHT_MODEL_CACHE", str(tmp_path))
    src = _resolve_model(None)
    calls: list[Path] = []

    def probe(path: Path) -> np.ndarray:
        calls.append(path)
        vec = np.zeros((1, 4), dtype=np.float32)
        vec[0, len(calls) - 1] = 1.0  # orthogonal vectors for the two files
        return vec

    assert fused_model(src, num_heads=12, hidden_size=384, probe=probe) is None
    assert len(calls) == 2 and list(tmp_path.iterdir()) == []


def test_the_nan_guards_are_found_and_removed() -> None:
    """The packaged export guards each of its 6 attention softmaxes; removing them leaves a valid graph."""
    model = onnx.load(str(_resolve_model(None)))
    assert drop_nan_guards(model) == 6
    onnx.checker.check_model(model)
    assert not any(n.op_type == "IsNaN" for n in model.graph.node)
    assert drop_nan_guards(model) == 0
