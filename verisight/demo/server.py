"""A local HTTP server for the bundled demo web, choosing the site by the request's Host header."""

from __future__ import annotations

import json
import posixpath
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

DEMO_DIR = Path(__file__).resolve().parent
DEMO_ROOT = DEMO_DIR / "site"
MANIFEST_PATH = DEMO_DIR / "manifest.json"

_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}

_NOT_FOUND = (
    b"<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"
)


def load_manifest() -> dict[str, Any]:
    """Return the demo manifest (hosts, seeds, check query, regression and evaluation sets)."""
    data: dict[str, Any] = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))
    return data


def _host_name(header: str | None) -> str:
    """Return the lower-cased hostname of a Host header, port stripped."""
    if not header:
        return ""
    host = header.strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if ":" in host else host


class _Handler(BaseHTTPRequestHandler):
    """Serves one request from the site folder named by the Host header."""

    server_version = "VerisightDemo/1.0"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def _resolve(self) -> Path | None:
        """Map the request to a file under the host's folder, or None."""
        root: Path = self.server.root  # type: ignore[attr-defined]
        host = _host_name(self.headers.get("Host"))
        if not host or "/" in host or host.startswith("."):
            return None
        site = root / host
        if not site.is_dir():
            return None
        path = unquote(urlsplit(self.path).path)
        norm = posixpath.normpath("/" + path.lstrip("/"))
        if ".." in norm.split("/"):
            return None
        target = site / norm.lstrip("/")
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        try:
            target.resolve().relative_to(site.resolve())
        except ValueError:
            return None
        return target if target.is_file() else None

    def _respond(self, head_only: bool) -> None:
        """Send the file, or a 404 page."""
        target = self._resolve()
        if target is None:
            body = _NOT_FOUND
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        else:
            body = target.read_bytes()
            self.send_response(200)
            ctype = _CONTENT_TYPES.get(target.suffix, "application/octet-stream")
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def do_GET(self) -> None:
        """Handle GET."""
        self._respond(head_only=False)

    def do_HEAD(self) -> None:
        """Handle HEAD."""
        self._respond(head_only=True)

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""


class _Server(ThreadingHTTPServer):
    """A threaded HTTP server that remembers the corpus root."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], root: Path) -> None:
        """Bind to the address and keep the corpus root."""
        self.root = root
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore client disconnects and other per-request errors quietly."""


class DemoServer:
    """Serves the demo web on 127.0.0.1, one folder per hostname; use as a context manager."""

    def __init__(self, root: Path | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        """Configure the server; nothing is bound until start()."""
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError("the demo server binds only to 127.0.0.1")
        self.root = Path(root) if root is not None else DEMO_ROOT
        if not self.root.is_dir():
            raise FileNotFoundError(f"demo corpus not found: {self.root}")
        self.host = "127.0.0.1"
        self.port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def hosts(self) -> list[str]:
        """Return the hostnames served (one per site folder), sorted."""
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    def start(self) -> int:
        """Start serving in a background thread and return the bound port."""
        if self._server is not None:
            return self.port
        self._server = _Server((self.host, self.port), self.root)
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-server", daemon=True)
        self._thread.start()
        return self.port

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    @property
    def address(self) -> str:
        """Return '127.0.0.1:<port>' (the server must be started)."""
        if self._server is None:
            raise RuntimeError("DemoServer is not started")
        return f"{self.host}:{self.port}"

    def url(self, host: str) -> str:
        """Return the root URL of a demo host, e.g. 'http://news.dailyledger.example/'."""
        return f"http://{host}/"

    def resolve_map(self) -> dict[str, str]:
        """Map every demo hostname to '127.0.0.1:<port>', as curl --resolve does."""
        addr = self.address
        return {h: addr for h in self.hosts}

    def __enter__(self) -> DemoServer:
        """Start the server."""
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop the server."""
        self.stop()
