"""Embedding throughput: today's settings against parallel, length-bucketed embedding, interleaved and repeated.

Usage: ``python bench/embed_bench.py [--n 512] [--rounds 3] [--json]``

Texts are the real passages of Python's reference docs (``pydoc_data``, chunked by the engine's chunker), what
``verisight index`` embeds. Each round runs every configuration once on the same texts, in turn, so a busy
neighbour slows all of them alike; the figures are medians over rounds. ``baseline`` is the embedder as it was
before parallel embedding (one batch at a time, 8 texts per batch); the others use every core. Agreement is
the cosine of each vector with the baseline's vector for the same text (int8 dynamic quantisation scales per
batch, so batch-mates move a vector slightly).

The limit: MiniLM-L6 runs ``ops_per_passage`` (multiply-adds x 2) on a passage of ``mean_wordpieces``; the
``gops_per_core`` figure is what this CPU delivers on it, measured by the one-core configuration.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from retrieval.chunk import chunk_document  # noqa: E402
from retrieval.embed import OnnxMiniLM, usable_cores  # noqa: E402
from retrieval.index import dense_text  # noqa: E402

# all-MiniLM-L6-v2: 6 layers, hidden 384, feed-forward 1536
LAYERS, HIDDEN, FFN = 6, 384, 1536


def minilm_ops(tokens: float) -> float:
    """Operations (2 per multiply-add) of one MiniLM-L6 forward pass over ``tokens`` wordpieces."""
    dense = LAYERS * tokens * (4 * HIDDEN * HIDDEN + 2 * HIDDEN * FFN)  # Q, K, V, output; two FFN matrices
    attention = LAYERS * 2 * tokens * tokens * HIDDEN  # QK^T and attention x V
    return 2.0 * (dense + attention)


def real_passages(n: int, seed: int = 1) -> list[str]:
    """``n`` real passages of the Python reference docs as the embedder reads them (fixed shuffle)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from retrieval_bench import real_documents

    texts = [dense_text(p) for d in real_documents() for p in chunk_document(d)]
    random.Random(seed).shuffle(texts)
    return (texts * (1 + n // max(len(texts), 1)))[:n]


_WORKER: OnnxMiniLM | None = None


def _spin(n: int) -> float:
    """Seconds one process takes for a fixed pure-Python loop of ``n`` steps."""
    t0 = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - t0


def available_cores(pool: ProcessPoolExecutor, cores: int, n: int = 4_000_000) -> float:
    """How many cores' worth of CPU this process gets now: ``cores`` x the time of one loop alone over the
    slowest of ``cores`` copies run at once (about ``cores`` on an idle machine, less when neighbours share it)."""
    alone = _spin(n)
    together = max(pool.map(_spin, [n] * cores))
    return round(cores * alone / together, 2)


def _init_worker() -> None:
    """Load one single-core embedder per worker process."""
    global _WORKER
    _WORKER = OnnxMiniLM(cache_size=0, workers=1)


def _embed_in_worker(texts: list[str]) -> np.ndarray:
    """Embed in a worker process."""
    assert _WORKER is not None
    return _WORKER._encode(texts)


def embed_processes(pool: ProcessPoolExecutor, texts: list[str], parts: int) -> np.ndarray:
    """Split ``texts`` into ``parts`` interleaved slices, embed each in a process, reassemble."""
    slices = [list(range(i, len(texts), parts)) for i in range(parts)]
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for idx, vecs in zip(slices, pool.map(_embed_in_worker, [[texts[i] for i in s] for s in slices]), strict=True):
        out[idx] = vecs
    return out


def run(n: int, rounds: int) -> dict[str, Any]:
    """Measure every configuration ``rounds`` times, interleaved; return the figures."""
    texts = real_passages(n)
    cores = usable_cores()
    configs: dict[str, OnnxMiniLM] = {
        "baseline: 1 core, batches of 8 (before)": OnnxMiniLM(cache_size=0, workers=1, batch_size=8,
                                                              batch_tokens=8 * 256, fuse=False),
        "1 core, batches of 8, fused graph": OnnxMiniLM(cache_size=0, workers=1, batch_size=8, batch_tokens=8 * 256),
        f"threads x{cores}, batches of <=8 texts, packaged graph": OnnxMiniLM(cache_size=0, fuse=False),
        "1 core, buckets of <=32 texts / <=2048 wordpieces": OnnxMiniLM(cache_size=0, workers=1, batch_size=32),
        f"threads x{cores}, fused graph, batches of <=8 texts / <=2048 wordpieces (the default)": OnnxMiniLM(
            cache_size=0),
        f"threads x{cores}, buckets of <=32 texts / <=2048 wordpieces": OnnxMiniLM(cache_size=0, batch_size=32),
    }
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(cores, mp_context=ctx, initializer=_init_worker)
    list(pool.map(_embed_in_worker, [["warm up"]] * cores))
    base_name = next(iter(configs))
    lengths = np.minimum(configs[base_name].count_tokens(texts), 256)
    for emb in configs.values():
        emb._encode(texts[:16])  # warm up
    processes = f"processes x{cores}, fused graph, batches of <=8 texts"
    times: dict[str, list[float]] = {name: [] for name in [*configs, processes]}
    vectors: dict[str, np.ndarray] = {}
    available: list[float] = []
    for r in range(rounds):
        available.append(available_cores(pool, cores))
        for name in times:
            t0 = time.perf_counter()
            vecs = configs[name]._encode(texts) if name in configs else embed_processes(pool, texts, cores)
            times[name].append(time.perf_counter() - t0)
            vectors.setdefault(name, vecs)
        print(f"round {r + 1}/{rounds} done", file=sys.stderr)
    pool.shutdown()
    base = vectors[base_name]
    base_rate = n / statistics.median(times[base_name])
    result: dict[str, Any] = {
        "passages": n,
        "mean_wordpieces": round(float(lengths.mean()), 1),
        "rounds": rounds,
        "cores": cores,
        "available_cores_each_round": available,
        "configs": {},
    }
    for name, ts in times.items():
        rate = n / statistics.median(ts)
        cos = np.sum(vectors[name] * base, axis=1)
        result["configs"][name] = {
            "passages_per_s": round(rate, 1),
            "passages_per_s_each_round": [round(n / t, 1) for t in ts],
            "speedup": round(rate / base_rate, 2),
            "min_cosine_to_baseline": round(float(cos.min()), 5),
        }
    ops = float(np.mean([minilm_ops(t) for t in lengths]))
    result["ops_per_passage_g"] = round(ops / 1e9, 2)
    one_core = max(fig["passages_per_s"] for name, fig in result["configs"].items() if "1 core" in name)
    result["gops_per_core"] = round(one_core * ops / 1e9, 1)
    result["ceiling_passages_per_s"] = round(cores * one_core, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--n", type=int, default=512)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = run(args.n, args.rounds)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for name, fig in result.pop("configs").items():
            print(f"{name}: {json.dumps(fig)}")
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
