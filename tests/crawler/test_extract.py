"""Extraction: text, metadata, charsets, binary, malformed input."""

from __future__ import annotations

import crawler
from crawler.dedup import content_hash
from crawler.extraction import decode_html, looks_binary, parse_page

from .conftest import article


def test_extract_text_and_metadata() -> None:
    html = article("Water report", "The reservoir is full.", ["/x"], head='<meta name="author" content="Ann Lee">')
    doc = crawler.extract(html, "http://news.example/a", fetched_at="2026-01-01T00:00:00Z")
    assert doc is not None
    assert "reservoir is full" in doc.text
    assert "Fixture site footer" not in doc.text
    assert doc.title == "Water report"
    assert doc.author == "Ann Lee"
    assert doc.site == "news.example"
    assert doc.language == "en"
    assert doc.final_url == "http://news.example/a"
    assert doc.fetched_at == "2026-01-01T00:00:00Z"
    assert doc.content_hash == content_hash(doc.text)
    assert doc.duplicate_of is None


def test_extract_returns_none_without_main_text() -> None:
    assert crawler.extract("<html><body><script>var x = 1;</script></body></html>", "http://a.example/") is None
    assert crawler.extract("<html><body><p> -- </p></body></html>", "http://a.example/") is None
    assert crawler.extract(b"", "http://a.example/") is None


def test_bytes_with_lying_charset_header_decode_correctly() -> None:
    html = article("Café", "Crème brûlée déjà vu at the café.", []).encode("cp1252")
    page = parse_page(html, "http://a.example/", charset="utf-8")
    assert page.document is not None
    assert "Crème brûlée" in page.document.text


def test_meta_charset_used_for_bytes() -> None:
    html = article("Привет", "Новости дня о водохранилище и фермерах.", []).replace("utf-8", "windows-1251")
    doc = crawler.extract(html.encode("cp1251"), "http://a.example/")
    assert doc is not None and "Новости дня" in doc.text


def test_utf8_wins_over_wrong_declared_single_byte_charset() -> None:
    data = "<html><head><meta charset='iso-8859-1'></head><body>naïve</body></html>".encode()
    assert "naïve" in decode_html(data, "iso-8859-1")


def test_binary_is_refused_with_reason() -> None:
    page = parse_page(bytes(range(256)) * 50, "http://a.example/bin")
    assert page.document is None and page.reason == "binary_content"
    assert looks_binary(b"\x00\x01\x02abc")
    assert not looks_binary(b"<html>" + b"text " * 100 + b"\x00</html>")
    assert not looks_binary(b"<html>plain</html>")


def test_malformed_html_still_extracts() -> None:
    html = "<html><head><title>T</title><body><div><p>" + "Broken but readable sentence. " * 30 + "<table><tr><td>x"
    doc = crawler.extract(html, "http://a.example/m")
    assert doc is not None and "Broken but readable" in doc.text


def test_links_and_canonical() -> None:
    head = '<link rel="canonical" href="https://www.news.example/a">'
    page = parse_page(
        article("T", "Body text here.", ["b", "/c#frag", "mailto:x@y", "https://other.example/"], head=head),
        "http://news.example/dir/a",
    )
    assert page.links == ["http://news.example/dir/b", "http://news.example/c", "https://other.example/"]
    assert page.document is not None and page.document.canonical_url == "https://www.news.example/a"


def test_file_canonical_ignored_with_reason() -> None:
    head = '<link rel="canonical" href="file:///usr/share/doc/python3/html/index.html">'
    page = parse_page(article("T", "Body text here.", [], head=head), "http://127.0.0.1:8000/index.html")
    assert page.document is not None and page.document.canonical_url is None
    assert page.canonical_reason == "canonical_scheme_file"


def test_off_site_canonical_ignored() -> None:
    head = '<link rel="canonical" href="https://elsewhere.example/a">'
    page = parse_page(article("T", "Body text here.", [], head=head), "http://news.example/a")
    assert page.document is not None and page.document.canonical_url is None
    assert page.canonical_reason == "canonical_off_site"
