"""Retrieval benchmark: BM25 (bm25s) against rank-bm25, dense and hybrid latency, embedding throughput.

Usage: ``python bench/retrieval_bench.py [--sizes 10000 100000] [--queries 54] [--json]``

The corpus is synthesised from real text: every sentence of Python's reference docs (``pydoc_data``), drawn
into passages of 4-12 sentences with a fixed seed. BM25 runs on the real tokeniser at every size, next to
rank-bm25 on the same token lists in the same run. Dense search uses real MiniLM embeddings of the real
passages, tiled (with small noise) to the corpus size: search latency depends on the number of vectors, not
their content, and embedding 100k passages on 2 cores takes over an hour. Queries are the labelled
questions in ``retrieval/data/pydocs_queries.jsonl``, embedded by the real model in the timed path.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from retrieval.chunk import chunk_document  # noqa: E402
from retrieval.dense import DenseIndex  # noqa: E402
from retrieval.embed import OnnxMiniLM, get_embedder  # noqa: E402
from retrieval.evaluate import load_queries  # noqa: E402
from retrieval.fuse import DEFAULT_WEIGHTS, rrf  # noqa: E402
from retrieval.index import HybridIndex  # noqa: E402
from retrieval.pydocs import QUERIES, real_documents  # noqa: E402
from retrieval.sparse import SparseIndex  # noqa: E402
from retrieval.text import split_sentences, tokenize  # noqa: E402


def synth_passages(n: int, seed: int = 0) -> list[str]:
    """``n`` passages of 4-12 real sentences drawn at random (fixed seed)."""
    sentences = [d.text[s:e] for d in real_documents() for s, e in split_sentences(d.text) if len(d.text[s:e]) > 20]
    rng = random.Random(seed)
    return [" ".join(rng.sample(sentences, rng.randint(4, 12))) for _ in range(n)]


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    """Wall times in ms of ``repeat`` calls of ``fn``."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def summary(times_ms: list[float]) -> dict[str, float]:
    """qps, p50 and p95 of per-query times."""
    arr = np.asarray(times_ms)
    return {
        "qps": round(1000 / float(arr.mean()), 1),
        "p50_ms": round(float(np.percentile(arr, 50)), 3),
        "p95_ms": round(float(np.percentile(arr, 95)), 3),
    }


def bench_sparse(texts: list[str], queries: list[str], rank_bm25_queries: int) -> dict[str, Any]:
    """bm25s against rank-bm25 on the same tokens: build time, latency, speed-up, top-10 overlap."""
    from rank_bm25 import BM25Okapi

    t0 = time.perf_counter()
    corpus = [tokenize(t) for t in texts]
    tok_s = time.perf_counter() - t0
    ours = SparseIndex(k1=1.5, b=0.75, method="robertson")  # rank-bm25's formula, for the overlap check
    t0 = time.perf_counter()
    ours.build(corpus)
    build_s = time.perf_counter() - t0
    served = SparseIndex()  # what the index serves (lucene idf, k1=1.2)
    served.build(corpus)
    t0 = time.perf_counter()
    # epsilon=0: rank-bm25 then clips negative IDF (terms in over half the passages) to 0 as bm25s does;
    # its default floors them at 0.25 x mean IDF instead, reported separately as top10_overlap_default_eps.
    reference = BM25Okapi(corpus, k1=1.5, b=0.75, epsilon=0.0)
    ref_build_s = time.perf_counter() - t0
    reference_eps = BM25Okapi(corpus, k1=1.5, b=0.75)
    qtok = [tokenize(q) for q in queries]
    ours_ms = [t for q in qtok for t in timed(functools.partial(ours.search, q, 10), 1)]
    served_ms = [t for q in queries for t in timed(functools.partial(served.search, tokenize(q), 10), 1)]
    ref_ms: list[float] = []
    overlaps = []
    overlaps_eps = []
    for q in qtok[:rank_bm25_queries]:
        t0 = time.perf_counter()
        ref_scores = reference.get_scores(q)
        ref_top = np.argsort(-ref_scores, kind="stable")[:10]
        ref_ms.append((time.perf_counter() - t0) * 1000)
        rows, _ = ours.search(q, 10)
        overlaps.append(len(set(rows.tolist()) & set(ref_top.tolist())) / 10)
        eps_top = np.argsort(-reference_eps.get_scores(q), kind="stable")[:10]
        overlaps_eps.append(len(set(rows.tolist()) & set(eps_top.tolist())) / 10)
    ours_sum, ref_sum = summary(ours_ms), summary(ref_ms)
    return {
        "tokenize_s": round(tok_s, 2),
        "bm25s_build_s": round(build_s, 2),
        "rank_bm25_build_s": round(ref_build_s, 2),
        "bm25s": ours_sum,
        "bm25s_served_with_tokenize": summary(served_ms),
        "rank_bm25": ref_sum,
        "speedup_p50": round(ref_sum["p50_ms"] / max(ours_sum["p50_ms"], 1e-9), 1),
        "top10_overlap": round(float(np.mean(overlaps)), 4),
        "top10_overlap_default_eps": round(float(np.mean(overlaps_eps)), 4),
        "rank_bm25_queries": len(ref_ms),
    }


