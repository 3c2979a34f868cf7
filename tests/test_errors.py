"""Every error carries its own HTTP meaning: the web layer and the CLI map the one base type, ``PublicError``."""

from __future__ import annotations

import re
from pathlib import Path

import crawler.errors
import retrieval.errors
import synth.errors
import verifier.errors
import verisight.errors
import web.server
from crawler.errors import PublicError
from retrieval.errors import IndexCorrupt, ModelUnavailable
from tests.helpers import run_cli
from verisight.errors import BadQuery, Busy, ConfigError
from web.errors import to_api_error

STAGE_MODULES = (crawler.errors, retrieval.errors, synth.errors, verifier.errors, verisight.errors, web.server)


def _error_classes() -> list[type[Exception]]:
    return [
        obj
        for module in STAGE_MODULES
        for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, Exception) and obj.__module__ == module.__name__
    ]


def test_every_stage_error_is_a_public_error_with_code_status_and_message() -> None:
    classes = _error_classes()
    assert len(classes) >= 18, classes
    for cls in classes:
        assert issubclass(cls, PublicError), cls
        assert 400 <= cls.status <= 599 and re.fullmatch(r"[a-z_]+", cls.code), cls
        if cls.status >= 500 and cls is not Busy:
            assert cls.public_message, f"{cls.__name__} is a 5xx error and would show its own message"


def test_server_errors_keep_their_detail_private_and_client_errors_explain() -> None:
    corrupt = to_api_error(IndexCorrupt("/srv/secret/index/meta.json is truncated"))
    assert (corrupt.status, corrupt.code) == (500, "index_corrupt") and "/srv/secret" not in corrupt.message
    config = to_api_error(ConfigError("VERISIGHT_LLM_MODEL=/home/me/model.gguf does not exist"))
    assert (config.status, config.code) == (500, "config") and "/home/me" not in config.message
    model = to_api_error(ModelUnavailable("onnxruntime not installed"))
    assert (model.status, model.code, model.headers) == (503, "model_unavailable", {"Retry-After": "30"})
    bad = to_api_error(BadQuery("the query is longer than 2000 characters", code="query_too_long"))
    assert (bad.status, bad.code, bad.message) == (400, "query_too_long", "the query is longer than 2000 characters")
    busy = to_api_error(Busy("the model queue is full; try again shortly"))
    assert (busy.status, busy.headers) == (503, {"Retry-After": "5"}) and "queue is full" in busy.message
    assert to_api_error(RuntimeError("boom")).code == "internal"


def test_the_cli_prints_one_line_for_a_stage_error(tmp_path: Path) -> None:
    """A crawler error (SeedUnreachable: the only seed is a cloud metadata address) is one line and exit 1."""
    result = run_cli("crawl", "http://169.254.169.254/latest", "--no-index", home=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == "verisight crawl: no seed could be crawled: http://169.254.169.254/latest: "\
        "metadata_address"
