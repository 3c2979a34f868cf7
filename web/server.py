"""``verisight serve``: the web app under waitress, a production WSGI server with a thread pool.

One process, ``settings.threads`` worker threads (8). The embedded model sits behind the Engine's bounded queue
(``queue_size``); requests that find it full get 503 ``busy`` with Retry-After instead of waiting. For more
throughput run the LLM on a vLLM server (``llm_backend = "openai"``) and put several of these processes behind a
reverse proxy, setting ``trusted_proxies`` to the number of proxies in front.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from waitress.channel import HTTPChannel
from waitress.task import ErrorTask

from crawler.errors import PublicError
from verisight.engine import Engine
from web.app import create_app
from web.errors import error_body
from web.logs import install_json_logging

log = logging.getLogger("web")


# What waitress itself refuses before the app sees the request (a body over its limit, a broken request line).
_WAITRESS_CODES = {400: "bad_request", 413: "payload_too_large", 431: "headers_too_large"}


class JsonErrorTask(ErrorTask):  # type: ignore[misc]
    """Waitress's own error responses in the API's JSON shape instead of plain text."""

    def execute(self) -> None:
        """Write ``{"error": {"code", "message"}}`` with waitress's status and close the connection."""
        error = self.request.error
        code = _WAITRESS_CODES.get(int(error.code), "internal")
        message = str(error.body or error.reason).strip() or str(error.reason)
        body = json.dumps(error_body(code, message)).encode("utf-8")
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend(
            [("Content-Type", "application/json"), ("Connection", "close"), ("X-Content-Type-Options", "nosniff")]
        )
        self.close_on_finish = True
        self.content_length = len(body)
        self.write(body)


class JsonErrorChannel(HTTPChannel):  # type: ignore[misc]
    """A waitress channel whose protocol-level errors are JSON."""

    error_task_class = JsonErrorTask


def bind(engine: Engine, host: str = "127.0.0.1", port: int = 8000, config: Mapping[str, Any] | None = None) -> Any:
    """The web app for ``engine`` listening on ``host:port`` (not yet serving); ServeError when the port is taken."""
    import waitress

    app = create_app(engine, config)
    threads = max(1, int(engine.settings.threads))
    try:
        server = waitress.create_server(
            app,
            host=host,
            port=port,
            threads=threads,
            ident="verisight",
            # Enough open connections for streams plus queued requests; waitress queues the rest.
            connection_limit=max(100, threads * 16),
            channel_timeout=120,
            # Slow readers of a stream should not pin a worker thread forever.
            max_request_body_size=1024 * 1024,
            clear_untrusted_proxy_headers=True,
        )
    except OSError as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; choose another --port") from exc
    server.channel_class = JsonErrorChannel
    return server


def run(server: Any) -> None:
    """Serve requests on a server from :func:`bind` until interrupted."""
    install_json_logging()
    log.info("serving on http://%s:%s", getattr(server, "effective_host", "?"), getattr(server, "effective_port", "?"))
    try:
        server.run()
    except KeyboardInterrupt:
        log.info("stopped")
    finally:
        server.close()


def serve(engine: Engine, host: str = "127.0.0.1", port: int = 8000, config: Mapping[str, Any] | None = None) -> None:
    """Serve the web app for ``engine`` on ``host:port`` until interrupted."""
    run(bind(engine, host, port, config))


class ServeError(PublicError):
    """The server could not start (e.g. the port is taken)."""

    code = "serve_error"
