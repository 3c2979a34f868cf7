"""Helpers shared by tests (imported, never a conftest or a test module: those are not import targets)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from verisight.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
# The shared data sets live next to the repository (``../shared/data``), never at an absolute path of one machine.
SHARED_DATA = REPO.parent / "shared" / "data"


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    """Settings for tests: nothing from the environment or a config file, ``overrides`` applied."""
    return load_settings(data_dir, environ={}, config_file=data_dir / "none.toml", **overrides)


def run_cli(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``verisight ARGS`` in a subprocess with its own data directory."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from verisight.cli import main; sys.exit(main())", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={"VERISIGHT_HOME": str(home), "HOME": str(home), "PATH": "/usr/bin:/bin"},
    )


def in_ci() -> bool:
    """True on a CI runner (``CI=true``), where missing data is a failure rather than a reason to skip."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def skip_or_fail(message: str) -> NoReturn:
    """Skip the test for something missing on this machine, but fail it in CI, where it must be present."""
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)


def shared_data(*parts: str) -> Path:
    """A path under ``../shared/data``; skips the test when it is absent, but fails it in CI."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        skip_or_fail(f"shared data {path} is not present (see ../shared/data/README.md)")
    return path


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]], gzip: bool = True) -> None:
    """Write response records ``(url, content_type, body, status)`` plus a request record."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, ctype, body, status in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(rec)
        req = writer.create_warc_record(
            "http://news.example/a",
            "request",
            payload=io.BytesIO(b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        )
        writer.write_record(req)
