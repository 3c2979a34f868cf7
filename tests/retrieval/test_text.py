"""Sentence splitting and tokenisation shared by every stage."""

from __future__ import annotations

from retrieval.text import content_words, split_sentences, tokenize, words


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_split_keeps_offsets_and_abbreviations() -> None:
    text = "Python 3.12 came out on Oct. 2, 2023. Dr. Smith said e.g. this!  Then J. R. Tolkien wrote more."
    got = sentences(text)
    assert got == [
        "Python 3.12 came out on Oct. 2, 2023.",
        "Dr. Smith said e.g. this!",
        "Then J. R. Tolkien wrote more.",
    ]
    for s, e in split_sentences(text):
        assert text[s:e] == text[s:e].strip()


def test_split_lines_headings_and_hard_wrap() -> None:
    text = "Installation\nRun the installer. It is\nquick.\n\n- first item\n- second item"
    want = ["Installation", "Run the installer.", "It is\nquick.", "- first item", "- second item"]
    assert sentences(text) == want


def test_a_line_break_after_an_abbreviation_does_not_end_the_sentence() -> None:
    """Hard-wrapped text that breaks right after "i.e." or "e.g." keeps the sentence whole (python3.11-doc's
    unittest and logging pages); a full stop before a new line that starts a sentence still ends one."""
    text = ("Note that these\nmethods round the values to the given number of decimal places (i.e.\nlike the round() "
            "function) and not significant digits.\nIf delta is supplied, it is used.")
    assert sentences(text) == [
        "Note that these\nmethods round the values to the given number of decimal places (i.e.\nlike the round() "
        "function) and not significant digits.",
        "If delta is supplied, it is used.",
    ]
    quoted = "the description of the event provided in the logging call, i.e.\n‘Watch out!’. Do not worry."
    assert sentences(quoted)[0] == "the description of the event provided in the logging call, i.e.\n‘Watch out!’."
    assert sentences("It ends here.\nThen e.g.\nNew line.") == ["It ends here.", "Then e.g.", "New line."]


def test_split_cjk_and_edge_cases() -> None:
    assert sentences("東京は日本の首都です。大阪も大きい。") == ["東京は日本の首都です。", "大阪も大きい。"]
    assert split_sentences("") == []
    assert split_sentences("   \n\n ") == []
    assert sentences("no punctuation at all") == ["no punctuation at all"]


def test_tokenize_normalises_stems_and_drops_stop_words() -> None:
    assert tokenize("The RUNNING dogs ran") == ["run", "dog", "ran"]
    assert tokenize("Ｐｙｔｈｏｎ's ﬁle") == ["python", "file"]  # NFKC: full-width letters, ligature
    assert tokenize("the and of") == []
    assert tokenize("東京") == ["東", "京"]
    assert tokenize("Привет мир") == ["привет", "мир"]


def test_content_words_unstemmed() -> None:
    assert content_words("The dogs don't like running") == ["dogs", "like", "running"]
    assert words("Don't stop") == ["don't", "stop"]
