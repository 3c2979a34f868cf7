"""The answerability gate: the rare-unseen-word rule, the coverage feature and the shipped calibration
(real MiniLM embedder, hand-made hits)."""

from __future__ import annotations

import json
from pathlib import Path

from retrieval.embed import Embedder
from retrieval.types import Hit
from synth.answerability import Answerability, Features, coverage, rule_share
from synth.relevance import score_sentences


def test_an_off_topic_question_scores_below_the_threshold(embedder: Embedder, hits: list[Hit]) -> None:
    """The shipped calibration: the water page answers a water question, and not a geography one."""
    model = Answerability.load()
    assert model.score("How much water should adults drink a day?", hits, embedder) >= model.threshold
    assert model.score("What is the capital of France?", hits, embedder) < model.threshold


def test_a_rare_word_the_corpus_never_uses_declines(embedder: Embedder, hits: list[Hit]) -> None:
    """"selenium" over pages that never say it is another question, however close the rest matches; a common
    word the corpus lacks ("seen") is paraphrase and leaves the model to decide; with the rule off it decides."""
    model = Answerability.load()
    assert model.rare_weight > 0
    q = "How much water and selenium should adults drink a day?"
    f = model.features(q, hits, embedder, unknown=1 / 6, unseen=["selenium"])
    assert f.rare_unseen == ("selenium",) and model.probability(f) == 0.0
    common = model.features(q, hits, embedder, unknown=1 / 6, unseen=["seen"])
    assert common.rare_unseen == () and model.probability(common) > 0.0
    off = Answerability(**{**{k: getattr(model, k) for k in model.__dataclass_fields__}, "rare_weight": 0.0})
    assert off.features(q, hits, embedder, unseen=["selenium"]).rare_unseen == ()


def test_an_unseen_word_that_is_a_small_part_of_a_long_question_leaves_the_model_to_decide(
    embedder: Embedder, hits: list[Hit]
) -> None:
    """"toddler" is most of "toddler water" but a small part of a long question about drinking water in hot
    weather: there the rule leaves the question to the model (the shipped ``rare_share``), and with the share at 0
    it declines as before."""
    model = Answerability.load()
    assert 0 < model.rare_share < 1
    short = "toddler water"
    long = "my toddler keeps asking for juice, how much water should adults and kids drink a day in hot weather"
    assert rule_share(short, ["toddler"]) > model.rare_share > rule_share(long, ["toddler"])
    assert model.features(short, hits, embedder, unseen=["toddler"]).rare_unseen == ("toddler",)
    assert model.features(long, hits, embedder, unseen=["toddler"]).rare_unseen == ()
    strict = Answerability(**{**{k: getattr(model, k) for k in model.__dataclass_fields__}, "rare_share": 0.0})
    assert strict.features(long, hits, embedder, unseen=["toddler"]).rare_unseen == ("toddler",)


def test_coverage_weighs_the_rare_words_of_the_question(embedder: Embedder, hits: list[Hit]) -> None:
    """A sentence stating the question's rare words covers more of it than one stating only its common words;
    the page title counts with the sentence."""
    scored = score_sentences("fluid litres adults", hits, embedder, context=False)
    assert coverage("fluid litres adults", scored) == 1.0
    assert coverage("selenium adults", scored) < 0.5 < coverage("fluid adults", scored)
    assert coverage("drink water", score_sentences("drink water", hits[2:], embedder, context=False)) > 0.4
    assert coverage("anything", []) == 0.0


def test_more_coverage_raises_the_probability() -> None:
    """The shipped weights: the same match covering more of the question is likelier an answer."""
    model = Answerability.load()
    assert model.w_coverage > 0
    assert model.probability(Features(0.5, 0.5, 0.0, 0.8)) > model.probability(Features(0.5, 0.5, 0.0, 0.2))


def test_the_calibration_file_is_the_one_loaded(tmp_path: Path) -> None:
    """Coefficients and threshold come from the file; an absent file gives the defaults."""
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"bias": -1.0, "w_lexical": 2.0, "w_cosine": 3.0, "threshold": 0.4,
                                "w_coverage": 1.5, "rare_weight": 4.0}), "utf-8")
    model = Answerability.load(path)
    assert (model.bias, model.w_lexical, model.w_cosine, model.threshold) == (-1.0, 2.0, 3.0, 0.4)
    assert (model.w_coverage, model.rare_weight) == (1.5, 4.0)
    assert Answerability.load(tmp_path / "missing.json") == Answerability()


def test_a_sure_answer_may_quote_a_less_relevant_sentence() -> None:
    """At or above ``confident`` the relevance floor is ``confident_relevance_min``; below it, and for a model
    whose confident floor is the higher one, it is ``relevance_min``."""
    model = Answerability.load()
    assert model.threshold < model.confident < 1
    assert model.relevance_floor(model.confident) == model.confident_relevance_min < model.relevance_min
    below = model.relevance_floor(model.confident - 0.01)
    assert below == model.relevance_floor(model.threshold) == model.relevance_min
    strict = Answerability(relevance_min=0.2, confident_relevance_min=0.28)
    assert strict.relevance_floor(1.0) == 0.2
