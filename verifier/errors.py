"""Verifier errors.

VerifierError
 ├── JudgeError        a judge could not load its model or reach its server, or got a bad answer
 └── EvalDataError     a claim/evidence file is missing or not in the format named
"""

from __future__ import annotations

from crawler.errors import PublicError


class VerifierError(PublicError):
    """Base class of every error the verifier raises (``code``, ``status``, public message as ``PublicError``)."""

    code = "verifier_error"
    public_message = "the claims could not be verified"


class JudgeError(VerifierError):
    """A judge could not score: missing weights, unreachable server, malformed response."""


class EvalDataError(VerifierError):
    """A claim/evidence file is missing or not in the format named."""
