"""``verisight serve``: the web app under waitress, a production WSGI server with a thread pool.

One process, ``settings.threads`` worker threads (8). The embedded model sits behind the Engine's bounded queue
(``queue_size``); requests that find it full get 503 ``busy`` with Retry-After instead of waiting. For more
throughput run the LLM on a vLLM server (``llm_backend = "openai"``) and put several of these processes behind a
reverse proxy, setting ``trusted_proxies`` to the number of proxies in front.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from crawler.errors import PublicError
from verisight.engine import Engine
from web.app import create_app
from web.logs import install_json_logging

log = logging.getLogger("web")


def serve(engine: Engine, host: str = "127.0.0.1", port: int = 8000, config: Mapping[str, Any] | None = None) -> None:
    """Serve the web app for ``engine`` on ``host:port`` until interrupted."""
    import waitress

    install_json_logging()
    app = create_app(engine, config)
    threads = max(1, int(engine.settings.threads))
    log.info("serving on http://%s:%d with %d threads", host, port, threads)
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
    try:
        server.run()
    except KeyboardInterrupt:
        log.info("stopped")
    finally:
        server.close()


class ServeError(PublicError):
    """The server could not start (e.g. the port is taken)."""

    code = "serve_error"
