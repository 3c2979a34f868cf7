"""Whether a vocabulary holds a term or a close variant of it: another inflection the stemmer keeps apart
("lazili" and "lazi"), a longer form ("sprain" and "sprained" stem alike, "config" and "configur" do not), or a
typing slip one edit away ("pyhton")."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence

MIN_PREFIX = 4  # "lazi" counts for "lazili"; "sel" does not count for "selenium"
MAX_SUFFIX = 2  # an inflection's ending the stemmer keeps ("lazili" and "lazi"); a longer one makes a new word
MIN_EDIT = 5  # one edit on a shorter term reaches too many other words ("cat", "car", "cap")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def one_edit(term: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from ``term``."""
    splits = [(term[:i], term[i:]) for i in range(len(term) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    out |= {a + c + b for a, b in splits for c in _ALPHABET}
    out.discard(term)
    return out


def has_form(term: str, vocab: Collection[str], ordered: Sequence[str]) -> bool:
    """True when ``vocab`` (``ordered``: the same terms sorted) holds ``term``, a longer form of it ("dict" in
    "dictionari") or an inflection the stemmer keeps apart (at most ``MAX_SUFFIX`` letters shorter: "lazi" for
    "lazili"); neither a shorter word nor a typing slip counts ("trace" is no form of "tracemalloc")."""
    if term in vocab:
        return True
    if any(term[:k] in vocab for k in range(max(MIN_PREFIX, len(term) - MAX_SUFFIX), len(term))):
        return True
    i = bisect.bisect_left(ordered, term)
    return len(term) >= MIN_PREFIX and i < len(ordered) and ordered[i].startswith(term)


def has_variant(term: str, vocab: Collection[str], ordered: Sequence[str]) -> bool:
    """True when ``vocab`` (``ordered``: the same terms sorted) holds ``term`` or a close variant of it."""
    if term in vocab:
        return True
    if any(term[:k] in vocab for k in range(MIN_PREFIX, len(term))):
        return True  # a shorter form: "lazi" for "lazili"
    if len(term) >= MIN_PREFIX:
        i = bisect.bisect_left(ordered, term)
        if i < len(ordered) and ordered[i].startswith(term):
            return True  # a longer form: "configur" for "config"
    return len(term) >= MIN_EDIT and any(v in vocab for v in one_edit(term))
