"""Split a long claim into the parts a judge checks one by one (clauses, then short chunks).

The embedded judge was trained on Factcheck-GPT claims (median 11 words); encyclopedia-style claims run to
20-35 words and join several facts, any of which may be missing from the page. Scoring each part against its
own best window and combining the part scores keeps the judge on the claim lengths it learned from, and lets
support spread over a page count ("released in 2001" in one paragraph, "by Sony" in another).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from verifier.features import content_stems

_CLAUSE = re.compile(
    r"\s*(?:;|,\s*(?:and|but|while|whereas|which|who|where|when|including|although|though)\b"
    r"|\s(?:and|but|while|whereas|as\s+well\s+as)\s)\s*",
    re.I,
)
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_SOFT = re.compile(
    r",\s*|\s+(?=(?:in|on|at|for|with|from|by|as|after|before|during|since|until|to|of)\s)",
    re.I,
)
MODES = ("none", "clauses", "chunks")
AGGREGATES = ("geo", "min", "max_full_min")


def _merge_small(pieces: Sequence[str], min_stems: int) -> list[str]:
    out: list[str] = []
    for p in pieces:
        if out and (len(content_stems(p)) < min_stems or len(content_stems(out[-1])) < min_stems):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return [o for o in out if content_stems(o)]


def clauses(claim: str, *, min_stems: int = 2, max_parts: int = 4) -> list[str]:
    """The claim's clauses and parenthetical remarks (the claim itself when it has only one)."""
    parens = [m.group(1) for m in _PAREN.finditer(claim)]
    main = _PAREN.sub("", claim)
    pieces = [p.strip() for p in _CLAUSE.split(main) if p and p.strip()]
    out = _merge_small([*pieces, *parens], min_stems)
    if len(out) > max_parts:
        out = [*out[: max_parts - 1], " ".join(out[max_parts - 1 :])]
    return out if len(out) > 1 else [claim]


def chunks(claim: str, *, target: int = 12, min_words: int = 4) -> list[str]:
    """Clauses, with any clause longer than ``target`` words cut at commas and prepositions."""
    out: list[str] = []
    for part in clauses(claim):
        if len(part.split()) <= target:
            out.append(part)
            continue
        current = ""
        for seg in (s.strip() for s in _SOFT.split(part) if s and s.strip()):
            if current and len(f"{current} {seg}".split()) > target and len(current.split()) >= min_words:
                out.append(current)
                current = seg
            else:
                current = f"{current} {seg}".strip()
        if current:
            if out and len(current.split()) < min_words:
                out[-1] = f"{out[-1]} {current}"
            else:
                out.append(current)
    out = [o for o in out if content_stems(o)]
    return out if len(out) > 1 else [claim]


def claim_parts(claim: str, mode: str) -> list[str]:
    """The parts of ``claim`` to score separately under ``mode`` (``none``, ``clauses`` or ``chunks``)."""
    if mode == "none":
        return [claim]
    if mode == "clauses":
        return clauses(claim)
    if mode == "chunks":
        return chunks(claim)
    raise ValueError(f"unknown decomposition mode {mode!r}; choose one of {MODES}")


def combine(whole: float, parts: Sequence[float], aggregate: str) -> float:
    """One score from the whole claim's score and its parts' scores (every part must be supported)."""
    if not parts:
        return whole
    if aggregate == "min":
        return float(min(parts))
    if aggregate == "max_full_min":
        return float(max(whole, min(parts)))
    if aggregate == "geo":
        return float(np.exp(np.mean(np.log(np.maximum(np.asarray(parts, dtype=np.float64), 1e-6)))))
    raise ValueError(f"unknown aggregate {aggregate!r}; choose one of {AGGREGATES}")
