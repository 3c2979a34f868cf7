"""bm25s (what we serve) against Tantivy for BM25: build time, incremental add, query latency, top-10 overlap.

Tantivy is not a dependency; run in a venv that has it: ``pip install tantivy==0.27.0``, then
``PYTHONPATH=. python bench/bm25_engines.py [--n 100000] [--queries 54]``. Both engines get the same pre-tokenised
text (our tokeniser: lowercase, stop words, stemming), so the comparison is of engines, not of analysers.
"""

from __future__ import annotations

import argparse
import json
import runpy
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from retrieval.evaluate import load_queries  # noqa: E402
from retrieval.sparse import SparseIndex  # noqa: E402
from retrieval.text import tokenize  # noqa: E402


def _ms(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50_ms": round(statistics.median(ordered), 3), "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 3)}


def main() -> int:
    """Build both engines on the same passages and time the same queries."""
    import tantivy

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=54)
    args = parser.parse_args()
    bench = runpy.run_path(str(ROOT / "bench" / "retrieval_bench.py"))
    texts = bench["synth_passages"](args.n)
    tokens = [tokenize(t) for t in texts]
    queries = [tokenize(q["q"]) for q in load_queries(ROOT / "bench" / "retrieval_queries.jsonl")][: args.queries]
    queries = [q for q in queries if q]
    out: dict[str, dict[str, float]] = {}

    t0 = time.perf_counter()
    ours = SparseIndex()
    ours.build(tokens)
    out["bm25s"] = {"build_s": round(time.perf_counter() - t0, 2)}
    times, ours_top = [], []
    for q in queries:
        t0 = time.perf_counter()
        ids, _scores = ours.search(q, 10)
        ours_top.append([int(i) for i in ids])
        times.append((time.perf_counter() - t0) * 1000)
    out["bm25s"] |= _ms(times)

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True)
    builder.add_text_field("body", stored=False, tokenizer_name="whitespace")
    schema = builder.build()
    folder = tempfile.mkdtemp()
    index = tantivy.Index(schema, path=folder)
    t0 = time.perf_counter()
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for i, toks in enumerate(tokens):
        writer.add_document(tantivy.Document(id=i, body=" ".join(toks)))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    out["tantivy"] = {"build_s": round(time.perf_counter() - t0, 2)}
    t0 = time.perf_counter()
    writer = index.writer(heap_size=50_000_000, num_threads=1)
    writer.add_document(tantivy.Document(id=len(tokens), body=" ".join(tokens[0])))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    out["tantivy"]["add_one_doc_s"] = round(time.perf_counter() - t0, 3)
    searcher = index.searcher()
    times, overlap = [], []
    for q, mine in zip(queries, ours_top, strict=True):
        query = index.parse_query(" ".join(dict.fromkeys(q)), ["body"])
        t0 = time.perf_counter()
        hits = searcher.search(query, 10).hits
        times.append((time.perf_counter() - t0) * 1000)
        theirs = [searcher.doc(addr)["id"][0] for _, addr in hits]
        overlap.append(len(set(theirs) & set(mine)) / 10)
    out["tantivy"] |= _ms(times)
    out["tantivy"]["top10_overlap_with_bm25s"] = round(statistics.fmean(overlap), 3)
    print(json.dumps({"passages": len(texts), "queries": len(queries), **out}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
