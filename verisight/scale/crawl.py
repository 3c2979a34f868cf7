"""``verisight crawl --ray``: the frontier partitioned by host across Ray actors, so politeness stays per host.

Each partition is an actor that owns the hosts ``owner(host, n)`` maps to it: it crawls them with the ordinary
crawler (robots.txt, per-host delays and limits), over its own frontier and its own document part-store on disk.
Links to hosts another partition owns are set aside in its frontier; between rounds the driver hands them to
their owners. The crawl ends when a round finds no new URL. The driver then copies the part-stores into the
document store (one writer; ``put`` is idempotent per URL and checks near-duplicates across all partitions).
A partition actor that dies is restarted by Ray and resumes from its frontier on disk: a page is stored before
its URL is marked done, so nothing is lost, and a re-fetched page replaces itself, so nothing is stored twice.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from crawler.crawl import crawl
from crawler.errors import SeedUnreachable
from crawler.frontier import Frontier
from crawler.types import Document
from crawler.urls import hostname, normalize, registrable_domain
from verisight.documents import DocumentStore
from verisight.errors import BadQuery
from verisight.scale.cluster import owner, ray_module

PARTS_DIR = "crawl-ray"
SUMMED = ("fetched", "stored", "duplicates", "failed", "skipped", "queued")


@dataclass(frozen=True, slots=True)
class PartitionedCrawl:
    """Totals of a partitioned crawl: the partitions' frontier counts summed, and what reached the store."""

    partitions: int
    rounds: int
    fetched: int
    stored: int
    duplicates: int
    failed: int
    skipped: int
    queued: int
    documents: int
    by_reason: dict[str, int] = field(default_factory=dict)
    hosts_by_partition: list[list[str]] = field(default_factory=list)


class CrawlPartition:
    """What a partition actor runs: the crawl of the hosts it owns."""

    def __init__(self, index: int, partitions: int, folder: str, options: dict[str, Any]) -> None:
        self.index = index
        self.partitions = partitions
        self.frontier_path = Path(folder) / f"frontier-{index:03d}.db"
        self.store_path = Path(folder) / f"documents-{index:03d}.db"
        self.options = options

    def owns(self, host: str) -> bool:
        """True for the hosts of this partition."""
        return owner(host, self.partitions) == self.index

    def add(self, urls: list[tuple[str, int]]) -> int:
        """Queue URLs handed over by other partitions; returns how many were new here."""
        by_depth: dict[int, list[str]] = defaultdict(list)
        for url, depth in urls:
            by_depth[depth].append(url)
        with Frontier(self.frontier_path, owns=self.owns) as frontier:
            return sum(frontier.add(batch, depth) for depth, batch in by_depth.items())

    def run(self, seeds: list[str]) -> dict[str, Any]:
        """Crawl until this partition's frontier is empty; return its summary and the URLs for other partitions."""
        store = DocumentStore(self.store_path)
        unreachable = ""
        try:
            summary = asdict(crawl(seeds, frontier_path=self.frontier_path, sink=store, owns=self.owns, **self.options))
        except SeedUnreachable as exc:  # this partition's seeds failed; the others may still succeed
            unreachable = str(exc)
            summary = {}
        finally:
            store.close()
        with Frontier(self.frontier_path, owns=self.owns) as frontier:
            forwarded = frontier.take_forwarded()
            hosts = frontier.hosts()
        return {"summary": summary, "forwarded": forwarded, "unreachable": unreachable, "hosts": hosts}

    def documents(self, offset: int, limit: int) -> list[tuple[str, bytes]]:
        """A page of this partition's stored documents, in storing order: ``(document as JSON, raw HTML)``."""
        store = DocumentStore(self.store_path)
        try:
            docs = itertools.islice(store.documents(include_duplicates=True), offset, offset + limit)
            return [(json.dumps(asdict(d)), store.raw_html(d.url) or b"") for d in docs]
        finally:
            store.close()


def route(urls: list[tuple[str, int]], partitions: int) -> dict[int, list[tuple[str, int]]]:
    """Group ``(url, depth)`` pairs by the partition that owns each URL's host."""
    out: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for url, depth in urls:
        out[owner(hostname(url), partitions)].append((url, depth))
    return out


def crawl_with_ray(
    seeds: list[str],
    store: DocumentStore,
    data_dir: Path,
    *,
    partitions: int,
    options: dict[str, Any],
    max_rounds: int = 1000,
) -> PartitionedCrawl:
    """Crawl ``seeds`` split by host over ``partitions`` Ray actors, then store every page in ``store``."""
    ray = ray_module()
    if partitions < 1:
        raise BadQuery("--partitions must be at least 1")
    normalized = [u for u in (normalize(s) for s in seeds) if u]
    if not normalized:
        raise BadQuery("no valid seed URL to crawl")
    options = dict(options)
    if options.get("same_site", True):  # every partition keeps to the registrable domains of all the seeds
        options["allow"] = sorted({*options.get("allow", []), *(registrable_domain(hostname(u)) for u in normalized)})
    if options.get("max_pages"):
        options["max_pages"] = math.ceil(options["max_pages"] / partitions)
    folder = data_dir / PARTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    actor = ray.remote(CrawlPartition).options(num_cpus=0, max_restarts=-1, max_task_retries=-1)
    actors = [actor.remote(i, partitions, str(folder), options) for i in range(partitions)]
    pending = {i: [u for u, _ in batch] for i, batch in route([(u, 0) for u in normalized], partitions).items()}
    rounds = 0
    results: dict[int, dict[str, Any]] = {}
    while rounds < max_rounds:
        rounds += 1
        outcome = ray.get([a.run.remote(pending.get(i, [])) for i, a in enumerate(actors)])
        for i, r in enumerate(outcome):
            if r["summary"] or i not in results:
                results[i] = r
        handed = route([tuple(fw) for r in outcome for fw in r["forwarded"]], partitions)
        new = ray.get([actors[i].add.remote(batch) for i, batch in handed.items()]) if handed else []
        pending = {}
        if not sum(new):
            break
    if all(r["unreachable"] for r in results.values()):
        raise SeedUnreachable(next(r["unreachable"] for r in results.values()))
    documents = 0
    for a in actors:
        offset = 0
        while page := ray.get(a.documents.remote(offset, 200)):
            for doc_json, raw in page:
                store.put(Document(**json.loads(doc_json)), raw)
            offset += len(page)
        documents += offset
    for a in actors:
        ray.kill(a, no_restart=True)
    totals: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for r in results.values():
        totals.update({k: int(r["summary"].get(k, 0)) for k in SUMMED})
        reasons.update(r["summary"].get("by_reason", {}))
    return PartitionedCrawl(
        partitions=partitions,
        rounds=rounds,
        documents=documents,
        by_reason=dict(sorted(reasons.items())),
        hosts_by_partition=[results[i]["hosts"] for i in range(partitions)],
        **{k: totals[k] for k in SUMMED},
    )
