"""How rare a word is in general English: wordfreq's Zipf frequencies as a weight per stem.

The table (``data/word_weights.json``, built by ``training/verifier_train.py`` from wordfreq 3.1.1's English data)
gives each stem 8.5 minus the Zipf frequency of its most frequent form: "the" weighs about 1, "doctor" 3.5,
"selenium" 5.3. A stem outside wordfreq's 200,000 most frequent words weighs ``UNLISTED``. The verifier weighs a
claim's words by it; the answerability gate asks whether a question names a rare word its corpus never uses.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
WORD_WEIGHTS = DATA_DIR / "word_weights.json"
UNLISTED = 8.0
# a weight of 4 is a Zipf frequency of 4.5 or less: "sprain", "quail", "tokyo"; "doctor", "early", "seen" are
# more common
RARE = 4.0


class RarityError(RuntimeError):
    """The word-weight table is missing or unreadable."""


@lru_cache(maxsize=4)
def word_weights(name: str = WORD_WEIGHTS.name) -> dict[str, float]:
    """A shipped word-weight table (``retrieval/data/NAME``), loaded once."""
    path = DATA_DIR / Path(name).name
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RarityError(f"cannot load word weights from {path}: {exc}") from exc
    return {str(k): float(v) for k, v in table["weights"].items()}


def weight(stem: str) -> float:
    """The general-English weight of a stem (``UNLISTED`` when wordfreq does not list it)."""
    return word_weights().get(stem, UNLISTED)


def is_rare(stem: str) -> bool:
    """True for a stem at least as rare in general English as ``RARE``."""
    return weight(stem) >= RARE
