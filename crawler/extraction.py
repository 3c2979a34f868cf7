"""Main-text extraction: charset detection, one lxml parse, links and canonical, then trafilatura."""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass, field
from typing import Any

import charset_normalizer
import lxml.etree
import lxml.html
from trafilatura import bare_extraction

from crawler.dedup import content_hash
from crawler.types import Document
from crawler.urls import hostname, normalize, registrable_domain, url_reason

# trafilatura logs every page it cannot extract at WARNING/ERROR; those are recorded reasons here.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)""")
_WORDY = re.compile(r"\w", re.UNICODE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True, slots=True)
class Page:
    """Everything the crawler learns from one HTML page: the document (if any), its links, and why not."""

    document: Document | None
    links: list[str] = field(default_factory=list)
    reason: str | None = None  # why there is no document
    canonical_reason: str | None = None  # why a declared canonical URL was ignored


def _codec(name: str) -> str | None:
    """The Python codec name for a charset label, or None when unknown."""
    try:
        return codecs.lookup(name.strip().strip("\"'").lower()).name
    except (LookupError, ValueError):
        return None


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is almost certainly not text (many control bytes in its head; a stray NUL is fine)."""
    head = data[:4096]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode page bytes: BOM, then valid UTF-8, then the declared (header, meta) charset, then detection."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    head = data[:8192]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        m = pattern.search(head)
        if m:
            candidates.append(m.group(1).decode("ascii", "ignore"))
    for label in candidates:
        name = _codec(label)
        if name and name not in ("utf-8", "utf-16", "utf-32"):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            # Pages that claim a single-byte charset decode without error even when wrong; trust them
            # unless the detector is confident of something else.
            return text
    matches = list(charset_normalizer.from_bytes(data[:200_000]))
    if matches:
        best = matches[0]
        # Near-ties are common on mostly-ASCII pages; windows-1252 is by far the web's commonest legacy charset.
        for cand in matches:
            if cand.encoding == "cp1252" and cand.chaos <= best.chaos + 0.05:
                best = cand
                break
        return data.decode(best.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")


def _parse(text: str) -> lxml.html.HtmlElement | None:
    """Parse HTML text with lxml, or None when nothing parses."""
    text = text.replace("\x00", "")
    if text.lstrip().startswith("<?xml"):
        text = re.sub(r"^\s*<\?xml[^>]*>", "", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None


def find_canonical(tree: lxml.html.HtmlElement, base: str) -> tuple[str | None, str | None]:
    """The page's ``<link rel=canonical>`` if it may be honoured, and otherwise the reason it was ignored."""
    for href in tree.xpath("//head/link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"):
        raw = str(href).strip()
        if not raw:
            continue
        absolute = normalize(raw, base)
        refused = url_reason(absolute or raw)
        if refused or absolute is None:
            return None, f"canonical_{refused or 'invalid'}"
        if registrable_domain(hostname(absolute)) != registrable_domain(hostname(base)):
            return None, "canonical_off_site"
        return absolute, None
    return None, None


def find_links(tree: lxml.html.HtmlElement, base: str) -> list[str]:
    """Absolute, normalised http(s) links of the page (``<a href>`` and ``<area href>``), in order, unique."""
    bases = tree.xpath("//head/base/@href")
    if bases:
        base = normalize(str(bases[0]), base) or base
    seen: dict[str, None] = {}
    for a in tree.xpath("//a[@href] | //area[@href]"):
        if "nofollow" in (a.get("rel") or "").lower():
            continue
        url = normalize(a.get("href", ""), base)
        if url is not None:
            seen.setdefault(url, None)
    return list(seen)


def _language(tree: lxml.html.HtmlElement) -> str | None:
    """The page's declared language (``<html lang>`` or content-language meta), lower-cased."""
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        metas = tree.xpath("//meta[translate(@http-equiv,'CONTENT-LAG','content-lag')='content-language']/@content")
        lang = str(metas[0]) if metas else None
    if not lang:
        return None
    lang = lang.strip().split(",")[0].strip().lower()
    return lang or None


def parse_page(
    html: str | bytes,
    url: str,
    *,
    final_url: str | None = None,
    fetched_at: str = "",
    charset: str | None = None,
) -> Page:
    """Decode, parse and extract one page: its Document (or the reason there is none) and its links."""
    base = final_url or url
    if isinstance(html, bytes):
        if looks_binary(html):
            return Page(None, reason="binary_content")
        html = decode_html(html, charset)
    tree = _parse(html)
    if tree is None:
        return Page(None, reason="unparseable_html")
    links = find_links(tree, base)
    canonical, canonical_reason = find_canonical(tree, base)
    language = _language(tree)
    try:
        # trafilatura gets the text, not our tree: its own parser keeps more of some pages (zlib's how-to:
        # recall 0.65 from our pre-parsed tree, 0.89 from the string; crawler/evaluate.py)
        result = bare_extraction(
            html,
            url=base,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
        )
    except (ValueError, TypeError, lxml.etree.LxmlError, RecursionError) as exc:
        return Page(None, links, reason=f"extraction_error:{type(exc).__name__}", canonical_reason=canonical_reason)
    if result is None:
        data: dict[str, Any] = {}
    elif isinstance(result, dict):
        data = result
    else:
        data = result.as_dict()
    text = (data.get("text") or "").strip()
    if not _WORDY.search(text):
        return Page(None, links, reason="no_main_text", canonical_reason=canonical_reason)
    doc = Document(
        url=url,
        final_url=base,
        canonical_url=canonical,
        title=(data.get("title") or "").strip(),
        site=hostname(base),
        author=data.get("author") or None,
        published=data.get("date") or None,
        language=data.get("language") or language,
        text=text,
        content_hash=content_hash(text),
        fetched_at=fetched_at,
    )
    return Page(doc, links, canonical_reason=canonical_reason)


def extract(html: str | bytes, url: str, *, final_url: str | None = None, fetched_at: str = "") -> Document | None:
    """Extract the main text and metadata of an HTML page; None only when it has no main text."""
    return parse_page(html, url, final_url=final_url, fetched_at=fetched_at).document
