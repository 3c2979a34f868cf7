"""The OpenAI backend retries a busy server (429/503 with Retry-After) and gives up with a clear error."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from synth.backends import GenerationOptions, OpenAIBackend
from synth.errors import BackendFailed

MESSAGES = [{"role": "user", "content": "hi"}]


class _Busy(BaseHTTPRequestHandler):
    """Answers the first ``busy`` requests with 503 + Retry-After: 0, then streams a two-piece completion."""

    protocol_version = "HTTP/1.1"
    busy = 2
    seen: ClassVar[list[int]] = []

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        """Chat completions."""
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append(len(self.seen))
        if len(self.seen) <= self.busy:
            body = b'{"error": {"message": "busy"}}'
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        for piece in ("Hello", " there."):
            chunk = {"choices": [{"delta": {"content": piece}}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")
        self.close_connection = True


@pytest.fixture
def busy_server() -> Iterator[tuple[str, type[_Busy]]]:
    """A server on a free 127.0.0.1 port that is busy for its first two requests."""
    handler = type("Handler", (_Busy,), {"seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


def test_busy_server_is_retried_until_it_answers(busy_server: tuple[str, type[_Busy]]) -> None:
    url, handler = busy_server
    backend = OpenAIBackend(url, "m", retries=3, timeout=10)
    assert backend.complete(MESSAGES, GenerationOptions(max_tokens=8)) == "Hello there."
    assert len(handler.seen) == 3


def test_busy_server_beyond_the_retries_is_a_clear_error(busy_server: tuple[str, type[_Busy]]) -> None:
    url, handler = busy_server
    backend = OpenAIBackend(url, "m", retries=1, timeout=10)
    with pytest.raises(BackendFailed, match="503"):
        backend.complete(MESSAGES)
    assert len(handler.seen) == 2


class _Stalls(BaseHTTPRequestHandler):
    """Streams one piece of a completion, then stalls until released (a server that hangs mid-answer)."""

    protocol_version = "HTTP/1.1"
    seen: ClassVar[list[int]] = []
    release: ClassVar[threading.Event]

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_POST(self) -> None:
        """Chat completions: one chunk, then nothing until the test ends."""
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append(len(self.seen))
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = {"choices": [{"delta": {"content": "Water boils"}}]}
        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.flush()
        self.release.wait(30)
        self.close_connection = True


def test_a_timeout_after_the_first_chunk_is_not_retried() -> None:
    """Regression (#18): a mid-stream ReadTimeout re-sent the request and the reader got the text twice."""
    handler: type[_Stalls] = type("Handler", (_Stalls,), {"seen": [], "release": threading.Event()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    pieces: list[str] = []
    try:
        backend = OpenAIBackend(f"http://127.0.0.1:{server.server_address[1]}", "m", retries=3, timeout=1.0)
        with pytest.raises(BackendFailed, match="timed out mid-answer"):
            for piece in backend.stream(MESSAGES):
                pieces.append(piece)
    finally:
        handler.release.set()
        server.shutdown()
        server.server_close()
    assert pieces == ["Water boils"]
    assert len(handler.seen) == 1
