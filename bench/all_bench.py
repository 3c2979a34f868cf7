"""``verisight bench all``: every stage at 1k, 10k and 100k passages, with baselines, written to docs/benchmarks.md.

Usage: ``python bench/all_bench.py [--sizes 1000 10000 100000] [--embed-sizes 1000] [--extract-sizes 1000 10000]
[--out docs/benchmarks.md] [--json FILE]``

Data: the corpus is synthesised from real text (every sentence of Python's reference docs, ``pydoc_data``), as
``bench/retrieval_bench.py`` does: documents of 8-40 real sentences drawn with a fixed seed, chunked by the engine's
chunker until the size is reached. Pages for extraction wrap such documents in HTML with navigation and footer
boilerplate. The crawl runs the real crawler against the demo corpus served on 127.0.0.1; answer and verify run the
real engine on it (extractive overviews, embedded judge). Dense search at sizes that are not embedded uses real
MiniLM vectors of real passages tiled with small noise (search cost depends on the number of vectors, not their
content). Every figure comes from this run; baselines (rank-bm25, trafilatura alone, one process, today's
embedder settings) run in the same process, interleaved with what they are compared to.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from crawler.extraction import parse_page  # noqa: E402
from crawler.types import Document  # noqa: E402
from retrieval.chunk import chunk_document  # noqa: E402
from retrieval.embed import OnnxMiniLM, usable_cores  # noqa: E402
from retrieval.index import HybridIndex, dense_text  # noqa: E402
from retrieval.sparse import SparseIndex  # noqa: E402
from retrieval.text import split_sentences, tokenize  # noqa: E402

QUERIES_FILE = ROOT / "bench" / "retrieval_queries.jsonl"


# ----------------------------------------------------------------------------------------------- corpus



def _search(index: Any, query: str, *, mode: str) -> Any:
    """Top-10 hits of ``index`` for ``query`` in ``mode`` (a typed stand-in for a lambda)."""
    return index.search(query, 10, mode)

def real_sentences() -> list[str]:
    """Every sentence (over 20 characters) of Python's reference docs."""
    import pydoc_data.topics

    out = []
    for _, text in sorted(pydoc_data.topics.topics.items()):
        out += [" ".join(text[s:e].split()) for s, e in split_sentences(text) if e - s > 20]
    return out


def synth_documents(
    n_passages: int, sentences: list[str], seed: int = 0
) -> tuple[list[Document], list[Any], float]:
    """Documents of 8-40 real sentences (paragraphs of 2-6) until they chunk into ``n_passages`` passages.

    Returns the documents, the passages and the seconds spent chunking (the chunk stage's cost).
    """
    rng = random.Random(seed)
    docs: list[Document] = []
    passages: list[Any] = []
    chunk_s = 0.0
    while len(passages) < n_passages:
        paras = []
        for _ in range(rng.randint(2, 8)):
            paras.append(" ".join(rng.sample(sentences, rng.randint(2, 6))))
        text = "\n\n".join(paras)
        i = len(docs)
        url = f"https://synthetic{i % 97}.example/page/{i}.html"
        doc = Document(
            url=url, final_url=url, canonical_url=None, title=f"Page {i}", site=f"synthetic{i % 97}.example",
            author=None, published=None,
            language="en", text=text, content_hash=hashlib.sha1(text.encode()).hexdigest(),
        )
        docs.append(doc)
        t0 = time.perf_counter()
        passages += chunk_document(doc)
        chunk_s += time.perf_counter() - t0
    return docs, passages[:n_passages], chunk_s


def as_html(doc: Document) -> bytes:
    """``doc`` as a web page: navigation, the article, related links and a footer."""
    nav = "".join(f'<li><a href="/section/{k}.html">Section {k}</a></li>' for k in range(12))
    body = "".join(f"<p>{p}</p>" for p in doc.text.split("\n\n"))
    html = (
        f"<!doctype html><html lang=en><head><title>{doc.title}</title></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{doc.title}</h1>{body}</article></main>"
        f"<aside><h2>Related</h2><ul>{nav}</ul></aside><footer><p>Copyright 2026. All rights reserved.</p>"
        f"<p>Contact us - Privacy - Terms</p></footer></body></html>"
    )
    return html.encode()


