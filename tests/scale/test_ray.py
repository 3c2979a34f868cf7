"""The Ray paths on a real local Ray cluster, against the single-machine paths on the demo corpus."""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from retrieval.embed import Embedder, OnnxMiniLM, get_embedder
from retrieval.index import HybridIndex
from verisight.cli.main import main
from verisight.documents import DocumentStore
from verisight.engine import Engine
from verisight.scale.crawl import crawl_with_ray
from verisight.scale.pipeline import build_shards, embedder_factory, live_shards
from verisight.scale.shards import ShardedIndex

ROOT = Path(__file__).resolve().parents[2]
QUERIES = [json.loads(line)["q"] for line in (ROOT / "bench" / "demo_retrieval_queries.jsonl").read_text().splitlines()]


class KillsItsWorkerOnce(Embedder):
    """The real MiniLM embedder, but the first ``embed`` call of the run kills the Ray worker process it runs in."""

    name = "minilm-onnx"
    dim = 384

    def __init__(self, marker: str) -> None:
        self.inner = get_embedder(cache_size=0, workers=1)
        self.marker = Path(marker)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Die (SIGKILL) on the first call of the run; embed normally afterwards."""
        try:
            fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return self.inner.embed(texts)
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable")


def _killing_factory(marker: str) -> Embedder:
    return KillsItsWorkerOnce(marker)


def _copy_store(demo_data: Path, dest: Path) -> Path:
    """A data directory holding a copy of the demo's document store and nothing else (no index)."""
    dest.mkdir()
    with DocumentStore(demo_data / "documents.db") as src, DocumentStore(dest / "documents.db") as dst:
        for doc in src.documents():
            dst.put(doc, src.raw_html(doc.url) or b"")
    return dest


def _shard_contents(folders: list[Path]) -> tuple[list[Any], np.ndarray, dict[str, str]]:
    """Passages (in shard order), vectors and documents of the live versions of ``folders``."""
    passages: list[Any] = []
    vectors = []
    documents: dict[str, str] = {}
    for folder in folders:
        index = HybridIndex(folder, get_embedder(cache_size=0, workers=1))
        state = index._require()
        passages += state.passages
        vectors.append(state.vectors)
        documents.update(index.documents())
    return passages, np.concatenate(vectors), documents


