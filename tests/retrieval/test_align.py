"""Alignment of a sentence to the passage spans that support it."""

from __future__ import annotations

from retrieval.align import align
from retrieval.embed import OnnxMiniLM
from retrieval.types import Passage


def passage(pid: str, text: str) -> Passage:
    return Passage(pid, f"https://example.org/{pid}", "h", "T", "example.org", "", text, 0, len(text))


EIFFEL = passage(
    "p1",
    "The Eiffel Tower is in Paris. It was completed in 1889 for the World's Fair. It is 330 metres tall.",
)
OTHER = passage("p2", "Bananas are yellow. Apples can be red or green.\nThe tower opened to the public in 1889.")


def test_lexical_alignment_picks_the_supporting_sentence() -> None:
    got = align("The Eiffel Tower is 330 metres tall.", [OTHER, EIFFEL])
    assert got[0].passage_id == "p1"
    assert got[0].quote.endswith("It is 330 metres tall.")
    for a in got:
        p = EIFFEL if a.passage_id == "p1" else OTHER
        assert p.text[a.start : a.end] == a.quote
        assert 0.0 < a.score <= 1.0
    assert [a.score for a in got] == sorted((a.score for a in got), reverse=True)


def test_spans_do_not_overlap_and_top_is_respected() -> None:
    got = align("tower 1889", [EIFFEL, OTHER], top=5)
    for i, a in enumerate(got):
        for b in got[i + 1 :]:
            assert a.passage_id != b.passage_id or a.end <= b.start or b.end <= a.start
    assert len(align("tower 1889", [EIFFEL, OTHER], top=1)) == 1


def test_embedding_finds_a_paraphrase(embedder: OnnxMiniLM) -> None:
    p = passage("p3", "Dogs bark at night. Felines are carnivores. The sky is blue.")
    got = align("Cats eat meat.", [p], embedder)
    assert got[0].quote == "Felines are carnivores."


def test_nothing_to_align() -> None:
    assert align("", [EIFFEL]) == []
    assert align("The Eiffel Tower", []) == []
    assert align("Quantum chromodynamics", [EIFFEL]) == []
    assert align("The Eiffel Tower", [passage("e", "   ")]) == []
