"""Source credibility for an answer, from what the store knows: the page and its raw HTML, its site's own home
and about pages, and its near-duplicates in both directions (which copy was stored first depends on crawl order).

Reviewer labels apply on top of that automatic judgement. A page label wins outright: the reviewer looked at
that page. A domain label replaces what is known about the domain (the shipped lists, the site's own about
page), but never the page's own signals: a satire page, a copy of one, or a forum thread on a domain marked
reliable stays satire or user-generated, so one relabel cannot turn a joke post into a verified fact.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import cast

from crawler.types import Document
from synth.types import Source
from verifier.credibility import (
    FORUM_MIN_SIGNALS,
    assess,
    forum_reason,
    forum_signals,
    satire_signals,
    split_host,
    visible_text,
)
from verifier.types import CredibilityLabel, SourceCredibility
from verisight.decisions import ReviewerLabels, SourceLabel
from verisight.documents import DocumentStore

DOWNGRADES = ("satire", "unreliable", "user_generated")
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
        """A source's credibility: the automatic judgement, then the reviewer labels in ``overrides`` (page URL or
        domain → label; see the module docstring for how a domain label meets the page's own signals)."""
        labels = overrides if isinstance(overrides, ReviewerLabels) else _as_labels(overrides)
        doc = self.documents.get(source.url)
        page = labels.page(source.url, *((doc.final_url, doc.canonical_url or "") if doc else ()))
        if page is not None and page.label is not None:
            return SourceCredibility(cast(CredibilityLabel, page.label), (page.describe(),))
        automatic = self.automatic(source, labels)
        host, registrable = split_host(source.url)
        domain = labels.domain(host, registrable)
        if domain is None or domain.label is None:
            return automatic
        own = self.page_signals(source)
        # A page's own signs outrank a domain label that trusts it more; satire outranks every domain label.
        if own is not None and own.label != domain.label and (
            domain.label not in DOWNGRADES or own.label == "satire"
        ):
            return SourceCredibility(own.label, (*own.reasons, f"{domain.describe()}, but this page's own signs "
                                                              "still count"))
        return SourceCredibility(cast(CredibilityLabel, domain.label), (domain.describe(),))

    def page_signals(self, source: Source) -> SourceCredibility | None:
        """What the page itself shows, whatever its domain: satire (its own words, or a copy of a satire page)
        or a forum / Q&A thread; None when it shows neither."""
        doc = self.documents.get(source.url)
        if doc is None:
            return None
        html = self.documents.raw_html(doc.url)
        page_text = visible_text(html) if html else ""
        full = f"{doc.text}\n{page_text}" if page_text else doc.text
        host, _ = split_host(doc.url)
        satire = satire_signals(doc.title, full, host, self.satire_names())
        for url in ([doc.duplicate_of] if doc.duplicate_of else []) + self.documents.copies_of(doc.url):
            other = self.documents.get(url)
            if other is not None and assess(other.url, other.title, other.text,
                                            html=self.documents.raw_html(other.url)).label == "satire":
                satire.append(f"a near-duplicate of the satire page {other.url}")
                break
        if satire:
            return SourceCredibility("satire", tuple(satire))
        forum = forum_signals(doc.url, doc.title, full)
        if len(forum) >= FORUM_MIN_SIGNALS:
            return SourceCredibility("user_generated", (forum_reason(forum),))
        return None

    def automatic(self, source: Source, labels: ReviewerLabels | None = None) -> SourceCredibility:
        """A source's credibility from its page, its site's own pages, and its near-duplicates in both directions,
        without a reviewer label of its own (a copy of a page a reviewer marked satire is satire too)."""
        doc = self.documents.get(source.url)
        if doc is None:
            return assess(source.url, source.title, "")
        known = self.satire_names()
        copies = [doc.duplicate_of] if doc.duplicate_of else []
        copies += self.documents.copies_of(doc.url)
        # Reading a page's raw HTML for its signals is the slow part: the verdict is cached for as long as the
        # page, its copies, the known satire names and the reviewers' labels stay the same.
        marks = tuple(_satire_label(labels, url) if labels else None for url in copies)
        key = (doc.url, doc.content_hash, tuple(copies), known, marks)
        cached = self._page_cache.get(key)
        if cached is not None:
            return cached
        verdict = self._assess(doc, copies, known, marks)
        self._page_cache[key] = verdict
        while len(self._page_cache) > PAGE_CACHE_SIZE:
            self._page_cache.popitem(last=False)
        return verdict

    def _assess(
        self, doc: Document, copies: list[str], known: tuple[str, ...], marks: tuple[SourceLabel | None, ...]
    ) -> SourceCredibility:
        """The automatic verdict for ``doc`` given its copies and the reviewer satire labels on them (``marks``)."""
        linked = None
        for url, marked in zip(copies, marks, strict=True):
            other = self.documents.get(url)
            if other is None:
                continue
            if marked is not None:
                linked = SourceCredibility("satire", (f"near-duplicate of {other.url}", marked.describe()))
                break
            verdict = assess(other.url, other.title, other.text,
                             html=self.documents.raw_html(other.url), known_satire=known)
            if verdict.label == "satire" or self.site_satire(other.site):
                linked = SourceCredibility("satire", (f"near-duplicate of {other.url}", *verdict.reasons[:1]))
                break
            linked = linked or verdict
        page = assess(doc.url, doc.title, doc.text, duplicate_of_credibility=linked,
                      html=self.documents.raw_html(doc.url), known_satire=known)
        if page.label == "satire":
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



def _satire_label(labels: ReviewerLabels, url: str) -> SourceLabel | None:
    """The reviewer label that marks the page at ``url`` (or its domain) as satire, or None."""
    host, registrable = split_host(url)
    found = labels.page(url) or labels.domain(host, registrable)
    return found if found is not None and found.label == "satire" else None


def _as_labels(overrides: Mapping[str, str]) -> ReviewerLabels:
    """Plain ``{page URL or domain: label}`` overrides as ReviewerLabels (no reviewer details known)."""
    return ReviewerLabels([
        SourceLabel("page" if "://" in key else "domain", key.lower().removeprefix("www.") if "://" not in key
                    else key, label, "", "")
        for key, label in overrides.items()
    ])
