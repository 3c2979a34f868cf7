"""``verisight llm serve``: start vLLM when it and a GPU are present, or the embedded model's server."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys

from synth.errors import BackendUnavailable


def _gpu_present() -> bool:
    if shutil.which("nvidia-smi") is None:
        return False
    try:
        result = subprocess.run(["nvidia-smi", "-L"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and "GPU" in result.stdout


def vllm_command(model: str, port: int) -> list[str]:
    """The vLLM command line Verisight recommends (prefix caching on; same server serves the claim judge)."""
    exe = shutil.which("vllm") or "vllm"
    return [exe, "serve", model, "--port", str(port), "--enable-prefix-caching", "--max-logprobs", "20",
            "--gpu-memory-utilization", os.environ.get("VERISIGHT_VLLM_GPU_UTIL", "0.85")]


def serve_llm(*, model: str, port: int, embedded: bool = False, threads: int = 2) -> int:
    """Run an LLM server in the foreground; say exactly what is missing when it cannot start."""
    if embedded:
        from synth.backends import EmbeddedBackend
        from synth.server import EmbeddedServer

        backend = EmbeddedBackend(n_threads=threads, logits_all=True)
        server = EmbeddedServer(backend, port=port)
        print(f"serving {server.model_name} (OpenAI-compatible) at {server.base_url}", file=sys.stderr, flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            server.stop()
        return 0
    missing = []
    if importlib.util.find_spec("vllm") is None and shutil.which("vllm") is None:
        missing.append("vLLM is not installed: in its own environment, `python -m venv ~/vllm && ~/vllm/bin/pip "
                       "install vllm` and put ~/vllm/bin on PATH (it pins its own torch)")
    if not _gpu_present():
        missing.append("no NVIDIA GPU is visible (nvidia-smi -L lists none)")
    if missing:
        raise BackendUnavailable("cannot start vLLM: " + "; ".join(missing)
                                 + ". On a CPU machine use `verisight llm serve --embedded`.")
    cmd = vllm_command(model, port)
    print(" ".join(cmd), file=sys.stderr, flush=True)
    return subprocess.call(cmd)
