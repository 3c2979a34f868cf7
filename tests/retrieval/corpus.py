"""A small real corpus for the retrieval tests: Python's own reference docs, shipped with the interpreter."""

from __future__ import annotations

import hashlib
import pydoc_data.topics

from crawler.types import Document

TOPICS = [
    "assert",
    "for",
    "try",
    "with",
    "lambda",
    "import",
    "while",
    "del",
    "pass",
    "raise",
    "global",
    "yield",
]


def make_doc(name: str, text: str, *, duplicate_of: str | None = None, title: str | None = None) -> Document:
    """A Document as the crawler would hand it over."""
    return Document(
        url=f"https://docs.python.org/3/reference/{name}.html",
        final_url=f"https://docs.python.org/3/reference/{name}.html",
        canonical_url=None,
        title=title if title is not None else name,
        site="docs.python.org",
        author=None,
        published=None,
        language="en",
        text=text,
        content_hash=hashlib.sha1(text.encode()).hexdigest(),
        duplicate_of=duplicate_of,
    )


def topic_docs(names: list[str], max_chars: int = 1500) -> list[Document]:
    """Documents from the Python reference topics shipped with the interpreter, cut to ``max_chars``."""
    return [make_doc(n, pydoc_data.topics.topics[n][:max_chars]) for n in names]
