"""Renders the figures of ``bench/all_bench.py`` as docs/benchmarks.md, with the 1B-page projection worked out."""

from __future__ import annotations

import itertools
import math
from typing import Any

# Published or fixed inputs of the projection (each is shown, with its source, in the report).
VECTOR_DIM = 384  # all-MiniLM-L6-v2
GPU_PEAK_FLOPS = 312e12  # NVIDIA A100 dense FP16/BF16 tensor peak (NVIDIA A100 datasheet)
GPU_UTILISATION = 0.25  # assumed: encoder inference at small batches rarely passes a quarter of peak
SHARD_RAM_BYTES = 64 * 2**30  # one shard fits a 64 GiB slice of a machine's memory
MACHINE_RAM_BYTES = 256 * 2**30  # a 256 GiB serving machine; 75% for shards, the rest for the OS and caches
PAGES = 10**9


def _fmt(x: float | None, digits: int = 1) -> str:
    """A number for a table cell ('-' when missing)."""
    if x is None:
        return "-"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def _growth(values: list[float | None]) -> str:
    """How a cost grows from one size to the next, e.g. 'x9.8, x10.4'."""
    parts = []
    for a, b in itertools.pairwise(values):
        parts.append(f"x{b / a:.1f}" if a and b else "-")
    return ", ".join(parts) or "-"


def _bytes(n: float) -> str:
    """A byte count in the largest fitting binary unit."""
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if abs(n) < 1024 or unit == "PiB":
            return f"{n:,.1f} {unit}"
        n /= 1024
    return f"{n:,.1f} PiB"


def stage_table(r: dict[str, Any]) -> list[str]:
    """Per-stage cost at each size, the baselines beside them, and the growth factor."""
    sizes = sorted(r["sizes"])
    s = r["sizes"]
    head = "| stage | " + " | ".join(f"{n:,} passages" for n in sizes) + " | growth per x10 |"
    lines = [head, "|---" * (len(sizes) + 2) + "|"]

    def row(name: str, values: list[float | None], unit: str, digits: int = 1) -> None:
        cells = [f"{_fmt(v, digits)} {unit}" if v is not None else "not measured" for v in values]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {_growth(values)} |")

    row("extract: our parse_page, s", [s[n].get("extract", {}).get("seconds") for n in sizes], "s", 2)
    row("extract: pages/s (ours)", [s[n].get("extract", {}).get("pages_per_s") for n in sizes], "")
    row("extract: pages/s (trafilatura alone)",
        [s[n].get("extract", {}).get("trafilatura_alone_pages_per_s") for n in sizes], "")
    row("chunk, s", [s[n]["chunk"]["seconds"] for n in sizes], "s", 2)
    row("embed: passages/s, one core (before)", [s[n].get("embed", {}).get("single_core_passages_per_s")
                                                  for n in sizes], "")
    row("embed: passages/s, every core (after)", [s[n].get("embed", {}).get("all_cores_passages_per_s")
                                                   for n in sizes], "")
    embed_rate = next((s[n]["embed"]["all_cores_passages_per_s"] for n in sizes if "embed" in s[n]), None)
    if embed_rate:
        row("embed, s (measured, else n / measured rate)",
            [round(n / embed_rate, 1) for n in sizes], "s")
    row("index build (BM25 + FAISS + files), s", [s[n]["index_build"]["seconds"] for n in sizes], "s", 2)
    row("BM25 query p50 (bm25s, served)", [s[n]["query_bm25"]["p50_ms"] for n in sizes], "ms", 2)
    row("BM25 query p50, same formula (bm25s)", [s[n]["rank_bm25"]["bm25s_same_formula"]["p50_ms"] for n in sizes],
        "ms", 2)
    row("BM25 query p50 (rank-bm25 baseline)", [s[n]["rank_bm25"]["p50_ms"] for n in sizes], "ms", 2)
    row("rank-bm25 / bm25s speed-up", [s[n]["rank_bm25"]["speedup_p50"] for n in sizes], "x")
    row("top-10 overlap with rank-bm25", [s[n]["rank_bm25"]["top10_overlap"] for n in sizes], "", 2)
    row("dense query p50 (query embedding included)", [s[n]["query_dense"]["p50_ms"] for n in sizes], "ms", 2)
    row("hybrid query p50", [s[n]["query_hybrid"]["p50_ms"] for n in sizes], "ms", 2)
    row("hybrid query p95", [s[n]["query_hybrid"]["p95_ms"] for n in sizes], "ms", 2)
    lines.append("")
    kinds = ", ".join(f"{n:,}: {s[n]['index_build']['dense_kind']}" for n in sizes)
    lines.append(f"Dense index type by size: {kinds} (exact search below 50,000 vectors, HNSW above).")
    return lines


