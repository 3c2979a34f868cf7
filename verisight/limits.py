"""The public limits of a query, in one place: the engine, the JSON API, its OpenAPI document and the CLI read them.

The modes themselves are declared where they are implemented (``retrieval.types.SearchMode``,
``synth.types.SynthMode``) and re-exported here so a caller finds every part of the contract in one module.
"""

from __future__ import annotations

from retrieval.types import SEARCH_MODES, SearchMode
from synth.types import SYNTH_MODES, SynthMode

__all__ = [
    "MAX_K",
    "MAX_NOTE_CHARS",
    "MAX_QUERY_CHARS",
    "SEARCH_MODES",
    "SYNTH_MODES",
    "WORD_PATTERN",
    "SearchMode",
    "SynthMode",
]

MAX_QUERY_CHARS = 2000
"""The longest query accepted, in characters."""
MAX_K = 50
"""The most passages one query may ask for (``k`` is 1 to this)."""
MAX_NOTE_CHARS = 2000
"""The longest reviewer note accepted, in characters."""
WORD_PATTERN = r"[0-9A-Za-z_\u00aa-\ud7ff\uf900-\uffef]"
"""A query must contain one character of this class (a letter or digit in any script) to have something to search."""
