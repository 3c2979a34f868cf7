"""Verifier errors.

VerifierError
 ├── JudgeError        a judge could not load its model or reach its server, or got a bad answer
 └── EvalDataError     a claim/evidence file is missing or not in the format named
"""

from __future__ import annotations


class VerifierError(Exception):
    """Base class of every error the verifier raises."""


class JudgeError(VerifierError):
    """A judge could not score: missing weights, unreachable server, malformed response."""


class EvalDataError(VerifierError):
    """A claim/evidence file is missing or not in the format named."""
