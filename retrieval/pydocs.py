"""Python's reference docs as a retrieval test set: the documents ship with the interpreter (``pydoc_data``).

``pydocs_queries.jsonl`` (54 labelled questions) and ``pydocs_floors.json`` (the quality floors: raised by hand when
quality improves, never lowered) ship in ``retrieval/data``, so the gate runs from an installed wheel:
``verisight eval retrieval`` without ``--queries``.
"""

from __future__ import annotations

import hashlib
import json
import pydoc_data.topics
from pathlib import Path

from crawler.types import Document

DATA = Path(__file__).resolve().parent / "data"
QUERIES = DATA / "pydocs_queries.jsonl"
FLOORS = DATA / "pydocs_floors.json"


def real_documents() -> list[Document]:
    """Python's reference docs as documents."""
    return [
        Document(
            url=f"https://docs.python.org/3/reference/{name}.html",
            final_url=f"https://docs.python.org/3/reference/{name}.html",
            canonical_url=None,
            title=text.strip().split("\n")[0],
            site="docs.python.org",
            author=None,
            published=None,
            language="en",
            text=text,
            content_hash=hashlib.sha1(text.encode()).hexdigest(),
        )
        for name, text in sorted(pydoc_data.topics.topics.items())
    ]


def floors() -> dict[str, dict[str, float]]:
    """The pinned floors per search mode and metric."""
    loaded: dict[str, dict[str, float]] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return loaded


def below_floors(figures: dict[str, dict[str, float]], pinned: dict[str, dict[str, float]]) -> list[str]:
    """Descriptions of every figure below its floor (a figure that is missing counts as 0)."""
    return [
        f"{group} {name} {figures.get(group, {}).get(name, 0.0)} < floor {floor}"
        for group, names in pinned.items()
        for name, floor in names.items()
        if figures.get(group, {}).get(name, 0.0) < floor
    ]
