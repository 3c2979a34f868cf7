"""Errors raised by synth.

    SynthError
     ├── BackendUnavailable   the LLM library, model file or server is missing or unreachable
     ├── BackendFailed        the backend answered with an error (bad model name, 4xx/5xx after retries)
     └── NothingUsable        the model wrote nothing that could be turned into an overview
"""

from __future__ import annotations


class SynthError(Exception):
    """Base class of every error synth raises."""


class BackendUnavailable(SynthError):
    """The LLM backend cannot be used: library, model file or server missing."""


class BackendFailed(SynthError):
    """The LLM backend returned an error."""


class NothingUsable(SynthError):
    """The model output could not be turned into an overview."""
