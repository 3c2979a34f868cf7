"""Close variants of a term in a vocabulary, and how rare a word is in general English."""

from __future__ import annotations

from retrieval.rarity import RARE, UNLISTED, is_rare, weight
from retrieval.variants import has_form, has_variant, one_edit

VOCAB = ["configur", "lazi", "python", "statement", "vitamin"]


def test_a_term_or_its_close_variant_is_found() -> None:
    """Another inflection, a longer form and a typing slip count; an unrelated word and a short prefix do not."""
    vocab = set(VOCAB)
    assert has_variant("python", vocab, VOCAB)
    assert has_variant("lazili", vocab, VOCAB)  # "lazily" against "lazy": the stemmer keeps them apart
    assert has_variant("config", vocab, VOCAB)  # a longer form is in the vocabulary
    assert has_variant("pyhton", vocab, VOCAB)  # a transposition
    assert has_variant("statment", vocab, VOCAB)  # a deletion
    assert not has_variant("selenium", vocab, VOCAB)
    assert not has_variant("vit", vocab, VOCAB)  # too short to stand for "vitamin"


def test_a_form_is_the_term_or_a_longer_word_only() -> None:
    """A longer form and an inflection count ("configur" for "config", "lazi" for "lazili"); a shorter word and a
    typing slip do not ("python" is no form of "pythonista")."""
    vocab = set(VOCAB)
    assert has_form("python", vocab, VOCAB) and has_form("config", vocab, VOCAB)
    assert has_form("lazili", vocab, VOCAB)  # "lazily" against "lazy": the stemmer keeps them apart
    assert has_variant("pythonista", vocab, VOCAB) and not has_form("pythonista", vocab, VOCAB)
    assert has_variant("pyhton", vocab, VOCAB) and not has_form("pyhton", vocab, VOCAB)
    assert not has_form("vit", vocab, VOCAB)  # too short to stand for "vitamin"


def test_one_edit_reaches_every_single_change_and_not_the_term() -> None:
    """Deletions, transpositions, substitutions and insertions, each once."""
    edits = one_edit("cat")
    assert {"at", "act", "cut", "cart"} <= edits
    assert "cat" not in edits and "dog" not in edits


def test_rare_words_weigh_more_than_common_ones() -> None:
    """wordfreq's table: "selenium" is rare, "doctor" and "seen" are not; an unlisted word is rarest."""
    assert is_rare("selenium") and weight("selenium") > weight("doctor")
    assert not is_rare("doctor") and not is_rare("seen")
    assert weight("zzqxv") == UNLISTED >= RARE
