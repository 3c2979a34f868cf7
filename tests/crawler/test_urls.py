"""URL normalisation, scoping and the network-safety rules."""

from __future__ import annotations

import pytest

from crawler.urls import Scope, normalize, registrable_domain, trap_reason, url_reason


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://Example.COM:80/a/./b/../c#frag", "http://example.com/a/c"),
        ("https://example.com:443", "https://example.com/"),
        ("http://example.com/a b?utm_source=x&q=1", "http://example.com/a%20b?q=1"),
        ("http://bücher.example/", "http://xn--bcher-kva.example/"),
        ("http://example.com:8080/x/", "http://example.com:8080/x/"),
        ("http://example.com/a%2Fb?q=a%26b&r=1", "http://example.com/a%2Fb?q=a%26b&r=1"),
        ("http://example.com/caf\u00e9", "http://example.com/caf%C3%A9"),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_relative_and_refused() -> None:
    assert normalize("../x", "http://a.example/b/c/d") == "http://a.example/b/x"
    assert normalize("mailto:a@b.c") is None
    assert normalize("javascript:alert(1)", "http://a.example/") is None
    assert normalize("http://[bad") is None


def test_registrable_domain() -> None:
    assert registrable_domain("a.b.co.uk") == "b.co.uk"
    assert registrable_domain("docs.python.org") == "python.org"
    assert registrable_domain("news.example") == "news.example"
    assert registrable_domain("www.healthfacts.example") == "healthfacts.example"
    assert registrable_domain("127.0.0.1") == "127.0.0.1"
    assert registrable_domain("localhost") == "localhost"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:8000/", None),
        ("http://[::1]:8000/", None),
        ("http://localhost/", None),
        ("https://example.com/", None),
        ("file:///etc/passwd", "scheme_file"),
        ("ftp://example.com/", "scheme_ftp"),
        ("http://169.254.169.254/latest/meta-data/", "metadata_address"),
        ("http://169.254.1.1/", "link_local_address"),
        ("http://[fe80::1]/", "link_local_address"),
        ("http://metadata.google.internal/", "metadata_address"),
        ("http://10.0.0.1/", "private_address"),
        ("http://192.168.1.1/", "private_address"),
        ("http://172.16.0.1/", "private_address"),
    ],
)
def test_url_reason(url: str, reason: str | None) -> None:
    assert url_reason(url) == reason


def test_private_allowed_when_asked() -> None:
    assert url_reason("http://10.0.0.1/", allow_private=True) is None
    assert url_reason("http://169.254.169.254/", allow_private=True) == "metadata_address"


def test_scope() -> None:
    scope = Scope.build(["http://www.news.example/"], deny=["ads.news.example"])
    assert scope.reason("http://news.example/a") is None
    assert scope.reason("http://cdn.news.example/a") is None
    assert scope.reason("http://ads.news.example/a") == "denied_domain"
    assert scope.reason("http://other.example/") == "off_site"
    allowed = Scope.build(["http://news.example/"], allow=["partner.example"])
    assert allowed.reason("http://partner.example/x") is None
    anywhere = Scope.build(["http://news.example/"], same_site=False)
    assert anywhere.reason("http://other.example/") is None


def test_traps() -> None:
    assert trap_reason("http://a.example/x/y/x/y/x/y/x/y") == "repeating_path"
    assert trap_reason("http://a.example/" + "/".join(str(i) for i in range(40))) == "path_too_deep"
    assert trap_reason("http://a.example/a/b/c") is None
