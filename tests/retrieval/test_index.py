"""The hybrid index: search modes, incremental and atomic updates, persistence and bad input."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from crawler.types import Document
from retrieval.embed import OnnxMiniLM
from retrieval.errors import EmptyQuery, IndexCorrupt, IndexMissing, RetrievalError
from retrieval.index import HybridIndex
from tests.retrieval.corpus import TOPICS, make_doc, topic_docs

REPO = Path(__file__).resolve().parents[2]


def copy_index(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def test_search_modes_find_the_right_page(built_index: Path, embedder: OnnxMiniLM) -> None:
    index = HybridIndex(built_index, embedder)
    assert len(index) > 8
    for mode in ("hybrid", "bm25", "dense"):
        hits = index.search("how do I catch an exception", k=5, mode=mode)
        assert hits and hits[0].passage.doc_url.endswith("/try.html"), mode
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        assert all(a.score >= b.score for a, b in itertools.pairwise(hits))
    hybrid = index.search("lambda expressions", k=3)
    assert hybrid[0].sparse_rank is not None and hybrid[0].dense_rank is not None
    assert index.search("anonymous inline function", k=3, mode="dense")[0].passage.doc_url.endswith("lambda.html")


def test_site_filters(tmp_path: Path, embedder: OnnxMiniLM, small_docs: list[Document]) -> None:
    other = Document(**{**asdict(small_docs[2]), "url": "https://forum.example/t/1", "site": "forum.example"})
    index = HybridIndex(tmp_path / "ix", embedder)
    index.update([*small_docs, other])
    hits = index.search("catch an exception", k=5)
    assert {h.passage.site for h in hits} == {"docs.python.org", "forum.example"}
    only = index.search("catch an exception", k=5, allow_sites=["forum.example"])
    assert only and {h.passage.site for h in only} == {"forum.example"}
    assert all(h.passage.site != "forum.example" for h in index.search("exception", deny_sites=["forum.example"]))


def test_lookup_by_id_and_url(built_index: Path, embedder: OnnxMiniLM) -> None:
    index = HybridIndex(built_index, embedder)
    url = "https://docs.python.org/3/reference/try.html"
    ps = index.passages_for(url)
    assert ps and all(p.doc_url == url for p in ps)
    assert [p.start for p in ps] == sorted(p.start for p in ps)
    assert index.passage(ps[0].id) == ps[0]
    assert index.passages_for("https://nowhere.example/") == []
    with pytest.raises(KeyError):
        index.passage("0" * 16)
    manifest = index.manifest
    assert manifest["format_version"] == 1 and manifest["params"]["embedder"] == "minilm-onnx"
    assert manifest["counts"]["passages"] == len(index)


def test_incremental_update_embeds_only_new_passages(
    tmp_path: Path, built_index: Path, embedder: OnnxMiniLM, small_docs: list[Document]
) -> None:
    index = HybridIndex(copy_index(built_index, tmp_path / "ix"), embedder)
    before = len(index)
    new = topic_docs([TOPICS[8]])[0]
    calls = embedder.calls
    upd = index.update([*small_docs, new])
    assert upd.added_docs == 1 and upd.removed_docs == 0
    assert upd.embedded == len(index.passages_for(new.url)) > 0
    assert upd.passages == len(index) == before + upd.embedded
    assert embedder.calls - calls <= upd.embedded
    assert index.search("pass statement does nothing", k=1)[0].passage.doc_url == new.url
    # The same documents again: nothing to do.
    again = index.update([*small_docs, new])
    assert (again.added_docs, again.removed_docs, again.embedded) == (0, 0, 0)
    assert again.version == upd.version  # no new version for a no-op
    # A changed document replaces its passages; others stay as they were.
    changed = make_doc(TOPICS[8], new.text + "\nThe pass statement is a null operation placeholder.")
    upd = index.update([changed])
    assert upd.added_docs == 1 and 0 < upd.embedded <= len(index.passages_for(new.url))
    assert {p.doc_hash for p in index.passages_for(new.url)} == {changed.content_hash}
    # A reopened index sees the same state.
    reopened = HybridIndex(index.path, embedder)
    assert len(reopened) == len(index)
    assert reopened.documents()[new.url] == changed.content_hash


def test_keep_urls_and_duplicates_drop_documents(
    tmp_path: Path, built_index: Path, embedder: OnnxMiniLM, small_docs: list[Document]
) -> None:
    index = HybridIndex(copy_index(built_index, tmp_path / "ix"), embedder)
    keep = {d.url for d in small_docs[2:]}
    upd = index.update([], keep_urls=keep)
    assert upd.removed_docs == 2 and upd.embedded == 0
    assert set(index.documents()) == keep
    assert all(h.passage.doc_url in keep for h in index.search("assert statement", k=20))
    gone = index.remove([small_docs[3].url])
    assert gone.removed_docs == 1 and gone.embedded == 0 and index.passages_for(small_docs[3].url) == []
    keep.discard(small_docs[3].url)
    dup = make_doc("copy-of-for", small_docs[1].text + " copy", duplicate_of=small_docs[1].url)
    upd = index.update([dup])
    assert upd.added_docs == 0 and upd.embedded == 0 and dup.url not in index.documents()
    # A document that becomes a duplicate leaves the index.
    upd = index.update([make_doc(TOPICS[2], small_docs[2].text, duplicate_of="https://x.example/")])
    assert upd.removed_docs == 1 and small_docs[2].url not in index.documents()


def test_forced_hnsw_matches_exact_search(
    tmp_path: Path, built_index: Path, embedder: OnnxMiniLM, small_docs: list[Document]
) -> None:
    hnsw = HybridIndex(tmp_path / "h", embedder, dense_kind="hnsw")
    hnsw.update(small_docs)
    assert hnsw.manifest["params"]["dense"]["built_kind"] == "hnsw"
    exact = HybridIndex(built_index, embedder)
    for q in ("exception handling", "loop over a list", "context manager"):
        a = [h.passage.id for h in hnsw.search(q, k=5, mode="dense")]
        b = [h.passage.id for h in exact.search(q, k=5, mode="dense")]
        assert a == b
    # Adding a document grows the graph in place (nothing removed) and keeps it searchable.
    upd = hnsw.update([*small_docs, *topic_docs([TOPICS[9]])])
    assert upd.embedded > 0
    reopened = HybridIndex(hnsw.path, embedder, dense_kind="hnsw")
    assert reopened.manifest["params"]["dense"]["built_kind"] == "hnsw" and len(reopened) == upd.passages
    top = reopened.search("the raise statement", k=5, mode="dense")
    assert any(h.passage.doc_url.endswith("raise.html") for h in top)


def test_bad_queries(built_index: Path, embedder: OnnxMiniLM) -> None:
    index = HybridIndex(built_index, embedder)
    for q in ("", "   ", "\n\t", "?!", "…"):
        with pytest.raises(EmptyQuery):
            index.search(q)
    with pytest.raises(ValueError):
        index.search("loops", mode="fuzzy")
    huge = ("how do for loops and while loops work in python " * 220)[:10_000]
    t0 = time.perf_counter()
    hits = index.search(huge, k=5)
    assert hits and time.perf_counter() - t0 < 5
    for q in ("例外をキャッチする方法", "Как поймать исключение", "كيف ألتقط استثناء"):
        assert len(index.search(q, k=3, mode="dense")) == 3  # dense still answers across scripts
        assert index.search(q, k=3, mode="bm25") == []  # no shared terms: nothing, not noise
    assert len(index.search("loop", k=0)) == 1  # k is clamped to at least 1
    assert len(index.search("loop", k=10_000, mode="dense")) == len(index)


def test_missing_and_empty_index(tmp_path: Path, embedder: OnnxMiniLM) -> None:
    missing = HybridIndex(tmp_path / "none", embedder)
    assert len(missing) == 0 and not missing.exists()
    with pytest.raises(IndexMissing):
        missing.search("anything")
    with pytest.raises(RetrievalError):
        missing.passage("abc")
    empty = HybridIndex(tmp_path / "empty", embedder)
    upd = empty.update([])
    assert upd.passages == 0 and len(empty) == 0
    assert empty.search("anything") == []
    blank = HybridIndex(tmp_path / "blank", embedder)
    blank.update([make_doc("blank", "   ")])
    assert blank.search("anything") == []


def test_corrupt_files_are_reported(tmp_path: Path, built_index: Path, embedder: OnnxMiniLM) -> None:
    path = copy_index(built_index, tmp_path / "ix")
    live = path / (path / "CURRENT").read_text().strip()
    with open(live / "vectors.npy", "r+b") as f:
        f.truncate(1000)
    with pytest.raises(IndexCorrupt, match="truncated"):
        HybridIndex(path, embedder).search("loops")
    path2 = copy_index(built_index, tmp_path / "ix2")
    live2 = path2 / (path2 / "CURRENT").read_text().strip()
    (live2 / "manifest.json").write_text("{not json")
    with pytest.raises(IndexCorrupt):
        HybridIndex(path2, embedder).search("loops")
    (path2 / "CURRENT").write_text("v999999\n")
    with pytest.raises(IndexCorrupt, match="not a version folder"):
        len(HybridIndex(path2, embedder))


def test_half_written_version_leaves_the_old_index_live(
    tmp_path: Path, built_index: Path, embedder: OnnxMiniLM, small_docs: list[Document]
) -> None:
    path = copy_index(built_index, tmp_path / "ix")
    live = (path / "CURRENT").read_text().strip()
    n = len(HybridIndex(path, embedder))
    # What a kill leaves behind: a temporary folder, and a renamed version that never became CURRENT.
    (path / f".tmp-v999998-{os.getpid()}").mkdir()
    (path / f".tmp-v999998-{os.getpid()}" / "passages.jsonl").write_text('{"id": "trunc')
    shutil.copytree(path / live, path / "v999999")
    (path / "v999999" / "manifest.json").write_text("{")
    index = HybridIndex(path, embedder)
    assert len(index) == n and index.search("for loop", k=1)
    upd = index.update(small_docs)
    assert upd.embedded == 0
    assert not list(path.glob(".tmp-*")) and not (path / "v999999").exists()


KILL_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from retrieval.embed import get_embedder
    from retrieval.index import HybridIndex
    from tests.retrieval.corpus import topic_docs

    path, marker = Path(sys.argv[1]), Path(sys.argv[2])
    def progress(done, total):
        marker.write_text(f"{done}/{total}")
    index = HybridIndex(path, get_embedder(), embed_batch=2, progress=progress)
    index.update(topic_docs(sys.argv[3].split(","), max_chars=3000))
    marker.write_text("finished")
    """
)