@pytest.fixture(scope="module")
def sharded(ray_cluster: Any, demo_data: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two shards of the demo corpus built by the Ray pipeline from a copy of its document store."""
    data = _copy_store(demo_data, tmp_path_factory.mktemp("ray") / "data")
    with DocumentStore(data / "documents.db") as store:
        docs = list(store.documents(include_duplicates=False))
    built = build_shards(docs, data / "shards", shards=2, workers=2, factory=embedder_factory())
    assert built.reused == 0 and built.embedded > 0
    return live_shards(data / "shards")


def test_ray_index_gives_the_same_documents_passages_and_vectors(sharded: list[Path], demo_engine: Engine) -> None:
    single = demo_engine.index._require()
    passages, vectors, documents = _shard_contents(sharded)
    assert len(sharded) == 2
    assert documents == demo_engine.index.documents()
    assert [p.id for p in passages] == [p.id for p in single.passages]
    assert passages == single.passages
    cosine = np.sum(vectors * single.vectors, axis=1)
    assert cosine.min() >= 0.999


def test_ray_shards_give_the_same_top_10(sharded: list[Path], demo_engine: Engine) -> None:
    index = ShardedIndex(sharded, demo_engine.embedder, embedder_factory())
    try:
        assert len(index) == len(demo_engine.index)
        for mode in ("hybrid", "bm25", "dense"):
            for q in QUERIES:
                ours = [(h.passage.id, h.rank) for h in index.search(q, 10, mode)]
                theirs = [(h.passage.id, h.rank) for h in demo_engine.index.search(q, 10, mode)]
                assert ours == theirs, (mode, q)
        for q in [*QUERIES, "How long should I boil quail eggs?", "burnt finger"]:  # what the gate reads
            assert index.unknown_share(q) == demo_engine.index.unknown_share(q)
            assert index.unseen_terms(q) == demo_engine.index.unseen_terms(q), q
            assert index.unnamed_terms(q) == demo_engine.index.unnamed_terms(q), q
        assert index.unseen_terms("How long should I boil quail eggs?") == ["quail"]
        served = Engine(demo_engine.settings, index=index)  # what `verisight serve --ray` serves
        ids = [h.passage.id for h in served.search(QUERIES[2])]
        assert ids == [h.passage.id for h in demo_engine.search(QUERIES[2])]
        filtered = index.search(QUERIES[0], 10, deny_sites=["cityhospital.example"])
        assert filtered and all("cityhospital" not in h.passage.site for h in filtered)
        before = [h.passage.id for h in index.search(QUERIES[1], 10)]
        index._ray.kill(index.actors[0], no_restart=False)  # a shard actor dies: Ray restarts it, the call is retried
        assert [h.passage.id for h in index.search(QUERIES[1], 10)] == before
    finally:
        index.close()


def test_a_killed_embedding_worker_is_retried_and_nothing_is_lost_or_doubled(
    ray_cluster: Any, demo_data: Path, demo_engine: Engine, tmp_path: Path
) -> None:
    data = _copy_store(demo_data, tmp_path / "data")
    marker = tmp_path / "killed"
    with DocumentStore(data / "documents.db") as store:
        docs = list(store.documents(include_duplicates=False))
    factory = functools.partial(_killing_factory, str(marker))  # sent to the Ray workers
    built = build_shards(docs, data / "shards", shards=1, workers=2, factory=factory)
    assert marker.read_text().isdigit()  # a worker really died mid-run
    passages, vectors, _ = _shard_contents(live_shards(data / "shards"))
    single = demo_engine.index._require()
    assert [p.id for p in passages] == [p.id for p in single.passages]  # nothing lost, nothing twice
    assert len({(p.doc_url, p.id) for p in passages}) == len(passages) == built.passages
    assert np.sum(vectors * single.vectors, axis=1).min() >= 0.999


def test_crawl_partitioned_by_host_stores_the_same_documents(
    ray_cluster: Any, demo_data: Path, tmp_path: Path
) -> None:
    from verisight.demo.server import DemoServer
    from verisight.demo.server import load_manifest as demo_manifest

    manifest = demo_manifest()
    server = DemoServer()
    server.start()
    try:
        data = tmp_path / "data"
        with DocumentStore(data / "documents.db") as store:
            summary = crawl_with_ray(
                list(manifest["seeds"]), store, data, partitions=2,
                options={"resolve": server.resolve_map(), "same_site": False, "allow": list(manifest["hosts"]),
                         "concurrency": 8},
            )
            ours = {d.url: d.content_hash for d in store.documents()}
    finally:
        server.stop()
    with DocumentStore(demo_data / "documents.db") as single:
        theirs = {d.url: d.content_hash for d in single.documents()}
    assert ours == theirs
    hosts = [set(h) for h in summary.hosts_by_partition]
    assert hosts[0] and hosts[1] and not hosts[0] & hosts[1]  # each host crawled by exactly one partition
    assert hosts[0] | hosts[1] == {d.split("/")[2] for d in theirs}
    assert summary.stored == len(theirs) and summary.failed == 0


def test_cli_index_ray_reuses_vectors_and_writes_shards(ray_cluster: Any, demo_data: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(demo_data, data)
    assert main(["index", "--ray", "--data", str(data), "--shards", "3", "--workers", "2"]) == 0
    folders = live_shards(data / "shards")
    assert len(folders) == 3
    passages, _, _ = _shard_contents(folders)
    single = HybridIndex(data / "index", OnnxMiniLM(cache_size=0, workers=1))
    assert [p.id for p in passages] == [p.id for p in single._require().passages]
    manifests = [json.loads((f / (f / "CURRENT").read_text().strip() / "manifest.json").read_text()) for f in folders]
    assert [m["params"]["shard"]["index"] for m in manifests] == [0, 1, 2]
    assert main(["index", "--data", str(data)]) == 0  # without --ray: the single-machine path, as before


def test_ray_extracts_warc_files_as_import_warc_does(ray_cluster: Any, demo_data: Path, tmp_path: Path) -> None:
    from crawler.warc import import_warc
    from tests.helpers import write_warc
    from verisight.scale.pipeline import import_warcs_with_ray

    with DocumentStore(demo_data / "documents.db") as demo:
        records = [(d.url, "text/html; charset=utf-8", demo.raw_html(d.url) or b"", "200 OK") for d in demo.documents()]
    files = [tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"]
    write_warc(files[0], records[::2])
    write_warc(files[1], records[1::2])
    with DocumentStore(tmp_path / "single.db") as single, DocumentStore(tmp_path / "ray.db") as ours:
        import_warc(files, single)
        counts = import_warcs_with_ray(files, ours, workers=2)
        theirs = {d.url: d.content_hash for d in single.documents()}
        got = {d.url: d.content_hash for d in ours.documents()}
        copies = sum(1 for d in single.documents() if d.duplicate_of)
    assert got == theirs and counts["stored"] == len(theirs) == len(records)
    assert counts["duplicates"] == copies  # which copy counts as the original may differ: files run in parallel
