"""Source credibility for an answer, from what the store knows: the page and its raw HTML, its site's own home
and about pages, and its near-duplicates in both directions (which copy was stored first depends on crawl order)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping

from crawler.types import Document
from synth.types import Source
from verifier.credibility import assess
from verifier.types import SourceCredibility
from verisight.documents import DocumentStore

PAGE_CACHE_SIZE = 4096


class SourceAssessor:
    """Judges sources against the document store; caches per-site findings until ``reset``."""

    def __init__(self, documents: DocumentStore) -> None:
        self.documents = documents
        self._site_cache: dict[str, str | None] = {}
        self._names: tuple[str, ...] | None = None
        self._page_cache: OrderedDict[tuple[object, ...], SourceCredibility] = OrderedDict()

    def reset(self) -> None:
        """Forget cached site findings (after the store or the index changed)."""
        self._site_cache = {}
        self._names = None
        self._page_cache = OrderedDict()

    def assess(self, source: Source, overrides: Mapping[str, str]) -> SourceCredibility:
        """A source's credibility from its page, its site's own pages, and its near-duplicates in both directions."""
        doc = self.documents.get(source.url)
        if doc is None:
            return assess(source.url, source.title, "", overrides=overrides)
        known = self.satire_names()
        copies = [doc.duplicate_of] if doc.duplicate_of else []
        copies += self.documents.copies_of(doc.url)
        # Reading a page's raw HTML for its signals is the slow part: the verdict is cached for as long as the
        # page, its copies, the known satire names and the reviewers' labels stay the same.
        key = (doc.url, doc.content_hash, tuple(copies), known, tuple(sorted(overrides.items())))
        cached = self._page_cache.get(key)
        if cached is not None:
            return cached
        verdict = self._assess(doc, copies, known, overrides)
        self._page_cache[key] = verdict
        while len(self._page_cache) > PAGE_CACHE_SIZE:
            self._page_cache.popitem(last=False)
        return verdict

    def _assess(
        self, doc: Document, copies: list[str], known: tuple[str, ...], overrides: Mapping[str, str]
    ) -> SourceCredibility:
        linked = None
        for url in copies:
            other = self.documents.get(url)
            if other is None:
                continue
            verdict = assess(other.url, other.title, other.text, overrides=overrides,
                             html=self.documents.raw_html(other.url), known_satire=known)
            if verdict.label == "satire" or self.site_satire(other.site):
                linked = SourceCredibility("satire", (f"near-duplicate of {other.url}", *verdict.reasons[:1]))
                break
            linked = linked or verdict
        page = assess(doc.url, doc.title, doc.text, overrides=overrides, duplicate_of_credibility=linked,
                      html=self.documents.raw_html(doc.url), known_satire=known)
        if page.label == "satire" or any(r.startswith("a reviewer") for r in page.reasons):
            return page
        site = self.site_satire(doc.site)
        if site is not None:
            return SourceCredibility("satire", (site, *page.reasons[:1]))
        return page

    def site_satire(self, site: str) -> str | None:
        """A reason when the site's own home or about page says it publishes satire (cached per site)."""
        cache = self._site_cache
        if site in cache:
            return cache[site]
        reason = None
        for url in self.documents.site_pages(site):
            doc = self.documents.get(url)
            if doc is None:
                continue
            verdict = assess(url, doc.title, doc.text, html=self.documents.raw_html(url))
            if verdict.label == "satire":
                reason = f"the site's own page {url} describes it as satire: {verdict.reasons[0]}"
                break
        cache[site] = reason
        return reason

    def satire_names(self) -> tuple[str, ...]:
        """Names of the stored sites that call themselves satire (their home page titles), for
        "originally published by <name>" lines; cached until the next index update."""
        if self._names is not None:
            return self._names
        names = []
        for site in self.documents.sites():
            if self.site_satire(site):
                for url in self.documents.site_pages(site, limit=2):
                    doc = self.documents.get(url)
                    if doc is not None and doc.title:
                        names.append(doc.title.split(" | ")[0].split(" - ")[0].strip())
        result = tuple(dict.fromkeys(n for n in names if n))
        self._names = result
        return result

