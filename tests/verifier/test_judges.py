"""The judges: the embedded feature model on hand-written pairs, and MiniCheck against a real HTTP peer."""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from verifier.errors import JudgeError
from verifier.features import framing_cues, split_sentences
from verifier.judges import EmbeddedJudge, Judge, MiniCheckJudge, calibrate, get_judge, p_yes_from_response

CLAIM = "The Eiffel Tower was completed in 1889 for the World's Fair in Paris."
SUPPORT = (
    "Construction of the Eiffel Tower began in 1887. The tower was completed in 1889 and served as the "
    "entrance arch to the 1889 World's Fair in Paris."
)
WRONG_YEAR = (
    "Construction of the Eiffel Tower began in 1887. The tower was completed in 1895 and served as the "
    "entrance arch to the World's Fair in Paris."
)
IRRELEVANT = "Bananas are rich in potassium and are grown in tropical regions around the world."
NEGATED = "The Eiffel Tower was not completed in 1889 for the World's Fair in Paris."


@pytest.fixture(scope="module")
def judge() -> Judge:
    return get_judge("embedded")


def test_embedded_scores_are_probabilities(judge: Judge) -> None:
    scores = judge.score([(CLAIM, SUPPORT), (CLAIM, IRRELEVANT), (CLAIM, "")])
    assert len(scores) == 3
    assert all(isinstance(s, float) and 0.0 <= s <= 1.0 for s in scores)
    assert judge.name == "embedded"
    assert 0.0 < judge.threshold < 1.0


def test_supporting_evidence_beats_irrelevant_and_wrong_number(judge: Judge) -> None:
    support, wrong, irrelevant = judge.score([(CLAIM, SUPPORT), (CLAIM, WRONG_YEAR), (CLAIM, IRRELEVANT)])
    assert support > wrong > irrelevant
    assert support >= judge.threshold
    assert irrelevant < judge.threshold


@pytest.mark.parametrize(
    ("claim", "good", "bad"),
    [
        (
            "Python lists are mutable sequences.",
            "Lists are mutable sequences, typically used to store collections of homogeneous items.",
            "Tuples are immutable sequences, typically used to store collections of heterogeneous data.",
        ),
        (
            "Adults should drink about two litres of water a day.",
            "Most adults need about two litres of water a day, more in hot weather.",
            "The river delta floods every spring, covering the farmland with silt.",
        ),
    ],
)
def test_ordering_on_hand_written_pairs(judge: Judge, claim: str, good: str, bad: str) -> None:
    good_score, bad_score = judge.score([(claim, good), (claim, bad)])
    assert good_score > bad_score


def test_long_evidence_is_scored_by_its_best_window(judge: Judge) -> None:
    filler = [f"Paragraph {i} talks about the weather in Lyon and nothing else." for i in range(40)]
    page = [*filler[:20], *SUPPORT.split(". "), *filler[20:]]
    score, window = judge.score_sentences(CLAIM, page)
    assert score >= judge.threshold
    assert any("1889" in page[i] for i in window)
    assert judge.score_sentences(CLAIM, filler)[0] < judge.threshold
    assert judge.score_sentences(CLAIM, []) == (0.0, ())


def test_contradiction_signal(judge: Judge) -> None:
    negated, wrong, agree, off_topic = judge.contradiction(
        [(CLAIM, NEGATED), (CLAIM, WRONG_YEAR), (CLAIM, SUPPORT), (CLAIM, IRRELEVANT)]
    )
    assert negated > 0.5
    assert wrong > 0.0
    assert agree == 0.0
    assert off_topic == 0.0


def test_unknown_judge_and_bad_weights(tmp_path: Any) -> None:
    with pytest.raises(JudgeError, match="unknown judge"):
        get_judge("nope")
    bad = tmp_path / "w.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(JudgeError, match="cannot load"):
        EmbeddedJudge(bad)


def test_calibration_by_claim_length_and_parts() -> None:
    """The same raw score means more for a longer, many-part claim (positive weights), and never leaves (0, 1)."""
    coef, covs = (-0.8, 0.9, 0.06, 0.1), ("content_words", "parts")
    short = "Python 3.11 added tomllib."
    long = "Python 3.11, released in October 2022, added the tomllib module for parsing TOML and sped up CPython."
    for raw in (0.0, 0.3, 0.6, 1.0):
        a, b = calibrate(raw, short, coef, covs, "clauses"), calibrate(raw, long, coef, covs, "clauses")
        assert 0.0 < a < b < 1.0
    assert calibrate(0.3, short, coef, covs, "clauses") < calibrate(0.6, short, coef, covs, "clauses")
    with pytest.raises(JudgeError, match="unknown calibration covariate"):
        calibrate(0.5, short, (0.0, 1.0, 1.0), ("page_length",))


