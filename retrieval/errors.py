"""Errors raised by the retrieval stage.

::

    RetrievalError              base of every error this package raises on purpose
    ├── EmptyQuery              the query has no searchable content (empty, whitespace, only punctuation)
    ├── IndexMissing            no index at the given path (never built, or removed)
    ├── IndexCorrupt            an index folder exists but a file is missing, truncated or inconsistent
    └── ModelUnavailable        an embedding model or tokenizer cannot be found or loaded (with the fix)

Library code raises these with the reason; the CLI and the web layer turn them into user messages.
"""

from __future__ import annotations


class RetrievalError(Exception):
    """Base class of retrieval errors."""


class EmptyQuery(RetrievalError, ValueError):
    """The query has nothing to search for."""


class IndexMissing(RetrievalError, FileNotFoundError):
    """No index exists at the given path."""


class IndexCorrupt(RetrievalError):
    """The index exists but cannot be read consistently."""


class ModelUnavailable(RetrievalError):
    """An embedding model or its tokenizer is not installed or cannot be loaded."""
