"""Sentence and citation parsing, whole and streamed."""

from __future__ import annotations

from synth.parse import SentenceStream, find_citations, join_with_citations, split_draft, strip_citations

DRAFT = "Rocks are not food [1]. Experts e.g. Dr. Smith agree. [2] Use less sauce [1, 3]! A tail without end"


def test_split_draft_keeps_citations_and_spans() -> None:
    sentences = split_draft(DRAFT)
    assert [s.citations for s in sentences] == [(1,), (2,), (1, 3), ()]
    assert sentences[0].text == "Rocks are not food."
    assert sentences[1].text.startswith("Experts e.g. Dr. Smith")
    for s in sentences:
        assert DRAFT[s.start : s.end].strip()
        assert s.start < s.end <= len(DRAFT)


def test_streamed_sentences_match_whole_split_whatever_the_piece_size() -> None:
    whole = [(s.text, s.citations) for s in split_draft(DRAFT)]
    for size in (1, 2, 3, 7, len(DRAFT)):
        stream = SentenceStream()
        got = []
        for i in range(0, len(DRAFT), size):
            got.extend(stream.feed(DRAFT[i : i + size]))
        got.extend(stream.close())
        assert [(s.text, s.citations) for s in got] == whole


def test_sentence_is_released_before_the_stream_ends() -> None:
    stream = SentenceStream()
    assert stream.feed("Rocks are not food [1].") == []  # citations could still follow
    released = stream.feed(" Next")
    assert [s.text for s in released] == ["Rocks are not food."]


def test_citation_helpers() -> None:
    assert find_citations("a [2] b [1,2] c [3; 4]") == (2, 1, 3, 4)
    assert strip_citations("Water boils [1] at 100 C [2].") == "Water boils at 100 C."
    assert join_with_citations([("Water boils.", (1, 2)), ("No cite here.", ())]) == "Water boils [1][2]. No cite here."
