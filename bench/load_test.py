"""Bounded load test of `verisight serve` on 127.0.0.1: many search clients and a few full answers at once.

Usage: python bench/load_test.py DATA_DIR [--seconds 60] [--search-clients 50] [--answer-clients 5]
DATA_DIR must hold an indexed corpus (e.g. `verisight demo --check --data DATA_DIR`). The server runs with the
rate limit off (we measure the server, not the limiter) and the default model queue; the only errors allowed are
the documented 429/503 with Retry-After. Prints per-route p50/p95, status counts and the server's memory
(resident set) at start and end. Traffic goes only to 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

QUERIES = [
    "How long should you cool a burn under running water?", "How much water should an adult drink each day?",
    "How do I keep cheese from sliding off my pizza?", "How do I sort a list in Python?",
    "Does sunlight give you vitamin D?", "How long should I boil an egg?", "How do I feed a sourdough starter?",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    """Start the server, drive it for ``--seconds``, print the figures as JSON; exit 1 on undocumented errors."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--search-clients", type=int, default=50)
    parser.add_argument("--answer-clients", type=int, default=5)
    args = parser.parse_args()
    port = _free_port()
    env = {**os.environ, "VERISIGHT_HOME": str(args.data), "VERISIGHT_RATE_LIMIT_PER_MINUTE": "0",
           "VERISIGHT_THREADS": "16"}
    server = subprocess.Popen(
        [sys.executable, "-c", "import sys; from verisight.cli import main; sys.exit(main())", "serve",
         "--port", str(port)], env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        httpx.post(f"{base}/api/answer", json={"query": QUERIES[0]}, timeout=120)  # warm the models
        rss_start = _rss_kb(server.pid)
        stop = time.monotonic() + args.seconds
        lock = threading.Lock()
        latencies: dict[str, list[float]] = {"search": [], "answer": []}
        statuses: Counter[str] = Counter()
        bad: list[str] = []

        def client(route: str, n: int) -> None:
            with httpx.Client(base_url=base, timeout=60) as http:
                i = n
                while time.monotonic() < stop:
                    query = QUERIES[i % len(QUERIES)]
                    i += 1
                    t0 = time.perf_counter()
                    try:
                        if route == "search":
                            r = http.get("/api/search", params={"q": query, "k": 10})
                        else:
                            r = http.post("/api/answer", json={"query": query})
                    except httpx.HTTPError as exc:
                        with lock:
                            bad.append(f"{route}: {type(exc).__name__}")
                        continue
                    ms = (time.perf_counter() - t0) * 1000
                    with lock:
                        statuses[f"{route} {r.status_code}"] += 1
                        if r.status_code == 200:
                            latencies[route].append(ms)
                        elif r.status_code in (429, 503) and "retry-after" in r.headers:
                            time.sleep(min(float(r.headers["retry-after"]), 1.0))
                        else:
                            bad.append(f"{route}: {r.status_code}")

        threads = [threading.Thread(target=client, args=("search", n)) for n in range(args.search_clients)]
        threads += [threading.Thread(target=client, args=("answer", n)) for n in range(args.answer_clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        rss_end = _rss_kb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)

    def pct(values: list[float], q: float) -> float:
        return round(sorted(values)[min(len(values) - 1, int(q * len(values)))], 1) if values else 0.0

    report = {
        "seconds": args.seconds,
        "clients": {"search": args.search_clients, "answer": args.answer_clients},
        "statuses": dict(statuses),
        "undocumented_errors": len(bad),
        "examples": bad[:5],
        "search_ms": {"p50": pct(latencies["search"], 0.5), "p95": pct(latencies["search"], 0.95),
                      "per_s": round(len(latencies["search"]) / args.seconds, 1)},
        "answer_ms": {"p50": pct(latencies["answer"], 0.5), "p95": pct(latencies["answer"], 0.95),
                      "per_s": round(len(latencies["answer"]) / args.seconds, 1)},
        "server_rss_mb": {"start": round(rss_start / 1024, 1), "end": round(rss_end / 1024, 1)},
    }
    print(json.dumps(report, indent=2))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