def projection(r: dict[str, Any]) -> list[str]:
    """The 1B-page projection, each figure with its arithmetic."""
    sizes = sorted(r["sizes"])
    big = r["sizes"][sizes[-1]]
    per = big["index_build"]["bytes_per_passage"]
    demo = r["demo"]
    docs_per_passage = big["documents"] / big["passages"]
    passages_per_page = 1 / docs_per_passage
    passages = PAGES * passages_per_page
    vec_b = VECTOR_DIM * 4
    dense_b = per["dense"]
    graph_b = max(dense_b - vec_b, 0.0) if big["index_build"]["dense_kind"] == "hnsw" else 2 * 32 * 4
    bm25_b = per["sparse"]
    text_b = per["passages"]
    total_b = vec_b + graph_b + bm25_b + text_b
    shard_passages = SHARD_RAM_BYTES / total_b
    shards = math.ceil(passages / shard_passages)
    shards_per_machine = max(1, int(MACHINE_RAM_BYTES * 0.75 // SHARD_RAM_BYTES))
    machines = math.ceil(shards / shards_per_machine)
    embed = next((r["sizes"][n]["embed"] for n in sizes if "embed" in r["sizes"][n]), None)
    ops = r.get("ops_per_passage")
    lines = [
        f"Inputs from this run: {passages_per_page:.2f} passages per page (the synthetic corpus at "
        f"{sizes[-1]:,} passages: {big['documents']:,} documents), bytes per passage measured on the "
        f"{sizes[-1]:,}-passage index: BM25 {bm25_b:,.0f}, passage text and metadata {text_b:,.0f}, "
        f"dense files {dense_b:,.0f}.",
        "",
        "| figure | arithmetic | result |",
        "|---|---|---|",
        f"| passages | 1e9 pages x {passages_per_page:.2f} passages/page | {passages:,.3g} |",
        f"| vectors | {VECTOR_DIM} dims x 4 bytes | {vec_b:,} B/passage -> {_bytes(passages * vec_b)} |",
        f"| HNSW graph (M=32) | dense file {dense_b:,.0f} B - vector {vec_b:,} B | {graph_b:,.0f} B/passage -> "
        f"{_bytes(passages * graph_b)} |",
        f"| BM25 (bm25s postings) | measured | {bm25_b:,.0f} B/passage -> {_bytes(passages * bm25_b)} |",
        f"| passage text + metadata | measured | {text_b:,.0f} B/passage -> {_bytes(passages * text_b)} |",
        f"| memory per passage | {vec_b:,} + {graph_b:,.0f} + {bm25_b:,.0f} + {text_b:,.0f} | {total_b:,.0f} B |",
        f"| passages per shard | 64 GiB / {total_b:,.0f} B | {shard_passages:,.3g} |",
        f"| shards | {passages:,.3g} / {shard_passages:,.3g} | {shards:,} |",
        f"| machines (256 GiB, 75% for shards, one copy) | {shards:,} shards / {shards_per_machine} per machine | "
        f"{machines:,} (x2 for a replica of each shard: {2 * machines:,}) |",
    ]
    if embed and ops:
        per_core = embed["single_core_passages_per_s"]
        cpu_core_h = passages / per_core / 3600
        gpu_rate = GPU_PEAK_FLOPS * GPU_UTILISATION / (ops * 1e9)
        gpu_h = passages / gpu_rate / 3600
        lines += [
            f"| embedding, CPU | {passages:,.3g} / {per_core} passages/s per core (measured) / 3600 | "
            f"{cpu_core_h:,.3g} core-hours |",
            f"| MiniLM operations per passage | 2 x multiply-adds at {r['mean_wordpieces']:.0f} wordpieces "
            f"(see the embedding section) | {ops:.2f} GFLOP |",
            f"| embedding, GPU rate | 312 TFLOPS (A100 FP16 peak, published) x {GPU_UTILISATION:.0%} assumed "
            f"utilisation / {ops:.2f} GFLOP | {gpu_rate:,.0f} passages/s per GPU |",
            f"| embedding, GPU-hours | {passages:,.3g} / {gpu_rate:,.0f} / 3600 | {gpu_h:,.0f} GPU-hours |",
        ]
    one = big["query_hybrid"]
    p50, p95 = one["p50_ms"], one["p95_ms"]
    miss = 1 - 0.95**shards
    lines += [
        f"| query fan-out | every query goes to all {shards:,} shards (scatter), top-100 per list back (gather) | "
        f"{shards:,} calls/query |",
        f"| tail latency | a query waits for its slowest shard: P(some shard is past its p95) = 1 - 0.95^{shards} "
        f"| {miss:.0%} of queries; so the fan-out's median is near one shard's p95 |",
        f"| one shard's latency | measured at {sizes[-1]:,} passages: hybrid p50 {p50:.1f} ms, p95 {p95:.1f} ms; a "
        f"{shard_passages:,.3g}-passage shard's BM25 part grows with its postings (see the growth column) | "
        "measure on a real shard before sizing |",
        "",
        "Not covered by the figures above: the crawl itself (at the demo corpus's measured rate, "
        f"{demo['crawl']['pages_per_s']} pages/s per crawler process with zero politeness delay, 1e9 pages take "
        f"{PAGES / demo['crawl']['pages_per_s'] / 3600:,.0f} process-hours; politeness, not CPU, bounds a real "
        "crawl per host), and answer/verify, which runs on the k retrieved passages only and does not grow with "
        "the corpus.",
    ]
    return lines


def render(r: dict[str, Any]) -> str:
    """docs/benchmarks.md from the figures ``r``."""
    m = r["machine"]
    demo = r["demo"]
    ray = r.get("ray", {})
    lines = [
        "# Benchmarks",
        "",
        "Generated by `verisight bench all` (`bench/all_bench.py`, rendered by `bench/bench_report.py`); do not "
        "edit by hand. Re-run the command to refresh it.",
        "",
        f"Measured {r.get('date', '')} on {m['cores']} cores ({m['cpu']}, Python {m['python']}) in "
        f"{r.get('seconds', 0):.0f} s. The machine was {m['note']}, so speeds are noisy: each baseline ran in the "
        "same process as what it is compared with, interleaved, and only ratios within this run should be read.",
        "",
        "Data: a synthetic corpus of documents made of real sentences from Python's reference documentation "
        "(`pydoc_data`), cut into passages by the engine's chunker; pages for extraction wrap those documents in "
        "HTML with navigation and footer boilerplate. The crawl and the answers use the bundled demo corpus served "
        "on 127.0.0.1. Dense search at sizes that were not embedded uses real MiniLM vectors of real passages, "
        "tiled with small noise: search cost depends on how many vectors there are, not on what they say.",
        "",
        "## Stages by corpus size",
        "",
        *stage_table(r),
        "",
        "Not measured at every size, and why: embedding runs at about the rate in the table on this 2-core machine, "
        "so 100k passages would take over an hour; the embed row marked 'n / measured rate' is arithmetic, not a "
        "measurement. Extraction was measured where the table has figures; it costs the same per page at any size.",
        "",
        "## Crawl, answer and verify (demo corpus)",
        "",
        "| stage | figure | baseline in the same run |",
        "|---|---|---|",
        f"| crawl ({demo['crawl']['hosts']} hosts on 127.0.0.1, no politeness delay) | "
        f"{demo['crawl']['pages']} pages in {demo['crawl']['seconds']} s = {demo['crawl']['pages_per_s']} pages/s | "
        f"trafilatura alone on the same pages: {demo['crawl']['trafilatura_alone_pages_per_s']} pages/s |",
        f"| index the crawled corpus | {demo['demo_index']['passages']} passages in {demo['demo_index']['seconds']} s"
        " | - |",
        f"| answer + verify ({demo['answer']['mode']}, warm, {demo['answer']['queries']} queries) | p50 total "
        f"{demo['answer']['p50_ms'].get('total', 0):.0f} ms (retrieve {demo['answer']['p50_ms'].get('retrieve', 0):.0f}"
        f", verify {demo['answer']['p50_ms'].get('verify', 0):.0f}); p95 total "
        f"{demo['answer']['p95_ms'].get('total', 0):.0f} ms | cold first answer "
        f"{demo['answer']['cold_first_answer_ms']:.0f} ms |",
        "",
        "## Embedding: what limits it",
        "",
    ]
    if "ops_per_passage" in r:
        lines += [
            f"MiniLM-L6 (6 layers, 384 hidden, 1,536 feed-forward) costs 2 x 6 x t x (4 x 384^2 + 2 x 384 x 1536) "
            f"+ 2 x 6 x 2 x t^2 x 384 operations for t wordpieces: {r['ops_per_passage']:.2f} GFLOP at this "
            f"corpus's mean of {r['mean_wordpieces']:.0f} wordpieces. The one-core rate measured in this run gives "
            f"{r['gops_per_core']:.0f} GOP/s per core, and every core at that rate "
            f"{r['ceiling_passages_per_s']:.0f} passages/s; on a shared machine both are lower bounds. "
            f"The goal of 100 passages/s needs 100 x {r['ops_per_passage']:.2f} = {100 * r['ops_per_passage']:.0f} "
            f"GOP/s, {100 * r['ops_per_passage'] / m['cores']:.0f} per core, "
            f"{100 * r['ops_per_passage'] / m['cores'] / max(r['gops_per_core'], 1e-9):.1f} x what one core "
            "delivered here. The packaged model stores its weights as int8 but computes in float32 (onnxruntime "
            "turns the weights back into floats when it loads the file), and an AVX2 core issues at most two "
            "8-wide float multiply-adds per cycle (32 operations, about 96 GFLOP/s at 3 GHz). Integer arithmetic "
            "would be 1.7x faster per core but moves the vectors (minimum cosine 0.98 with every product in int8, "
            "0.99 with one group of them; `bench/embed_int8_compute.py`), so more cores, a GPU, or fewer wordpieces "
            "per passage move the rate; batching and threading alone cannot pass the cores' count times the "
            "one-core rate.",
            "",
        ]
    if "embed_detail" in r:
        d = r["embed_detail"]
        when = f", re-measured {d['date']}" if "date" in d else ""
        lines += [f"Embedder configurations on {d['passages']} real passages of the Python docs, {d['rounds']} "
                  f"rounds, each round running every configuration in turn{when}."]
        if "available_cores_each_round" in d:
            lines[-1] += (f" Cores' worth of CPU this process got at the start of each round (a fixed loop run alone "
                          f"against {d['cores']} copies at once; {d['cores']} means nothing else was running): "
                          f"{d['available_cores_each_round']}.")
        lines += [""]
        lines += ["| configuration | passages/s (median of rounds) | each round | speed-up | min cosine |",
                  "|---|---|---|---|---|"]
        for name, fig in r["embed_detail"]["configs"].items():
            lines.append(f"| {name} | {fig['passages_per_s']} | {fig['passages_per_s_each_round']} | "
                         f"x{fig['speedup']} | {fig['min_cosine_to_baseline']} |")
        lines.append("")
    lines += ["## One process against Ray with 2 workers", ""]
    if "skipped" in ray:
        lines.append(f"Skipped: {ray['skipped']}.")
    elif ray:
        ib = ray["index_build"]
        lines += [
            "| what | one process | Ray, 2 workers / 2 shards |",
            "|---|---|---|",
            f"| build the index ({ib['passages']} passages: chunk, embed, write) | {ib['single_process_s']} s | "
            f"{ib['ray_2_workers_s']} s (cluster start {ray['cluster_start_s']} s, not included) |",
        ]
        for mode in ("bm25", "hybrid"):
            q = ray[f"query_{mode}"]
            lines.append(f"| {mode} query p50 / p95 | {q['single_process']['p50_ms']:.1f} / "
                         f"{q['single_process']['p95_ms']:.1f} ms | {q['ray_2_shards']['p50_ms']:.1f} / "
                         f"{q['ray_2_shards']['p95_ms']:.1f} ms |")
        lines += [
            f"| same top-10 as one process | - | {ray['same_top10_share']:.0%} of queries |",
            "",
            "On one 2-core machine Ray adds scheduling and serialisation and has no extra cores to use: it pays off "
            "when the workers are on more machines than one.",
        ]
    lines += ["", "## Projection to 1 billion pages (on paper)", "", *projection(r), ""]
    return "\n".join(lines)
