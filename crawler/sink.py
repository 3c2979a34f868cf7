"""Where the crawler puts what it extracts: an interface the composition root implements."""

from __future__ import annotations

from abc import ABC, abstractmethod

from crawler.types import Document


class DocumentSink(ABC):
    """Receives extracted documents; implementations must be idempotent per URL."""

    @abstractmethod
    def put(self, doc: Document, raw_html: bytes) -> Document:
        """Store ``doc`` (replacing any earlier version of its URL) and return it with ``duplicate_of`` set."""
