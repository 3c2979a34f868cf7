"""The default embedder: real int8 ONNX MiniLM with the vendored tokenizer."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from retrieval.embed import TOKENIZER_PATH, Embedder, OnnxMiniLM, get_embedder
from retrieval.errors import ModelUnavailable, RetrievalError


def test_vectors_are_normalised_float32(embedder: OnnxMiniLM) -> None:
    vecs = embedder.embed(["How do I open a file?", "Use open() and read().", "Bananas are yellow."])
    assert vecs.shape == (3, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.3  # related questions and answers sit together
    assert embedder.embed([]).shape == (0, 384)


def test_order_and_batching_do_not_change_results(embedder: OnnxMiniLM) -> None:
    texts = [f"sentence number {i} " * (1 + i % 7) for i in range(40)]
    together = embedder.embed(texts)
    alone = np.stack([embedder.embed([t])[0] for t in texts[:5]])
    # int8 dynamic quantisation scales per batch, so a row may move a little with its batch-mates
    assert (np.sum(together[:5] * alone, axis=1) > 0.99).all()


def test_long_text_is_truncated_at_256_wordpieces(embedder: OnnxMiniLM) -> None:
    long = "alpha beta gamma delta " * 2000
    assert embedder.count_tokens([long])[0] > 256
    head = embedder.tokenizer.decode(embedder.tokenizer.encode(long).ids)
    a, b = embedder.embed([long, head])
    assert a @ b > 0.99


def test_cache_skips_repeated_texts(tmp_path: Path) -> None:
    emb = get_embedder(cache_size=10)
    assert isinstance(emb, OnnxMiniLM)
    emb.embed(["one", "two", "one"])
    assert emb.calls == 2
    emb.embed(["two", "three"])
    assert emb.calls == 3


def test_local_directory_is_accepted(tmp_path: Path, embedder: OnnxMiniLM) -> None:
    shutil.copy(embedder.model_file, tmp_path / "model.onnx")
    shutil.copy(TOKENIZER_PATH, tmp_path / "tokenizer.json")
    emb = get_embedder(model_path=tmp_path, tokenizer_path=tmp_path / "tokenizer.json", cache_size=0)
    assert isinstance(emb, Embedder)
    assert emb.embed(["hello world"]) @ embedder.embed(["hello world"])[0] > 0.999


def test_unavailable_models_fail_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ModelUnavailable, match=r"no model\.onnx"):
        get_embedder(model_path=tmp_path)
    with pytest.raises(ModelUnavailable, match=r"no tokenizer\.json"):
        get_embedder(tokenizer_path=tmp_path)
    with pytest.raises(ModelUnavailable, match="unknown embedder"):
        get_embedder("nope")
    with pytest.raises(ModelUnavailable, match="neither"):
        get_embedder(model_path=tmp_path / "missing" / "deep")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(RetrievalError):
        get_embedder(model_path="nobody/no-such-model")


def test_every_core_gives_the_same_vectors_as_one(embedder: OnnxMiniLM) -> None:
    texts = [f"passage {i}: " + "the quick brown fox jumps over the lazy dog " * (1 + i % 23) for i in range(60)]
    one = OnnxMiniLM(cache_size=0, workers=1)
    two = OnnxMiniLM(cache_size=0, workers=2)
    assert two.workers == 2
    assert np.array_equal(one.embed(texts), two.embed(texts))  # the same batches, run side by side
    assert two.calls == len(texts)


def test_batches_are_length_sorted_and_capped(embedder: OnnxMiniLM) -> None:
    emb = OnnxMiniLM(cache_size=0, workers=1, batch_size=32, batch_tokens=1024)
    lengths = [5, 300, 40, 40, 7, 256, 128, 3] * 9
    batches = emb.batches(lengths)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    widths = [max(lengths[i] for i in b) for b in batches]
    assert widths == sorted(widths)
    for b in batches:
        assert len(b) <= 32 and (len(b) == 1 or len(b) * max(lengths[i] for i in b) <= 1024)
    texts = ["short one", "a much longer text " * 30, "mid length text " * 5]
    assert emb.plan(texts) == emb.batches([len(e.ids) for e in emb.tokenizer.encode_batch(texts)])
