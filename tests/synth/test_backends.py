"""Both LLM backends pass the same suite: the embedded model in-process, and the OpenAI protocol over HTTP."""

from __future__ import annotations

import os
import socket

import httpx
import pytest

from synth.backends import EmbeddedBackend, GenerationOptions, LLMBackend, OpenAIBackend
from synth.errors import BackendFailed, BackendUnavailable
from synth.server import EmbeddedServer

MESSAGES = [
    {"role": "system", "content": "Answer in one short sentence."},
    {"role": "user", "content": "What colour is the sky on a clear day?"},
]


@pytest.fixture(params=["embedded", "openai"])
def backend(request: pytest.FixtureRequest, embedded_backend: EmbeddedBackend,
            llm_server: EmbeddedServer) -> LLMBackend:
    """Each backend in turn."""
    if request.param == "embedded":
        return embedded_backend
    return OpenAIBackend(llm_server.base_url, llm_server.model_name, timeout=120)


def test_stream_yields_text_pieces_and_counts_tokens(backend: LLMBackend) -> None:
    pieces = list(backend.stream(MESSAGES, GenerationOptions(max_tokens=24)))
    assert len(pieces) > 1
    assert "".join(pieces).strip()
    assert 0 < backend.usage.completion_tokens <= 24


def test_temperature_zero_is_repeatable(backend: LLMBackend) -> None:
    options = GenerationOptions(max_tokens=20, temperature=0.0, seed=7)
    assert backend.complete(MESSAGES, options) == backend.complete(MESSAGES, options)


def test_first_piece_arrives_before_generation_ends(backend: LLMBackend) -> None:
    events: list[str] = []
    for piece in backend.stream(MESSAGES, GenerationOptions(max_tokens=20)):
        events.append("piece")
        del piece
    events.append("end")
    assert events[0] == "piece" and events[-1] == "end" and events.count("piece") > 1


def test_openai_backend_reports_a_wrong_model_name(llm_server: EmbeddedServer) -> None:
    backend = OpenAIBackend(llm_server.base_url, "no-such-model", timeout=30)
    with pytest.raises(BackendFailed, match="no-such-model"):
        backend.complete(MESSAGES, GenerationOptions(max_tokens=4))


def test_openai_backend_reports_a_server_that_is_down() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    backend = OpenAIBackend(f"http://127.0.0.1:{port}", "m", timeout=2, retries=0)
    with pytest.raises(BackendUnavailable, match="cannot reach"):
        backend.complete(MESSAGES)


def test_embedded_server_returns_top_logprobs(llm_server: EmbeddedServer) -> None:
    body = {
        "model": llm_server.model_name,
        "messages": [{"role": "user", "content": "Is water wet? Answer Yes or No."}],
        "max_tokens": 1,
        "logprobs": True,
        "top_logprobs": 5,
        "temperature": 0,
    }
    response = httpx.post(f"{llm_server.base_url}/chat/completions", json=body, timeout=60)
    assert response.status_code == 200
    content = response.json()["choices"][0]["logprobs"]["content"]
    assert len(content) == 1 and len(content[0]["top_logprobs"]) == 5


@pytest.mark.gpu
def test_real_vllm_server_streams() -> None:
    url = os.environ.get("VERISIGHT_TEST_VLLM_URL")
    model = os.environ.get("VERISIGHT_TEST_VLLM_MODEL")
    if not url or not model:
        pytest.skip("set VERISIGHT_TEST_VLLM_URL and VERISIGHT_TEST_VLLM_MODEL to test against a vLLM server")
    backend = OpenAIBackend(url, model)
    pieces = list(backend.stream(MESSAGES, GenerationOptions(max_tokens=16)))
    assert "".join(pieces).strip()
