"""A small OpenAI-compatible server over the embedded model (``/v1/models``, ``/v1/chat/completions``).

It lets the production code paths (the ``openai`` backend and the ``minicheck`` judge) run for real on a
machine without a GPU: the same protocol vLLM speaks, streaming and top logprobs included.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from synth.backends import EmbeddedBackend

MAX_BODY = 1_000_000


def _plain(value: Any) -> Any:
    """numpy scalars (llama.cpp's logprobs) as plain floats."""
    return float(value)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet; the caller logs."""

    def _json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body, default=_plain).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str, kind: str = "invalid_request_error") -> None:
        self._json(status, {"error": {"message": message, "type": kind, "code": status}})

    def do_GET(self) -> None:
        """``GET /v1/models`` and ``GET /health``."""
        if self.path.rstrip("/") in ("/v1/models", "/models"):
            self._json(200, {"object": "list", "data": [{"id": self.server.model_name, "object": "model"}]})
        elif self.path == "/health":
            self._json(200, {"status": "ok"})
        else:
            self._error(404, f"no route {self.path}")

    def do_POST(self) -> None:
        """``POST /v1/chat/completions``."""
        if self.path.rstrip("/") not in ("/v1/chat/completions", "/chat/completions"):
            self._error(404, f"no route {self.path}")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length <= 0 or length > MAX_BODY:
            self._error(400 if length <= 0 else 413, "a JSON body of at most 1 MB is required")
            return
        try:
            body = json.loads(self.rfile.read(length))
            messages = body["messages"]
        except (ValueError, KeyError, TypeError):
            self._error(400, "the body must be JSON with a 'messages' list")
            return
        model = body.get("model") or self.server.model_name
        if model != self.server.model_name:
            self._error(404, f"The model `{model}` does not exist.", "NotFoundError")
            return
        kwargs: dict[str, Any] = {
            "max_tokens": int(body.get("max_tokens") or 256),
            "temperature": float(body.get("temperature") or 0.0),
            "seed": int(body.get("seed") or 42),
        }
        if kwargs["temperature"] == 0:
            kwargs["top_k"] = 1
        if body.get("stop"):
            kwargs["stop"] = body["stop"]
        if body.get("logprobs"):
            kwargs["logprobs"] = True
            kwargs["top_logprobs"] = int(body.get("top_logprobs") or 1)
        backend = self.server.backend
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            for chunk in backend.chat_stream(messages, **kwargs):
                chunk["model"] = model
                self.wfile.write(f"data: {json.dumps(chunk, default=_plain)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
            return
        result = backend.chat(messages, **kwargs)
        result["model"] = model
        result.setdefault("id", f"chatcmpl-{uuid.uuid4().hex}")
        result.setdefault("created", int(time.time()))
        self._json(200, result)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    backend: EmbeddedBackend
    model_name: str


class EmbeddedServer:
    """Serves an EmbeddedBackend over the OpenAI protocol on ``host:port`` (port 0 picks a free one)."""

    def __init__(self, backend: EmbeddedBackend, *, host: str = "127.0.0.1", port: int = 0,
                 model_name: str | None = None) -> None:
        self._httpd = _Server((host, port), _Handler)
        self._httpd.backend = backend
        self._httpd.model_name = model_name or backend.model
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The bound port."""
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """``http://host:port/v1``."""
        host = self._httpd.server_address[0]
        host = host.decode() if isinstance(host, bytes) else str(host)
        return f"http://{host}:{self.port}/v1"

    @property
    def model_name(self) -> str:
        """The model name clients must send."""
        return self._httpd.model_name

    def start(self) -> EmbeddedServer:
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="embedded-llm-server", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted."""
        self._httpd.serve_forever()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