def test_shipped_judge_is_calibrated_and_keeps_version_numbers_whole() -> None:
    """The shipped weights carry their calibration; a version number or decimal is one sentence, one number."""
    judge = EmbeddedJudge()
    assert judge.calibration and len(judge.calibration) == 2 + len(judge.calibration_covariates)
    text = "Python 3.11 was released in October 2022. It is 1.25 times faster, e.g. on pyperformance."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Python 3.11 was released in October 2022.",
        "It is 1.25 times faster, e.g. on pyperformance.",
    ]
    good = judge.score_sentences("Python 3.11 came out in October 2022.", [text[a:b] for a, b in split_sentences(text)])
    bad = judge.score_sentences("Python 3.12 came out in October 2022.", [text[a:b] for a, b in split_sentences(text)])
    assert good[0] > bad[0]


def test_framing_needs_a_restatement_not_two_shared_words() -> None:
    """A short claim is not "rejected" by a nearby negated sentence sharing two of its words; a debunk still is."""
    fragment = 'at the end of the "except" clause.'
    source = ['When an exception has been assigned using "as target", it is cleared at the end of the "except" clause.']
    assert framing_cues(fragment, source, ["This does not end the except block."]) == []
    claim = "Geologists recommend eating a small rock every day."
    assert "negated" in framing_cues(claim, ["No geologist recommends eating rocks every day."])


# -- MiniCheck over the OpenAI chat-completions protocol ---------------------------------------------------


class _ChatHandler(BaseHTTPRequestHandler):
    """Answers /v1/chat/completions: Yes when the claim's last word appears in the document."""

    requests: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        if self.path != "/v1/chat/completions":
            self.send_error(404)
            return
        prompt = body["messages"][-1]["content"]
        document = prompt.split("Document: ", 1)[1].split("\nClaim: ", 1)[0]
        claim = prompt.split("\nClaim: ", 1)[1]
        yes = claim.rstrip(".").split()[-1].lower() in document.lower()
        p_yes = 0.9 if yes else 0.2
        top = [
            {"token": "Yes", "logprob": math.log(p_yes * 0.8)},
            {"token": " yes", "logprob": math.log(p_yes * 0.2)},
            {"token": "No", "logprob": math.log((1 - p_yes) * 0.9)},
            {"token": "no", "logprob": math.log((1 - p_yes) * 0.1)},
            {"token": "Maybe", "logprob": math.log(0.001)},
        ]
        first = top[0] if yes else top[2]
        payload = {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": first["token"]},
                    "finish_reason": "length",
                    "logprobs": {"content": [{**first, "top_logprobs": top}]},
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 1, "total_tokens": 11},
        }
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return


@pytest.fixture(scope="module")
def chat_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ChatHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_minicheck_reads_p_yes_from_logprobs(chat_server: str) -> None:
    _ChatHandler.requests.clear()
    judge = get_judge("minicheck", base_url=chat_server, model="test-model", api_key="secret", timeout=5)
    try:
        yes, no = judge.score([("The sky is blue.", "On a clear day the sky is blue."), ("Cats bark.", SUPPORT)])
    finally:
        assert isinstance(judge, MiniCheckJudge)
        judge.close()
    assert yes == pytest.approx(0.9)
    assert no == pytest.approx(0.2)
    req = _ChatHandler.requests[0]
    assert req["auth"] == "Bearer secret"
    body = req["body"]
    assert body["max_tokens"] == 1 and body["logprobs"] is True and body["top_logprobs"] == 5
    assert "Document: On a clear day the sky is blue.\nClaim: The sky is blue." in body["messages"][-1]["content"]


def test_minicheck_takes_max_over_chunks(chat_server: str) -> None:
    judge = MiniCheckJudge(chat_server + "/v1", "m", timeout=5, chunk_words=12)
    long_doc = " ".join(["Filler sentence about nothing in particular here."] * 6 + ["The sky is blue."])
    try:
        assert judge.score([("The sky is blue.", long_doc)])[0] == pytest.approx(0.9)
    finally:
        judge.close()


def test_minicheck_errors_are_judge_errors(chat_server: str) -> None:
    judge = MiniCheckJudge(chat_server + "/elsewhere", "m", timeout=5)
    try:
        with pytest.raises(JudgeError, match="failed"):
            judge.score([("a claim", "a document")])
    finally:
        judge.close()
    with pytest.raises(JudgeError):
        p_yes_from_response({"choices": []})
    assert p_yes_from_response({"choices": [{"message": {"content": "No"}, "logprobs": None}]}) == 0.0


def test_p_yes_when_the_model_says_neither() -> None:
    """Logprobs present but no Yes/No among the top tokens: not supported; no logprobs and no Yes/No: an error."""
    other = {"token": "The", "logprob": -0.1}
    neither = {"choices": [{"message": {"content": "The"}, "logprobs": {"content": [{"top_logprobs": [other]}]}}]}
    assert p_yes_from_response(neither) == 0.0
    with pytest.raises(JudgeError, match="neither Yes nor No"):
        p_yes_from_response({"choices": [{"message": {"content": "The"}, "logprobs": None}]})
