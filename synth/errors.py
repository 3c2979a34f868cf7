"""Errors raised by synth; each carries its own ``code``, HTTP ``status`` and public message.

    SynthError                synth_error, 500
     ├── BackendUnavailable   model_unavailable, 503: the LLM library, model file or server is missing or unreachable
     └── BackendFailed        model_failed, 502: the backend answered with an error (bad model name, 4xx/5xx after
                              retries)
"""

from __future__ import annotations

from crawler.errors import PublicError
from retrieval.errors import RETRY_AFTER_MODEL_S


class SynthError(PublicError):
    """Base class of every error synth raises."""

    code = "synth_error"
    public_message = "the overview could not be written"


class BackendUnavailable(SynthError):
    """The LLM backend cannot be used: library, model file or server missing."""

    code = "model_unavailable"
    status = 503
    public_message = "a model is unavailable; try again later"
    retry_after = RETRY_AFTER_MODEL_S


class BackendFailed(SynthError):
    """The LLM backend returned an error."""

    code = "model_failed"
    status = 502
    public_message = "the language model returned an error"
