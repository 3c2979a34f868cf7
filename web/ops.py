"""Operations routes: ``/healthz`` (liveness), ``/readyz`` (which component is not ready), ``/metrics``."""

from __future__ import annotations

import logging
import threading
from typing import Any

from flask import Blueprint, Flask, Response, jsonify

from verisight import __version__
from verisight.engine import Engine
from web.context import engine_of, metrics_of
from web.metrics import CONTENT_TYPE

log = logging.getLogger("web")
bp = Blueprint("ops", __name__)
_model_lock = threading.Lock()


@bp.get("/healthz")
def healthz() -> Response:
    """Liveness: the process answers."""
    return jsonify({"status": "ok", "version": __version__})


def _check(name: str, probe: Any) -> dict[str, Any]:
    try:
        ready, detail = probe()
    except Exception as exc:  # a probe that fails is the answer: that component is not ready
        log.warning("readyz: %s not ready: %s", name, exc)
        return {"ready": False, "detail": f"{type(exc).__name__}: {exc}"[:300]}
    return {"ready": bool(ready), "detail": str(detail)}


def _documents(engine: Engine) -> tuple[bool, str]:
    n = engine.documents.count()
    return n > 0, f"{n} documents" if n else "no documents: run `verisight crawl URL`"


def _index(engine: Engine) -> tuple[bool, str]:
    n = len(engine.index)
    return n > 0, f"{n} passages" if n else "nothing indexed: run `verisight index`"


def _models(engine: Engine) -> tuple[bool, str]:
    # Touching the properties loads each model once; the lock keeps concurrent probes from loading twice.
    with _model_lock:
        embedder = engine.embedder
        judge = engine.judge
        backend = engine.backend
    llm = type(backend).__name__ if backend is not None else f"none ({engine.settings.synth_mode})"
    return True, f"embedder {embedder.name}, judge {judge.name}, llm {llm}"


@bp.get("/readyz")
def readyz() -> Response:
    """Readiness: documents, index and models, each with why it is not ready."""
    engine = engine_of()
    components = {
        "documents": _check("documents", lambda: _documents(engine)),
        "index": _check("index", lambda: _index(engine)),
        "models": _check("models", lambda: _models(engine)),
    }
    not_ready = [name for name, c in components.items() if not c["ready"]]
    body: dict[str, Any] = {"status": "not_ready" if not_ready else "ready", "components": components}
    if not_ready:
        reasons = "; ".join(f"{n}: {components[n]['detail']}" for n in not_ready)
        body["error"] = {"code": "not_ready", "message": f"not ready: {reasons}"}
    response = jsonify(body)
    response.status_code = 503 if not_ready else 200
    return response


@bp.get("/metrics")
def metrics() -> Response:
    """Prometheus metrics in text format."""
    return Response(metrics_of().render(), content_type=CONTENT_TYPE)


def init_app(app: Flask) -> None:
    """Register the operations blueprint."""
    app.register_blueprint(bp)
