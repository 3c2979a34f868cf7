"""WARC import on archives the test writes with warcio, including a corrupt one."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.errors import WarcError
from crawler.warc import import_warc
from tests.helpers import write_warc
from verisight.documents import DocumentStore

from .conftest import article


def test_import_html_responses(tmp_path: Path, store: DocumentStore) -> None:
    page_a = article("Warc article", "India text from an archive.", []).encode()
    page_b = article("Other article", "Juliet text from another site entirely different.", []).encode("utf-8")
    path = tmp_path / "a.warc.gz"
    write_warc(
        path,
        [
            ("http://news.example/a", "text/html; charset=utf-8", page_a, "200 OK"),
            ("http://mirror.example/a", "text/html", page_a, "200 OK"),
            ("http://other.example/b", "text/html", page_b, "200 OK"),
            ("http://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100), "200 OK"),
            ("http://news.example/gone", "text/html", b"<html>gone</html>", "404 Not Found"),
        ],
    )
    summary = import_warc([path], store)
    assert summary.records == 5
    assert summary.stored == 3 and summary.duplicates == 1
    assert summary.by_reason["not_html:image/png"] == 1
    assert summary.by_reason["http_404"] == 1
    assert summary.errors == 0
    mirror = store.get("http://mirror.example/a")
    assert mirror is not None and mirror.duplicate_of == "http://news.example/a"
    assert store.raw_html("http://news.example/a") == page_a
    # Importing again replaces, never duplicates.
    import_warc([path], store)
    assert store.count() == 3


def test_corrupt_record_is_counted_not_fatal(tmp_path: Path, store: DocumentStore) -> None:
    good = tmp_path / "good.warc"
    write_warc(
        good, [("http://news.example/a", "text/html", article("A", "Kilo text.", []).encode(), "200 OK")], gzip=False
    )
    broken = tmp_path / "broken.warc"
    data = good.read_bytes()
    broken.write_bytes(data + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ngarbage")
    other = tmp_path / "other.warc"
    write_warc(
        other, [("http://b.example/x", "text/html", article("B", "Lima text here.", []).encode(), "200 OK")], gzip=False
    )
    summary = import_warc([broken, other], store)
    assert summary.errors >= 1
    assert set(store.urls()) == {"http://news.example/a", "http://b.example/x"}


def test_missing_file_raises(tmp_path: Path, store: DocumentStore) -> None:
    with pytest.raises(WarcError):
        import_warc([tmp_path / "nope.warc"], store)


def test_import_reports_progress_up_to_the_files_size(tmp_path: Path, store: DocumentStore) -> None:
    page = article("Progress article", "Kilo text for the progress report.", []).encode()
    path = tmp_path / "p.warc.gz"
    write_warc(path, [(f"http://news.example/{i}", "text/html", page + str(i).encode(), "200 OK") for i in range(5)])
    seen: list[tuple[int, int]] = []
    import_warc([path], store, progress=lambda done, total: seen.append((done, total)))
    size = path.stat().st_size
    assert seen and all(total == size for _, total in seen)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen), "progress went backwards"
    assert seen[-1] == (size, size)
