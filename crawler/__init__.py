"""Verisight's crawler: frontier, polite fetching, extraction, dedup, WARC import.

``crawler.extract`` is the function from ``crawler.extraction`` (a module named ``extract`` would shadow it);
the crawl itself is ``crawler.crawl.crawl``.

Public entry points are imported lazily so ``import crawler`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawler.extraction import extract
    from crawler.summary import CrawlSummary
    from crawler.warc import ImportSummary, import_warc

__all__ = ["CrawlSummary", "ImportSummary", "extract", "import_warc"]

_LAZY = {
    "extract": "crawler.extraction",
    "CrawlSummary": "crawler.summary",
    "import_warc": "crawler.warc",
    "ImportSummary": "crawler.warc",
}


def __getattr__(name: str) -> Any:
    """Import public names on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'crawler' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