# ----------------------------------------------------------------------------------------------- timing


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds taken by ``fn()`` and its result."""
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def latency(fn: Callable[[str], Any], queries: list[str]) -> dict[str, float]:
    """p50/p95 milliseconds of ``fn`` over ``queries`` (after one warm-up call)."""
    fn(queries[0])
    ms = []
    for q in queries:
        t0 = time.perf_counter()
        fn(q)
        ms.append((time.perf_counter() - t0) * 1000)
    return {"p50_ms": round(float(np.percentile(ms, 50)), 3), "p95_ms": round(float(np.percentile(ms, 95)), 3)}


# ----------------------------------------------------------------------------------------------- stages


def bench_crawl_and_answer() -> dict[str, Any]:
    """Crawl the demo corpus on 127.0.0.1 with the real crawler, index it, and time warm answers on it."""
    from crawler.crawl import crawl
    from verisight.bench import bench_answer
    from verisight.demo.server import DemoServer
    from verisight.demo.server import load_manifest as demo_manifest
    from verisight.engine import Engine
    from verisight.settings import load_settings

    manifest = demo_manifest()
    server = DemoServer()
    server.start()
    out: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            settings = load_settings(tmp, environ={}, config_file=Path(tmp) / "none.toml", synth_mode="extractive")
            engine = Engine(settings)
            seconds, summary = timed(lambda: crawl(
                list(manifest["seeds"]), frontier_path=Path(tmp) / "frontier.db", sink=engine.documents,
                resolve=server.resolve_map(), same_site=False, allow=list(manifest["hosts"]), concurrency=8, delay=0.0,
                per_host=4,
            ))
            out["crawl"] = {"pages": summary.stored, "seconds": round(seconds, 2),
                            "pages_per_s": round(summary.stored / seconds, 2), "hosts": len(manifest["hosts"])}
            raws = [engine.documents.raw_html(u) or b"" for u in engine.documents.urls()]
            out["crawl"]["trafilatura_alone_pages_per_s"] = round(len(raws) / _trafilatura_seconds(raws), 2)
            t_index, upd = timed(engine.update_index)
            out["demo_index"] = {"passages": upd.passages, "seconds": round(t_index, 2)}
            answers = bench_answer(engine, n=5)
            out["answer"] = {k: answers[k] for k in ("mode", "queries", "cold_first_answer_ms", "p50_ms", "p95_ms")}
            engine.close()
    finally:
        server.stop()
    return out


def _trafilatura_seconds(pages: list[bytes]) -> float:
    """Seconds trafilatura alone takes to extract ``pages`` (main text and metadata)."""
    import trafilatura

    t0 = time.perf_counter()
    for html in pages:
        trafilatura.extract(html, with_metadata=True)
    return time.perf_counter() - t0


def bench_extract(docs: list[Document]) -> dict[str, Any]:
    """Our extraction (decode, parse, links, trafilatura, metadata) against trafilatura alone, interleaved."""
    pages = [as_html(d) for d in docs]
    ours: list[float] = []
    theirs: list[float] = []
    half = max(1, len(pages) // 2)
    for part in (pages[:half], pages[half:]):  # interleaved halves: a busy neighbour slows both alike
        t0 = time.perf_counter()
        for i, html in enumerate(part):
            parse_page(html, f"https://synthetic.example/{i}.html")
        ours.append(time.perf_counter() - t0)
        theirs.append(_trafilatura_seconds(part))
    return {"pages": len(pages), "seconds": round(sum(ours), 2), "pages_per_s": round(len(pages) / sum(ours), 1),
            "trafilatura_alone_pages_per_s": round(len(pages) / sum(theirs), 1)}


def chunk_figures(docs: list[Document], passages: list[Any], seconds: float) -> dict[str, Any]:
    """The chunk stage's figures (its time is measured while the corpus is built)."""
    return {"documents": len(docs), "passages": len(passages), "seconds": round(seconds, 2),
            "passages_per_s": round(len(passages) / seconds, 1)}


def bench_embed(texts: list[str]) -> dict[str, Any]:
    """Today's embedder settings (one core, batches of 8) against every core with length buckets, interleaved."""
    base = OnnxMiniLM(cache_size=0, workers=1, batch_size=8, batch_tokens=8 * 256)
    new = OnnxMiniLM(cache_size=0)
    for e in (base, new):
        e.embed(texts[:8])
    half = len(texts) // 2
    times = {"base": 0.0, "new": 0.0}
    vecs: dict[str, list[np.ndarray]] = {"base": [], "new": []}
    for part in (texts[:half], texts[half:]):
        for name, e in (("base", base), ("new", new)):
            t0 = time.perf_counter()
            vecs[name].append(e.embed(part))
            times[name] += time.perf_counter() - t0
    cos = np.sum(np.concatenate(vecs["base"]) * np.concatenate(vecs["new"]), axis=1)
    return {
        "passages": len(texts),
        "single_core_passages_per_s": round(len(texts) / times["base"], 1),
        "all_cores_passages_per_s": round(len(texts) / times["new"], 1),
        "cores": new.workers,
        "min_cosine": round(float(cos.min()), 5),
    }


