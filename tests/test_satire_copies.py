"""Satire republished elsewhere is caught whichever copy the store saw first, and by the outlet's name alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crawler import extract
from tests.helpers import make_settings
from tests.satire_premise import risky_verdicts
from verisight.demo.server import DEMO_ROOT, load_manifest
from verisight.engine import Engine

SATIRE = "www.theunion-satire.example"
COPY = "blog.acmepaving.example"
PAGES = {
    "satire_home": f"{SATIRE}/index.html",
    "satire_about": f"{SATIRE}/about.html",
    "satire_article": f"{SATIRE}/news/geologists-recommend-one-small-rock-per-day.html",
    "copy": f"{COPY}/blog/geologists-recommend-eating-rocks.html",
    "copy_home": f"{COPY}/index.html",
    "geology": "www.geologyjournal.example/articles/can-humans-eat-rocks.html",
}
CASE = load_manifest()["satire_regression"][0]


def _url(path: str) -> str:
    host, _, rest = path.partition("/")
    return f"http://{host}/" if rest == "index.html" else f"http://{host}/{rest}"


def _engine(tmp_path: Path, order: list[str]) -> Engine:
    engine = Engine(make_settings(tmp_path, synth_mode="extractive"))
    for name in order:
        path = PAGES[name]
        raw = (DEMO_ROOT / path).read_bytes()
        doc = extract(raw, _url(path))
        assert doc is not None, path
        engine.documents.put(doc, raw)
    engine.update_index()
    return engine


@pytest.mark.parametrize(
    "order",
    [
        ["copy", "satire_article", "satire_home", "satire_about", "copy_home", "geology"],
        ["satire_article", "copy", "satire_home", "satire_about", "copy_home", "geology"],
        ["copy", "satire_home", "satire_about", "copy_home", "geology"],
    ],
    ids=["copy-stored-first", "satire-stored-first", "copy-without-original"],
)
def test_republished_satire_is_never_supported(tmp_path: Path, order: list[str]) -> None:
    engine = _engine(tmp_path, order)
    answer, verdicts, path = risky_verdicts(engine, CASE["query"], [SATIRE, COPY], CASE["forbidden"])
    assert verdicts, path
    for claim in verdicts:
        assert claim.verdict.label != "supported" and claim.action != "keep", (path, claim)
    patterns = [re.compile(p, re.IGNORECASE) for p in CASE["forbidden"]]
    assert not any(p.search(c.display) for c in answer.overview.claims if c.action == "keep" for p in patterns)
    labels = {s.site: s.credibility.label for s in answer.sources}
    for site in (SATIRE, COPY):
        if site in labels:
            assert labels[site] == "satire", (site, answer.sources)
    engine.close()


def test_every_expected_page_label_holds_through_the_engine(demo_engine: Engine) -> None:
    """The manifest's expected label per page, via the engine's assessor (page, site pages, near-duplicates).

    A page expected reliable may come out ``unknown`` (the demo sites are on no list); nothing may be called
    satire or user-generated that is not, including the news report *about* the republished satire.
    """
    from synth.types import Source

    expected = load_manifest()["credibility_expected_pages"]
    assert expected
    for i, (path, label) in enumerate(sorted(expected.items()), 1):
        url = _url(path)
        doc = demo_engine.documents.get(url)
        assert doc is not None, url
        got = demo_engine.assessor.assess(Source(i, url, doc.title, doc.site, None, ()), {}).label
        allowed = {"reliable", "unknown"} if label in ("reliable", "unknown") else {label}
        assert got in allowed, (path, got, label)
