"""Structured logs: one JSON object per line, each request's line carrying its request id.

``serve`` installs the JSON handler when nothing else configured logging. Request lines log the route and
status but never the query string, so people's questions do not end up in log files.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

ACCESS = logging.getLogger("web.access")
_STANDARD = frozenset(vars(logging.makeLogRecord({})).keys()) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line: time, level, logger, message, extra fields, exception text."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON line."""
        out: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                out[key] = value if isinstance(value, str | int | float | bool | type(None)) else str(value)
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


def install_json_logging(level: int = logging.INFO) -> bool:
    """Send logs to stderr as JSON lines unless logging is already configured; return whether it installed."""
    root = logging.getLogger()
    if root.handlers:
        return False
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level)
    return True


def log_request(method: str, route: str, path: str, status: int, ms: float, request_id: str, client: str) -> None:
    """Log one finished request (no query string)."""
    ACCESS.info(
        "%s %s %d",
        method,
        path,
        status,
        extra={
            "event": "request",
            "method": method,
            "route": route,
            "path": path,
            "status": status,
            "duration_ms": round(ms, 1),
            "request_id": request_id,
            "client": client,
        },
    )
