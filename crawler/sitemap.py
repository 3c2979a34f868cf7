"""Sitemaps: page URLs from sitemap XML, sitemap indexes, gzipped sitemaps and plain-text lists.

Why not ``trafilatura.sitemaps``: its ``sitemap_search`` fetches with trafilatura's own downloader, with no hook for
ours, so sitemaps would bypass the crawler's fetcher (robots.txt, per-host politeness, the network-safety rules
that refuse private and metadata addresses, ``--resolve``, byte limits and the frontier's records). Its parsing is a
regular expression over ``<loc>`` that keeps only absolute ``http`` URLs and filters by domain and language for
trafilatura's own crawls. What is left to write here is the parse: lxml with entities and network off, gunzip
with an output limit, plain-text lists, and URL normalisation shared with the rest of the crawler.
"""

from __future__ import annotations

import zlib

import lxml.etree

from crawler.fetch import Fetcher
from crawler.urls import normalize

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit for one uncompressed file


def _parser() -> lxml.etree.XMLParser:
    """An XML parser that never resolves entities or touches the network (no XXE, no billion laughs)."""
    return lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip ``data``, at most ``limit`` bytes of output."""
    z = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        return z.decompress(data, limit)
    except zlib.error:
        return b""


def parse_sitemap(data: bytes, base: str) -> tuple[list[str], list[str]]:
    """Page URLs and nested sitemap URLs in one sitemap document (XML or plain text), normalised."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, MAX_SITEMAP_BYTES)
    stripped = data.lstrip()
    if not stripped.startswith(b"<"):
        lines = stripped.decode("utf-8", errors="replace").splitlines()
        return [u for u in (normalize(line, base) for line in lines if line.strip()) if u], []
    try:
        root = lxml.etree.fromstring(stripped, parser=_parser())
    except lxml.etree.XMLSyntaxError:
        return [], []
    if root is None:
        return [], []
    pages: list[str] = []
    nested: list[str] = []
    for element in root.iter("{*}loc"):
        text = (element.text or "").strip()
        url = normalize(text, base) if text else None
        if url is None:
            continue
        parent = element.getparent()
        tag = lxml.etree.QName(parent).localname if parent is not None else ""
        (nested if tag == "sitemap" else pages).append(url)
    return pages, nested


async def sitemap_urls(fetcher: Fetcher, url: str, *, max_urls: int = 100_000, max_sitemaps: int = 100) -> list[str]:
    """Every page URL reachable from the sitemap (or sitemap index) at ``url``, in order, without repeats."""
    todo = [url]
    seen_maps: set[str] = set()
    pages: dict[str, None] = {}
    while todo and len(seen_maps) < max_sitemaps and len(pages) < max_urls:
        current = todo.pop(0)
        if current in seen_maps:
            continue
        seen_maps.add(current)
        result = await fetcher.fetch(current, html_only=False)
        if not result.ok:
            continue
        found, nested = parse_sitemap(result.body, result.final_url)
        for page in found[: max_urls - len(pages)]:
            pages.setdefault(page, None)
        todo.extend(n for n in nested if n not in seen_maps)
    return list(pages)
