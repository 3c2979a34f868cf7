"""Errors raised by the retrieval stage.

::

    RetrievalError              base of every error this package raises on purpose
    ├── EmptyQuery              the query has no searchable content (empty, whitespace, only punctuation)
    ├── IndexMissing            no index at the given path (never built, or removed)
    ├── IndexCorrupt            an index folder exists but a file is missing, truncated or inconsistent
    └── ModelUnavailable        an embedding model or tokenizer cannot be found or loaded (with the fix)

Library code raises these with the reason; each class carries its own ``code``, HTTP ``status`` and public message
(``crawler.errors.PublicError``), which the CLI and the web layer show.
"""

from __future__ import annotations

from crawler.errors import PublicError

# How long a client should wait before asking again when a model is unavailable.
RETRY_AFTER_MODEL_S = 30


class RetrievalError(PublicError):
    """Base class of retrieval errors."""

    code = "retrieval_error"
    public_message: str | None = "retrieval failed"


class EmptyQuery(RetrievalError, ValueError):
    """The query has nothing to search for."""

    code = "bad_request"
    status = 400
    public_message = None


class IndexMissing(RetrievalError, FileNotFoundError):
    """No index exists at the given path."""

    code = "not_indexed"
    status = 409
    public_message = "nothing is indexed yet: run `verisight crawl URL` then `verisight index`"


class IndexCorrupt(RetrievalError):
    """The index exists but cannot be read consistently."""

    code = "index_corrupt"
    public_message = "the index cannot be read; run `verisight index` to rebuild it"


class ModelUnavailable(RetrievalError):
    """An embedding model or its tokenizer is not installed or cannot be loaded."""

    code = "model_unavailable"
    status = 503
    public_message = "a model is unavailable; try again later"
    retry_after = RETRY_AFTER_MODEL_S
