"""Crash safety: SIGKILL the crawler, the indexer and the server at seeded random points and check what survives."""

from __future__ import annotations

import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from crawler.extraction import extract
from crawler.types import Document
from retrieval.embed import get_embedder
from retrieval.index import HybridIndex
from verifier.types import CREDIBILITY_LABELS, SourceCredibility, Verdict, VerifiedClaim
from verisight.answers import AnswerStore, group_id, normalise_claim
from verisight.demo.server import DEMO_ROOT, DemoServer, load_manifest
from verisight.documents import DocumentStore
from verisight.types import Answer, AnswerOverview, AnswerSource

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "import sys; from verisight.cli import main; sys.exit(main())"]
KILLS = 20
RUN_LIMIT_S = 20.0


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a ``verisight`` subprocess on data directory ``home``."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "VERISIGHT_HOME": str(home), **extra}


def start(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start ``verisight ARGS`` in a subprocess, its output discarded."""
    return subprocess.Popen([*CLI, *args], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill(proc: subprocess.Popen[bytes]) -> bool:
    """SIGKILL ``proc`` and reap it; True when it was still running (the kill landed)."""
    running = proc.poll() is None
    if running:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return running


def stored_count(db_path: Path) -> int:
    """Documents stored so far, read while another process may be writing."""
    if not db_path.exists():
        return 0
    try:
        db = sqlite3.connect(db_path, timeout=5)
    except sqlite3.Error:
        return 0
    try:
        return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        db.close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def demo_documents() -> Iterator[tuple[Document, bytes]]:
    """The demo corpus pages as extracted documents with their raw HTML, in a stable order."""
    for page in sorted(DEMO_ROOT.rglob("*.html")):
        rel = page.relative_to(DEMO_ROOT)
        path = "/".join(rel.parts[1:])
        url = f"http://{rel.parts[0]}/" + ("" if path == "index.html" else path)
        raw = page.read_bytes()
        doc = extract(raw, url)
        if doc is not None:
            yield doc, raw


def crawl_args(server: DemoServer) -> list[str]:
    """``verisight crawl`` arguments for the whole demo corpus served by ``server``."""
    args = ["crawl", *load_manifest()["seeds"]]
    for host, addr in sorted(server.resolve_map().items()):
        args += ["--resolve", f"{host}={addr}"]
    return [*args, "--any-site", "--no-index"]


def urls_of(home: Path) -> list[str]:
    """Every URL in the document store of ``home``."""
    with DocumentStore(home / "documents.db") as store:
        return store.urls()


def test_crawler_survives_kills(tmp_path: Path) -> None:
    """20+ SIGKILLs of a crawl (during start-up and while storing pages) lose and duplicate no document."""
    rng = random.Random(8101)
    with DemoServer() as server:
        args = crawl_args(server)
        ref = tmp_path / "ref"
        done = subprocess.run([*CLI, *args], env=cli_env(ref), cwd=ROOT, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr.decode()[-2000:]
        expected = urls_of(ref)
        assert len(expected) == len(set(expected)) >= 40

        kills, mid_crawl, rounds = 0, 0, 0
        while kills < KILLS and rounds < KILLS:  # a resumed crawl ends fast: several rounds
            rounds += 1
            home = tmp_path / f"round{rounds}"
            db_path = home / "documents.db"
            for attempt in range(3 * KILLS):
                before = stored_count(db_path)
                proc = start(args, cli_env(home))
                stop_at = time.monotonic() + RUN_LIMIT_S
                if rng.random() < 0.5:  # a kill at a random time: start-up, frontier, robots.txt or fetching
                    stop_at = time.monotonic() + rng.uniform(0.05, 1.5)
                    while proc.poll() is None and time.monotonic() < stop_at:
                        time.sleep(0.005)
                else:  # a kill a random moment after a random number of new pages were stored
                    grow = rng.randint(1, 3)
                    while proc.poll() is None and time.monotonic() < stop_at and stored_count(db_path) < before + grow:
                        time.sleep(0.005)
                    time.sleep(rng.uniform(0.0, 0.03))
                if not kill(proc):
                    assert proc.returncode == 0, f"crawl run {attempt} of round {rounds} failed"
                    break  # this run finished the crawl
                kills += 1
                mid_crawl += 0 < stored_count(db_path) < len(expected)
                got = urls_of(home) if db_path.exists() else []
                assert len(got) == len(set(got)) and set(got) <= set(expected)
            done = subprocess.run([*CLI, *args], env=cli_env(home), cwd=ROOT, capture_output=True, timeout=120)
            assert done.returncode == 0, done.stderr.decode()[-2000:]
            urls = urls_of(home)
            assert len(urls) == len(set(urls)), f"a URL was stored twice in round {rounds}"
            assert set(urls) == set(expected), (
                f"round {rounds}: lost {sorted(set(expected) - set(urls))}, extra {sorted(set(urls) - set(expected))}"
            )
    assert kills >= KILLS, f"only {kills} kills landed in {rounds} rounds"
    assert mid_crawl >= KILLS // 2, f"only {mid_crawl} of {kills} kills landed mid-crawl"


def test_indexer_survives_kills(tmp_path: Path) -> None:
    """20+ SIGKILLs of ``verisight index`` while documents arrive: the index always loads and answers."""
    rng = random.Random(8102)
    home = tmp_path / "home"
    pages = list(demo_documents())
    first, rest = pages[:15], pages[15:]
    with DocumentStore(home / "documents.db") as store:
        for doc, raw in first:
            store.put(doc, raw)
    built = subprocess.run([*CLI, "index"], env=cli_env(home), cwd=ROOT, capture_output=True, timeout=120)
    assert built.returncode == 0, built.stderr.decode()[-2000:]
    embedder = get_embedder()
    kills, attempts = 0, 0
    while kills < KILLS and attempts < 3 * KILLS:
        attempts += 1
        if rest:  # new work for every run, so kills keep landing before, during and after embedding
            doc, raw = rest.pop(0)
            with DocumentStore(home / "documents.db") as store:
                store.put(doc, raw)
        proc = start(["index"], cli_env(home))
        stop_at = time.monotonic() + rng.uniform(0.05, 1.5)
        while proc.poll() is None and time.monotonic() < stop_at:
            time.sleep(0.005)
        landed = kill(proc)
        kills += landed
        index = HybridIndex(home / "index", embedder)  # the old version or the complete new one
        assert index.exists() and len(index) > 0
        assert isinstance(index.search("burn", k=3), list)
        assert set(index.documents()) <= set(urls_of(home))
    assert kills >= KILLS, f"only {kills} kills landed in {attempts} runs"

    done = subprocess.run([*CLI, "index"], env=cli_env(home), cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    index = HybridIndex(home / "index", embedder)
    with DocumentStore(home / "documents.db") as store:
        originals = [d.url for d in store.documents(include_duplicates=False)]
        all_urls = store.urls()
    assert len(all_urls) == len(set(all_urls)) == len(pages) - len(rest)
    missing = [url for url in originals if not index.passages_for(url)]
    assert not missing, f"stored documents missing from the index: {missing}"
    assert set(index.documents()) == set(originals)
    assert index.search("burn", k=3)
    assert not list((home / "index").glob(".tmp-*")), "a killed build left its temporary folder behind"


def wait_healthy(port: int, proc: subprocess.Popen[bytes], limit_s: float = 180.0) -> None:
    """Wait until the server on ``port`` answers ``/healthz``."""
    stop_at = time.monotonic() + limit_s
    while time.monotonic() < stop_at:
        assert proc.poll() is None, f"the server exited with {proc.returncode}"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=0.5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.02)
    raise AssertionError("the server did not become healthy")


def flagged_answer(claims: int) -> Answer:
    """A stored answer whose ``claims`` claims were all dropped, so each is a claim group in the audit queue."""
    site = "news.dailyledger.example"
    verdict = Verdict("unsupported", 0.1, "no passage supports it", ())
    return Answer(
        query="how to treat a burn",
        answer_id="kill-test",
        overview=AnswerOverview(
            mode="extractive",
            text="",
            draft="",
            claims=tuple(
                VerifiedClaim(f"c{i}", f"Burn claim number {i}.", (1,), (), "drop", verdict, "") for i in range(claims)
            ),
        ),
        sources=(AnswerSource(1, f"http://{site}/", "Ledger", site, None, SourceCredibility("unknown", ())),),
    )


def test_server_keeps_acknowledged_decisions(tmp_path: Path) -> None:
    """20+ SIGKILLs of ``verisight serve`` as a reviewer labels sources and decides claims: nothing acked is lost."""
    rng = random.Random(8103)
    home = tmp_path / "home"
    with DocumentStore(home / "documents.db") as store:
        for doc, raw in list(demo_documents())[:5]:
            store.put(doc, raw)
    env = cli_env(home, VERISIGHT_SYNTH_MODE="extractive", VERISIGHT_RATE_LIMIT_PER_MINUTE="0")
    done = subprocess.run([*CLI, "index"], env=env, cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    added = subprocess.run([*CLI, "reviewer", "add", "alice"], env=env, cwd=ROOT, capture_output=True, timeout=60)
    assert added.returncode == 0, added.stderr.decode()[-2000:]
    token = added.stdout.decode().strip().splitlines()[-1]
    answer = flagged_answer(12)
    answers = AnswerStore(home / "answers.db")
    try:
        answers.save(answer)
    finally:
        answers.close()
    site = answer.sources[0].site
    groups = [group_id(normalise_claim(c.text), site) for c in answer.overview.claims]

    acked: dict[str, str] = {}  # source domain -> label, for labels the server acknowledged
    acked_notes: set[str] = set()  # notes of claim decisions the server acknowledged
    sent, kills, restarts = 0, 0, 0
    while kills < KILLS and restarts < 3 * KILLS:
        port = free_port()
        proc = start(["serve", "--port", str(port)], env)
        restarts += 1
        try:
            wait_healthy(port, proc)
        except BaseException:
            kill(proc)
            raise
        killer = threading.Timer(rng.uniform(0.02, 0.4), proc.send_signal, (signal.SIGKILL,))
        killer.start()
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=2.0) as client:
            for _ in range(5000):
                sent += 1
                domain, label, note = f"d{sent}.example", rng.choice(CREDIBILITY_LABELS), f"n{sent}"
                try:
                    if rng.random() < 0.5:
                        path, body = "/api/audit/sources", {"domain": domain, "label": label}
                    else:
                        decision = rng.choice(("confirm", "dismiss"))
                        path, body = f"/api/audit/claims/{rng.choice(groups)}", {"decision": decision, "note": note}
                    response = client.post(path, json=body)
                except httpx.TransportError:
                    break  # killed mid-request: not acknowledged
                assert response.status_code == 200, response.text
                if "label" in body:
                    acked[domain] = label
                else:
                    acked_notes.add(note)
        killer.join()
        kill(proc)
        kills += proc.returncode == -signal.SIGKILL
        answers = AnswerStore(home / "answers.db")
        try:
            overrides = answers.source_overrides()
            notes = {str(row[0]) for row in answers.conn.execute("SELECT note FROM decisions")}
            latest = {(d["domain"], normalise_claim(d["claim"])) for d in answers.export_decisions()}
        finally:
            answers.close()
        lost = {d: lab for d, lab in acked.items() if overrides.get(d) != lab}
        assert not lost, f"{len(lost)} acknowledged labels lost after kill {kills}: {sorted(lost)[:5]}"
        lost_notes = acked_notes - notes
        assert not lost_notes, f"{len(lost_notes)} acknowledged claim decisions lost after kill {kills}"
        assert len(latest) <= len(groups)
    assert kills >= KILLS, f"only {kills} kills in {restarts} restarts"
    assert len(acked) >= KILLS and len(acked_notes) >= KILLS, f"too few acknowledged of {sent} requests"
    assert sent > len(acked) + len(acked_notes), "no request was ever cut off by a kill"