@pytest.mark.parametrize("moment", ["embedding", "writing"])
def test_sigkill_during_update_leaves_a_usable_index(
    tmp_path: Path, built_index: Path, embedder: OnnxMiniLM, small_docs: list[Document], moment: str
) -> None:
    path = copy_index(built_index, tmp_path / "ix")
    before = HybridIndex(path, embedder)
    n, version = len(before), before.manifest["version"]
    script = tmp_path / "kill_me.py"
    script.write_text(KILL_SCRIPT)
    marker = tmp_path / "marker"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    names = ",".join(TOPICS[:8] + TOPICS[8:])
    proc = subprocess.Popen([sys.executable, str(script), str(path), str(marker), names], cwd=REPO, env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if moment == "embedding" and marker.exists():
                break
            if moment == "writing" and list(path.glob(".tmp-*")):
                break
            time.sleep(0.001)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    after = HybridIndex(path, embedder)
    finished = marker.exists() and marker.read_text() == "finished"
    if moment == "embedding":
        assert not finished and after.manifest["version"] == version and len(after) == n
    assert after.search("exception handling", k=3)  # either the old or the complete new version
    json.loads((path / after.manifest["version"] / "manifest.json").read_text())
    upd = after.update([*small_docs, *topic_docs(TOPICS[8:], max_chars=3000)])
    assert upd.passages == len(after) and not list(path.glob(".tmp-*"))
    assert np.isfinite(after.search("yield", k=1)[0].score)


def test_a_text_repeated_across_documents_is_embedded_once(tmp_path: Path, embedder: OnnxMiniLM) -> None:
    from dataclasses import replace

    doc = topic_docs(["assert"], max_chars=3000)[0]
    copy = replace(doc, url=doc.url + "?copy", final_url=doc.final_url + "?copy")
    index = HybridIndex(tmp_path / "ix", embedder)
    upd = index.update([doc, copy])
    assert upd.passages == 2 * len(index.passages_for(doc.url)) > 0
    assert upd.embedded == upd.passages // 2
    top = index.search("assert statement", 4, "dense")
    assert top[0].score == top[1].score and top[0].passage.text == top[1].passage.text  # one vector, copied


def test_unknown_share_counts_question_terms_no_passage_contains(built_index: Path, embedder: OnnxMiniLM) -> None:
    """The share of a query's content terms that the corpus never uses (the answerability gate reads it)."""
    index = HybridIndex(built_index, embedder)
    assert index.unknown_share("for loop statement") == 0.0
    assert index.unknown_share("knit scarf balcony") == 1.0
    assert index.unknown_share("loop scarf") == 0.5
    assert index.unknown_share("how do I") == 0.0  # no content terms: nothing is unknown


def test_unseen_terms_are_those_the_corpus_lacks_in_every_variant(built_index: Path, embedder: OnnxMiniLM) -> None:
    """A misspelling or another form of a corpus word is seen; a word the corpus never uses is not."""
    index = HybridIndex(built_index, embedder)
    assert index.unknown_share("statment") == 1.0  # not in the vocabulary as typed
    assert index.unseen_terms("statment") == []  # one edit from "statement"
    assert index.unseen_terms("loops scarf knitting") == ["knit", "scarf"]
    assert index.unseen_terms("how do I") == []


def test_unnamed_terms_are_those_the_corpus_lacks_even_in_a_longer_form(
    built_index: Path, embedder: OnnxMiniLM
) -> None:
    """A slip or a longer word of the corpus is no form of a name: only the word or a longer one counts."""
    index = HybridIndex(built_index, embedder)
    assert index.unnamed_terms("statment") == ["statment"]  # a slip of "statement" names nothing the corpus has
    assert index.unseen_terms("statment") == []
    assert index.unnamed_terms("statements loop") == []
    assert index.unnamed_terms("loops scarf knitting") == ["knit", "scarf"]