def bench_index_and_query(passages: list[Any], base_vectors: np.ndarray, queries: list[str], embedder: OnnxMiniLM,
                          rank_bm25_queries: int) -> dict[str, Any]:
    """Build a real hybrid index over ``passages`` (tiled real vectors), time its queries, and rank-bm25's."""
    from rank_bm25 import BM25Okapi

    n = len(passages)
    rng = np.random.default_rng(0)
    reps = -(-n // len(base_vectors))
    vectors = np.tile(base_vectors, (reps, 1))[:n] + 0.02 * rng.normal(size=(n, base_vectors.shape[1]))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        index = HybridIndex(Path(tmp) / "ix", embedder)
        docs = {p.doc_url: p.doc_hash for p in passages}
        seconds, _ = timed(lambda: index.replace_with(passages, vectors, docs))
        version = Path(tmp) / "ix" / index.manifest["version"]
        sizes = {k: sum(f.stat().st_size for f in (version / k).rglob("*") if f.is_file()) for k in ("sparse", "dense")}
        sizes["passages"] = (version / "passages.jsonl").stat().st_size
        sizes["vectors"] = (version / "vectors.npy").stat().st_size
        out["index_build"] = {"seconds": round(seconds, 2), "dense_kind": index._require().dense.built_kind,
                              "bytes_per_passage": {k: round(v / n, 1) for k, v in sizes.items()}}
        for mode in ("bm25", "dense", "hybrid"):
            out[f"query_{mode}"] = latency(partial(_search, index, mode=mode), queries)
    corpus = [tokenize(p.text) for p in passages]
    ours = SparseIndex(k1=1.5, b=0.75, method="robertson")
    ours.build(corpus)
    t_ref, reference = timed(lambda: BM25Okapi(corpus, k1=1.5, b=0.75, epsilon=0.0))
    qtok = [tokenize(q) for q in queries[:rank_bm25_queries]]
    ours_lat = latency(lambda q: ours.search(tokenize(q), 10), queries[:rank_bm25_queries])
    ref_lat = latency(lambda q: np.argsort(-reference.get_scores(tokenize(q)))[:10], queries[:rank_bm25_queries])
    overlap = [len(set(ours.search(q, 10)[0].tolist()) & set(np.argsort(-reference.get_scores(q))[:10].tolist())) / 10
               for q in qtok]
    out["rank_bm25"] = {"build_s": round(t_ref, 2), **ref_lat, "bm25s_same_formula": ours_lat,
                        "speedup_p50": round(ref_lat["p50_ms"] / max(ours_lat["p50_ms"], 1e-9), 1),
                        "top10_overlap": round(float(np.mean(overlap)), 3), "queries": len(qtok)}
    return out


def bench_ray(docs: list[Document], queries: list[str], embedder: OnnxMiniLM) -> dict[str, Any]:
    """One process against Ray with 2 workers: the same index build, and the same queries over 2 shards."""
    try:
        import ray.data
    except ImportError:
        return {"skipped": "Ray is not installed (pip install 'verisight[ray]')"}
    from verisight.scale.cluster import connect
    from verisight.scale.pipeline import build_shards, embedder_factory, live_shards
    from verisight.scale.shards import ShardedIndex

    out: dict[str, Any] = {}
    t_start, ray = timed(lambda: connect(None, num_cpus=2))
    ray.data.DataContext.get_current().enable_progress_bars = False
    out["cluster_start_s"] = round(t_start, 2)
    with tempfile.TemporaryDirectory() as tmp:
        single = HybridIndex(Path(tmp) / "single", OnnxMiniLM(cache_size=0, workers=1))
        t_single, upd = timed(lambda: single.update(docs))
        t_ray, built = timed(lambda: build_shards(docs, Path(tmp) / "shards", shards=2, workers=2,
                                                  factory=embedder_factory()))
        out["index_build"] = {"passages": upd.passages, "single_process_s": round(t_single, 2),
                              "ray_2_workers_s": round(t_ray, 2), "ray_passages": built.passages}
        sharded = ShardedIndex(live_shards(Path(tmp) / "shards"), embedder, embedder_factory())
        try:
            for mode in ("bm25", "hybrid"):
                out[f"query_{mode}"] = {
                    "single_process": latency(partial(_search, single, mode=mode), queries),
                    "ray_2_shards": latency(partial(_search, sharded, mode=mode), queries),
                }
            same = [[h.passage.id for h in single.search(q, 10)] == [h.passage.id for h in sharded.search(q, 10)]
                    for q in queries]
            out["same_top10_share"] = round(sum(same) / len(same), 3)
        finally:
            sharded.close()
    ray.shutdown()
    return out


# ----------------------------------------------------------------------------------------------- report


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Measure everything; return the figures."""
    queries = [json.loads(line)["q"] for line in QUERIES_FILE.read_text().splitlines() if line.strip()][: args.queries]
    sentences = real_sentences()
    embedder = OnnxMiniLM(cache_size=0)
    result: dict[str, Any] = {
        "machine": {"cores": usable_cores(), "cpu": platform.processor() or platform.machine(),
                    "python": platform.python_version(), "note": "shared with other developers while measured"},
        "sizes": {},
    }
    print("embedding configurations ...", file=sys.stderr)
    from embed_bench import run as embed_configs

    detail = embed_configs(args.embed_n, args.embed_rounds)
    result["embed_detail"] = detail
    for key in ("mean_wordpieces", "gops_per_core", "ceiling_passages_per_s"):
        result[key] = detail[key]
    result["ops_per_passage"] = detail["ops_per_passage_g"]
    print("crawl, answer ...", file=sys.stderr)
    result["demo"] = bench_crawl_and_answer()
    _, base_passages, _ = synth_documents(512, sentences, seed=1)
    base_vectors = embedder.embed([dense_text(p) for p in base_passages[:512]])
    for n in args.sizes:
        print(f"size {n} ...", file=sys.stderr)
        docs, passages, chunk_s = synth_documents(n, sentences)
        entry: dict[str, Any] = {"documents": len(docs), "passages": len(passages)}
        if n in args.extract_sizes:
            entry["extract"] = bench_extract(docs)
        entry["chunk"] = chunk_figures(docs, passages, chunk_s)
        if n in args.embed_sizes:
            entry["embed"] = bench_embed([dense_text(p) for p in passages])
        entry.update(bench_index_and_query(passages, base_vectors, queries, embedder,
                                           args.rank_bm25_queries if n < 100_000 else min(10, args.rank_bm25_queries)))
        result["sizes"][n] = entry
    print("ray ...", file=sys.stderr)
    ray_docs, _, _ = synth_documents(args.ray_size, sentences, seed=2)
    result["ray"] = bench_ray(ray_docs, queries, embedder)
    return result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, write the report (and the raw figures as JSON when asked)."""
    from bench_report import render

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--embed-sizes", type=int, nargs="*", default=[1000])
    ap.add_argument("--extract-sizes", type=int, nargs="*", default=[1000, 10_000])
    ap.add_argument("--ray-size", type=int, default=300, help="passages of the single-process vs Ray comparison")
    ap.add_argument("--embed-n", type=int, default=128, help="real passages per embedder configuration")
    ap.add_argument("--embed-rounds", type=int, default=3)
    ap.add_argument("--queries", type=int, default=54)
    ap.add_argument("--rank-bm25-queries", type=int, default=20)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "benchmarks.json",
                    help="where the raw figures go (the report is rendered from them; a test checks it)")
    ap.add_argument("--from-json", type=Path, default=None, help="render the report from saved figures only")
    ap.add_argument("--only-embed-configs", action="store_true",
                    help="re-measure only the embedder configurations; keep the other figures of --json")
    args = ap.parse_args(argv)
    if args.only_embed_configs:
        from embed_bench import run as embed_configs

        result = json.loads(args.json.read_text())
        result["sizes"] = {int(k): v for k, v in result["sizes"].items()}
        detail = embed_configs(args.embed_n, args.embed_rounds)
        result["embed_detail"] = {**detail, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
        for key in ("mean_wordpieces", "gops_per_core", "ceiling_passages_per_s"):
            result[key] = detail[key]
        result["ops_per_passage"] = detail["ops_per_passage_g"]
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    elif args.from_json:
        result = json.loads(args.from_json.read_text())
        result["sizes"] = {int(k): v for k, v in result["sizes"].items()}
    else:
        started = time.perf_counter()
        result = run(args)
        result["seconds"] = round(time.perf_counter() - started, 1)
        result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    if not args.from_json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    args.out.write_text(render(result))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
