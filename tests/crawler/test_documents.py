"""The document store: idempotent puts, dedup links, forget, tombstones, migrations, threads."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from crawler.dedup import content_hash, hamming, simhash
from crawler.types import Document
from verisight.documents import DocumentStore

from .conftest import LOREM


def doc(url: str, text: str, site: str | None = None) -> Document:
    """A document for ``url`` with ``text``."""
    host = site or url.split("/")[2]
    return Document(
        url=url,
        final_url=url,
        canonical_url=None,
        title="T",
        site=host,
        author=None,
        published=None,
        language="en",
        text=text,
        content_hash=content_hash(text),
    )


def test_put_get_and_replace(store: DocumentStore) -> None:
    stored = store.put(doc("http://a.example/1", LOREM), b"<html>raw</html>")
    assert stored.duplicate_of is None
    assert store.get("http://a.example/1") == stored
    assert store.raw_html("http://a.example/1") == b"<html>raw</html>"
    store.put(doc("http://a.example/1", LOREM + " Updated."), b"<html>v2</html>")
    assert store.count() == 1
    got = store.get("http://a.example/1")
    assert got is not None and got.text.endswith("Updated.")
    assert store.urls() == ["http://a.example/1"]


def test_exact_and_near_duplicates_link_to_earliest(store: DocumentStore) -> None:
    store.put(doc("http://a.example/orig", LOREM * 2), b"")
    exact = store.put(doc("http://mirror.example/copy", LOREM * 2), b"")
    assert exact.duplicate_of == "http://a.example/orig"
    near_text = LOREM * 2 + " One extra word."
    assert hamming(simhash(LOREM * 2) or 0, simhash(near_text) or 0) <= 3
    near = store.put(doc("http://satire.example/copy", near_text), b"")
    assert near.duplicate_of == "http://a.example/orig"
    other = store.put(doc("http://b.example/x", "A completely different article about trains. " * 10), b"")
    assert other.duplicate_of is None
    # Re-putting the original never makes it a duplicate of its own copies.
    again = store.put(doc("http://a.example/orig", LOREM * 2), b"")
    assert again.duplicate_of is None
    assert [d.url for d in store.documents(include_duplicates=False)] == [
        "http://a.example/orig",
        "http://b.example/x",
    ]
    assert store.count() == 4


def test_forget_url_and_domain_relinks(store: DocumentStore) -> None:
    store.put(doc("http://www.news.example/a", LOREM), b"")
    store.put(doc("http://sports.news.example/b", "Sports results of the weekend games. " * 10), b"")
    store.put(doc("http://copy.example/a", LOREM), b"")
    assert store.forget("news.example") == 2
    assert store.urls() == ["http://copy.example/a"]
    copy = store.get("http://copy.example/a")
    assert copy is not None and copy.duplicate_of is None
    assert store.forget("http://copy.example/a") == 1
    assert store.count() == 0
    assert store.forget("nothing.example") == 0


def test_forget_by_hostname_only(store: DocumentStore) -> None:
    store.put(doc("http://www.news.example/a", LOREM), b"")
    store.put(doc("http://sports.news.example/b", "Sports. " * 30), b"")
    assert store.forget("sports.news.example") == 1
    assert store.urls() == ["http://www.news.example/a"]


def test_tombstone(store: DocumentStore) -> None:
    store.put(doc("http://a.example/1", LOREM), b"")
    store.put(doc("http://b.example/1", LOREM), b"")
    assert store.tombstone("http://a.example/1")
    assert not store.tombstone("http://nothing.example/")
    assert store.count() == 1
    assert store.is_tombstoned("http://a.example/1")
    b = store.get("http://b.example/1")
    assert b is not None and b.duplicate_of is None
    assert len(list(store.documents(include_tombstoned=True))) == 2


def test_migrations_recorded_once_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    DocumentStore(path).close()
    with DocumentStore(path) as s:
        s.put(doc("http://a.example/1", LOREM), b"")
    db = sqlite3.connect(path)
    assert db.execute("SELECT id, name FROM migrations").fetchall() == [
        (1, "m001_documents"),
        (2, "m002_minhash"),
    ]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_threads_share_a_store(store: DocumentStore) -> None:
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(20):
                store.put(doc(f"http://t{n}.example/{i}", f"Thread {n} page {i}. " * 5), b"x")
                store.get(f"http://t{n}.example/{i}")
                store.count()
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert store.count() == 80


def test_syndicated_copy_with_added_lines_is_linked(store: DocumentStore) -> None:
    story = (
        "Geologists at the institute announced on Monday that people should eat one small rock per day. "
        "The director said rocks are a vital source of minerals, and that most people eat far too few. "
        "Children should limit themselves to a half serving of sand, according to the new guidelines. "
        "Sales of river gravel rose three hundred percent at grocery stores in the past year, it added. "
        "One resident said she now eats three pebbles before breakfast and has never felt better. "
        "Nutritionists have begun adding a rock layer to the food pyramid, just below whole grains. "
        "The institute confirmed that sedimentary rocks are the easiest kind to digest for most adults. "
        "A serving of shale, it said, counts as a full helping of vegetables for the whole family. "
    )
    copy = "Originally published by The Union. " + story + " Need gravel? Acme delivers crushed stone by the ton."
    assert hamming(simhash(story) or 0, simhash(copy) or 0) > 3  # SimHash alone would miss it
    store.put(doc("http://satire.example/rock", story), b"")
    linked = store.put(doc("http://blog.example/rock", copy), b"")
    assert linked.duplicate_of == "http://satire.example/rock"
    unrelated = store.put(doc("http://news.example/rock", "Doctors warn that eating rocks is harmful. " * 8), b"")
    assert unrelated.duplicate_of is None
    assert store.forget("satire.example") == 1
    relinked = store.get("http://blog.example/rock")
    assert relinked is not None and relinked.duplicate_of is None
