"""Answer assembly through the engine: the overview-wide policy on the streamed path, the answerability gate,
the fallback the reader is told about, and verbatim hedges. The models are the real ones; the LLM is a real
HTTP server on 127.0.0.1 speaking the OpenAI protocol with a fixed draft (what vLLM would send)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from synth.relevance import is_whole_sentence
from tests.helpers import make_settings
from verisight.engine import Engine

QUERY = "How long should you cool a burn under running water?"
# one sentence the demo's hospital page backs, two on-topic ones no page backs
DRAFT = (
    "Hold the burn under cool running water for 20 minutes [1]. "
    "Cooling a burn under running water for two full days also cures infections and removes scars [1]. "
    "Running water cools a burn best when salted with sea salt and a spoon of vinegar for an hour [1]."
)


class _Scripted(BaseHTTPRequestHandler):
    """Streams ``draft`` word by word; with ``stall`` set, sends nothing until released."""

    protocol_version = "HTTP/1.1"
    draft: ClassVar[str] = DRAFT
    stall: ClassVar[threading.Event | None] = None

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        """Chat completions, streamed."""
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.stall is not None:
            self.stall.wait(30)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        for word in self.draft.split(" "):
            chunk = {"choices": [{"delta": {"content": word + " "}}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")
        self.close_connection = True


def _serve(handler: type[_Scripted]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        if handler.stall is not None:
            handler.stall.set()
        server.shutdown()
        server.server_close()


@pytest.fixture
def scripted_llm() -> Iterator[str]:
    """A server that streams DRAFT."""
    yield from _serve(type("Handler", (_Scripted,), {}))


@pytest.fixture
def stalled_llm() -> Iterator[str]:
    """A server that never answers in time."""
    yield from _serve(type("Handler", (_Scripted,), {"stall": threading.Event()}))


def test_streamed_answers_get_the_overview_wide_policy(scripted_llm: str, demo_data: Path) -> None:
    """Regression (#18): the engine verified streamed claims one by one and never applied the overview-wide
    rule, so 2 unsupported claims of 3 were hedged (keep, hedge, hedge) where Verifier.verify drops them."""
    engine = Engine(make_settings(demo_data, llm_backend="openai", llm_base_url=scripted_llm, llm_model="scripted",
                                  llm_timeout_s=600))
    try:
        answer = engine.answer(QUERY)
        claims = answer.overview.claims
        assert [c.verdict.label for c in claims] == ["supported", "unsupported", "unsupported"], claims
        assert [c.action for c in claims] == ["keep", "drop", "drop"]
        overview = engine.synthesizer.write(QUERY, engine.search(QUERY, k=engine.settings.top_k))
        hits = engine.search(QUERY, k=engine.settings.top_k)
        ctx = engine._context(QUERY, hits, overview.sources, {})
        whole = engine.verifier.verify(overview.claims, ctx.sources, ctx.passages, ctx.credibility)
        assert [c.action for c in whole] == [c.action for c in claims]
        assert "two full days" not in answer.overview.text
    finally:
        engine.close()


def test_a_model_that_times_out_is_reported_to_the_reader(stalled_llm: str, demo_data: Path) -> None:
    """Regression (#18): a timed-out model fell back to quotes silently; the answer now says so."""
    engine = Engine(make_settings(demo_data, llm_backend="openai", llm_base_url=stalled_llm, llm_model="slow",
                                  llm_timeout_s=0.5))
    try:
        answer = engine.answer(QUERY)
    finally:
        engine.close()
    assert answer.models["llm"] == "extractive"
    assert answer.overview.mode == "extractive"
    assert "timed out" in answer.overview.notice and "slow" in answer.overview.notice


def test_a_question_the_corpus_cannot_answer_is_declined(demo_engine: Engine) -> None:
    """No overview at all for a question the demo pages do not answer: a plain message and the nearest passages."""
    answer = demo_engine.answer("What is the capital of France?")
    assert answer.overview.mode == "declined"
    assert answer.overview.claims == ()
    assert answer.overview.text == "The indexed sources do not answer this."
    assert answer.passages


def test_a_question_naming_a_word_no_source_uses_is_declined_and_says_which(demo_engine: Engine) -> None:
    """The egg pages answer how long to boil an egg, not a quail's egg: the answer is declined and names the word
    (as the question spells it), so the reader can rephrase; the same question without it is answered."""
    answer = demo_engine.answer("How long should I boil Quail eggs?")
    assert answer.overview.mode == "declined" and answer.passages
    assert answer.overview.notice == "None of the indexed sources mentions “Quail”."
    answered = demo_engine.answer("How long should I boil eggs?")
    assert answered.overview.mode != "declined" and answered.overview.notice == ""


def test_a_name_the_corpus_has_only_a_shorter_word_for_is_declined(demo_engine: Engine) -> None:
    """The demo pages say "apple" but never "applesauce": a close variant is enough for the rare-word rule, not
    for the rarer-name rule, so the question is declined and names the word."""
    query = "Can I bake with applesauce instead of eggs?"
    assert "applesauc" not in demo_engine.index.unseen_terms(query)  # "apple" is a shorter form of it
    assert demo_engine.index.unnamed_terms(query) == ["applesauc"]
    answer = demo_engine.answer(query)
    assert answer.overview.mode == "declined" and answer.passages
    assert answer.overview.notice == "None of the indexed sources mentions “applesauce”."


def test_forum_hedges_quote_the_post_verbatim(demo_engine: Engine) -> None:
    """A hedge never splices a quote into "claims that": it says who says it and quotes the whole sentence."""
    hedged = []
    for query in ("How do I keep cheese from sliding off pizza?", "How long should I boil an egg?",
                  "My sourdough starter is not bubbling, what should I do?", "I burned my hand on an oven rack"):
        answer = demo_engine.answer(query)
        hedged += [c for c in answer.overview.claims if c.verdict.label == "unreliable_source" and c.action == "hedge"]
    assert hedged
    for c in hedged:
        assert c.display.startswith(("A forum post says: \"", "A source of doubtful reliability says: \""))
        assert c.text in c.display and "claims that" not in c.display


def test_extractive_sentences_are_whole_and_on_topic(demo_engine: Engine) -> None:
    """Every shown sentence of an extractive overview is a whole sentence; none pads the answer off-topic."""
    answer = demo_engine.answer("How long should you cool a burn under running water?")
    shown = [c for c in answer.overview.claims if c.action != "drop"]
    assert shown and all(is_whole_sentence(c.text) for c in shown)
    assert "20 minutes" in answer.overview.text
    assert not any("leftover" in c.text.lower() or "bacteria" in c.text.lower() for c in shown)


def test_a_forum_post_that_a_credible_source_confirms_is_supported_and_cites_both(demo_engine: Engine) -> None:
    """Agreement counts: the forum's correct advice is shown as supported by the credible page, citing both (the
    forum's "That first rise on day 2 is usually bacteria ..." is what the starter guide also says)."""
    answer = demo_engine.answer("Why is my sourdough starter not rising?")
    label = {s.id: s.credibility.label for s in answer.sources}
    both = [
        c for c in answer.overview.claims
        if c.action == "keep" and c.verdict.label == "supported"
        and any(label[n] == "user_generated" for n in c.citations)
        and any(label[n] in ("reliable", "unknown") for n in c.citations)
    ]
    assert both, [(c.text, c.citations, c.verdict.label) for c in answer.overview.claims]


def test_hedges_quote_the_source_verbatim_and_grammatically() -> None:
    """The issue's broken hedge, "One forum post claims that just grabbed the oven rack ...", now quotes."""
    from verifier.types import SourceCredibility, Verdict, VerifiedClaim
    from verisight.assemble import hedge_display

    text = "Just grabbed the oven rack without a mitt like an idiot."
    claim = VerifiedClaim("c1", text, (2,), ("p",), "hedge", Verdict("unreliable_source", 0.9, "", ()),
                          "One forum post claims that just grabbed the oven rack without a mitt like an idiot.")
    forum = {2: SourceCredibility("user_generated", ())}
    assert hedge_display(claim, forum) == f'A forum post says: "{text}"'
    doubtful = {2: SourceCredibility("unreliable", ())}
    assert hedge_display(claim, doubtful) == f'A source of doubtful reliability says: "{text}"'


def test_a_sure_answer_quotes_the_credible_sentence_below_the_usual_floor(
    private_demo_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"Is it true that a study found butter makes burns heal 300 percent faster?": the gate is sure the pages
    answer, so the hospital's "Do not put butter ..." (relevance about 0.3) is quoted and the satire dropped; with
    the usual floor for every answer only the satire addresses the question, and the answer is declined."""
    query = "Is it true that a study found butter makes burns heal 300 percent faster?"
    answer = private_demo_engine.answer(query)
    kept = [c for c in answer.overview.claims if c.action == "keep"]
    assert answer.overview.mode == "extractive" and [c.text[:17] for c in kept] == ["Do not put butter"]
    assert {c.verdict.label for c in answer.overview.claims if c.action == "drop"} == {"satire"}
    gate = private_demo_engine.assembler.answerability
    monkeypatch.setattr(private_demo_engine.assembler, "answerability", replace(gate, confident=2.0))
    assert private_demo_engine.answer(query).overview.mode == "declined"