def bench_dense(n: int, base: np.ndarray, embedder: OnnxMiniLM, queries: list[str], kinds: list[str]) -> dict[str, Any]:
    """Flat and/or HNSW search latency over ``n`` vectors tiled from real embeddings."""
    rng = np.random.default_rng(0)
    reps = -(-n // len(base))
    vecs = np.tile(base, (reps, 1))[:n] + 0.02 * rng.normal(size=(n, base.shape[1])).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    qv = embedder.embed(queries)
    out: dict[str, Any] = {}
    for kind in kinds:
        index = DenseIndex(base.shape[1], kind=kind)
        t0 = time.perf_counter()
        index.build(vecs)
        build_s = time.perf_counter() - t0
        ms = [t for q in qv for t in timed(functools.partial(index.search, q, 100), 1)]
        out[kind] = {"build_s": round(build_s, 2), **summary(ms)}
    embed_ms = [t for q in queries for t in timed(functools.partial(embedder._encode, [q]), 1)]
    out["query_embedding"] = summary(embed_ms)
    return out


def bench_hybrid_index(index: HybridIndex, queries: list[str]) -> dict[str, Any]:
    """End-to-end ``HybridIndex.search`` latency per mode (query embedding included, cache off)."""
    out = {}
    for mode in ("bm25", "dense", "hybrid"):
        index.search(queries[0], k=10, mode=mode)
        out[mode] = summary([t for q in queries for t in timed(functools.partial(index.search, q, 10, mode), 1)])
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--queries", type=int, default=54)
    ap.add_argument("--rank-bm25-queries", type=int, default=20)
    ap.add_argument("--embed-sample", type=int, default=128)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    queries = [q["q"] for q in load_queries(QUERIES)][: args.queries]
    embedder = get_embedder(cache_size=0)
    assert isinstance(embedder, OnnxMiniLM)
    docs = real_documents()
    real = [p for d in docs for p in chunk_document(d)]
    report: dict[str, Any] = {"machine_note": "numbers from this run only; compare within the run"}

    # Embedding throughput on real passages (≤256 wordpieces), length-sorted batches, 1 thread.
    sample = [p.text for p in real[: args.embed_sample]]
    n_tok = embedder.count_tokens(sample)
    t0 = time.perf_counter()
    embedder._encode(sample)
    dt = time.perf_counter() - t0
    report["embedding"] = {
        "passages": len(sample),
        "mean_wordpieces": round(float(np.mean(np.minimum(n_tok, 256))), 1),
        "passages_per_s": round(len(sample) / dt, 1),
        "batch_size": embedder.batch_size,
    }

    # A real index of the real passages (sizes on disk, end-to-end search latency).
    with tempfile.TemporaryDirectory() as tmp:
        index = HybridIndex(Path(tmp) / "ix", embedder)
        t0 = time.perf_counter()
        upd = index.update(docs)
        build_s = time.perf_counter() - t0
        folder = Path(tmp) / "ix" / upd.version
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        report["real_index"] = {
            "passages": upd.passages,
            "build_s": round(build_s, 1),
            "passages_per_s": round(upd.embedded / build_s, 1),
            "bytes_per_passage": round(size / max(upd.passages, 1)),
            "search": bench_hybrid_index(index, queries),
        }
        base = index._require().vectors.copy()

    for n in args.sizes:
        texts = synth_passages(n)
        entry: dict[str, Any] = {"sparse": bench_sparse(texts, queries, args.rank_bm25_queries)}
        kinds = ["flat"] if n < 50_000 else ["flat", "hnsw"]
        entry["dense"] = bench_dense(n, base, embedder, queries, kinds)
        qe = entry["dense"]["query_embedding"]["p50_ms"]
        dense_kind = kinds[-1]
        entry["hybrid_estimate_p50_ms"] = round(
            qe + entry["dense"][dense_kind]["p50_ms"] + entry["sparse"]["bm25s_served_with_tokenize"]["p50_ms"], 3
        )
        t0 = time.perf_counter()
        rrf([list(range(100)), list(range(50, 150))], weights=list(DEFAULT_WEIGHTS.values()))
        entry["fusion_ms"] = round((time.perf_counter() - t0) * 1000, 3)
        report[f"n={n}"] = entry
        print(f"done n={n}", file=sys.stderr)

    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for key, value in report.items():
            print(f"{key}: {json.dumps(value)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
