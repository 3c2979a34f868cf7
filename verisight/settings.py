"""Settings: defaults, then a TOML file, then ``VERISIGHT_*`` environment variables. Only this module reads them."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal, get_args, get_origin, get_type_hints

from retrieval.types import SearchMode
from synth.types import LeadRanker, SynthMode
from verisight.errors import ConfigError

ENV_PREFIX = "VERISIGHT_"
SECRET_KEYS = frozenset({"llm_api_key", "judge_api_key", "secret_key"})


@dataclass(frozen=True)
class Settings:
    """Every knob of the engine, with its default. Keys match the TOML file; ``VERISIGHT_<KEY>`` overrides."""

    data_dir: Path = field(default_factory=lambda: Path.home() / ".verisight")
    # LLM that writes overviews
    llm_backend: Literal["embedded", "openai", "vllm"] = "embedded"  # vllm: a synonym of openai
    llm_base_url: str = "http://127.0.0.1:8001/v1"
    llm_model: str = ""  # openai: served model name; embedded: path to a GGUF file (empty = bundled SmolLM2)
    llm_api_key: str = ""
    llm_threads: int = 2
    llm_timeout_s: float = 60.0
    # auto = extractive with the embedded model (it measured more supported claims per answer, see
    # docs/measurements.md), generated with an OpenAI-compatible server (vLLM)
    synth_mode: SynthMode = "auto"
    lead_ranker: LeadRanker = "heuristic"  # how extractive overviews pick their lead; learned = synth.ranker (opt-in)
    max_tokens: int = 160
    temperature: float = 0.0
    seed: int = 42
    context_tokens: int = 1200
    # retrieval
    embedder: str = "minilm-onnx"
    embedder_path: str = ""
    search_mode: SearchMode = "hybrid"
    top_k: int = 6
    # verifier
    judge: str = "embedded"  # embedded | minicheck
    judge_base_url: str = "http://127.0.0.1:8001/v1"
    judge_model: str = ""
    judge_api_key: str = ""
    # web
    host: str = "127.0.0.1"
    port: int = 8000
    threads: int = 8
    queue_size: int = 4
    rate_limit_per_minute: int = 120
    trusted_proxies: int = 0
    cors_origins: str = ""
    secret_key: str = ""

    def path(self, name: str) -> Path:
        """A file or folder inside the data directory."""
        return self.data_dir / name

    # Where each store lives inside the data directory: defined here once, used by the Engine, web app and CLI.
    @property
    def documents_db(self) -> Path:
        """The document store (pages, raw HTML, near-duplicate links)."""
        return self.data_dir / "documents.db"

    @property
    def answers_db(self) -> Path:
        """The answer log, the audit queue, reviewer accounts and reviewer decisions."""
        return self.data_dir / "answers.db"

    @property
    def frontier_db(self) -> Path:
        """The crawl frontier (resumable)."""
        return self.data_dir / "frontier.db"

    @property
    def index_dir(self) -> Path:
        """The passage index (BM25 + FAISS)."""
        return self.data_dir / "index"

    @property
    def secret_key_file(self) -> Path:
        """The generated key that signs reviewer sessions when ``secret_key`` is not set."""
        return self.data_dir / "secret_key"

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (used by the CLI flags and tests)."""
        return replace(self, **changes)


def _read_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


# How a value from TOML or the environment becomes each field type (the types of Settings' fields).
_READERS: dict[Any, Callable[[Any], Any]] = {
    Path: lambda value: Path(str(value)).expanduser(),
    int: int,
    float: float,
    bool: _read_bool,
    str: str,
}
FIELD_TYPES: dict[str, Any] = get_type_hints(Settings)
_UNREADABLE = [n for n, k in FIELD_TYPES.items() if get_origin(k) is not Literal and k not in _READERS]
if _UNREADABLE:  # a new field type needs a reader above
    raise TypeError(f"Settings fields of a type the loader cannot read: {_UNREADABLE}")


def _coerce(name: str, value: Any, kind: Any) -> Any:
    """``value`` read as the type ``kind`` of setting ``name``; a ConfigError says what was wrong."""
    if get_origin(kind) is Literal:
        choices = get_args(kind)
        if str(value) not in choices:
            raise ConfigError(f"setting {name}: {value!r} is not one of {', '.join(choices)}")
        return str(value)
    try:
        return _READERS[kind](value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name}: cannot read {value!r} as {getattr(kind, '__name__', kind)}") from exc


def load_settings(
    data_dir: str | Path | None = None,
    *,
    config_file: str | Path | None = None,
    environ: dict[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build Settings: defaults < TOML (``$VERISIGHT_CONFIG`` or ``DATA/verisight.toml``) < environment < arguments."""
    env = dict(os.environ if environ is None else environ)
    known = FIELD_TYPES
    values: dict[str, Any] = {}
    home = data_dir or env.get(f"{ENV_PREFIX}HOME")
    if home:
        values["data_dir"] = Path(home).expanduser()
    base_dir = values.get("data_dir", Settings().data_dir)
    config = Path(config_file or env.get(f"{ENV_PREFIX}CONFIG") or base_dir / "verisight.toml")
    if config.is_file():
        try:
            loaded = tomllib.loads(config.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config}: not valid TOML: {exc}") from exc
        for key, value in loaded.items():
            if key not in known:
                raise ConfigError(f"{config}: unknown setting {key!r}")
            if key in SECRET_KEYS:
                raise ConfigError(f"{config}: {key} is a secret; set {ENV_PREFIX}{key.upper()} instead")
            if key == "data_dir" and home:
                continue
            values[key] = _coerce(key, value, known[key])
    for key, kind in known.items():
        if key == "data_dir":
            continue
        raw = env.get(f"{ENV_PREFIX}{key.upper()}")
        if raw is not None:
            values[key] = _coerce(key, raw, kind)
    for key, value in overrides.items():
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}")
        if value is not None:
            values[key] = _coerce(key, value, known[key])
    return Settings(**values)


def settings_reference() -> list[tuple[str, str, str]]:
    """(key, environment variable, default) for every setting, for the docs."""
    defaults = Settings()
    return [
        (f.name, f"{ENV_PREFIX}{f.name.upper()}", "" if f.name in SECRET_KEYS else str(getattr(defaults, f.name)))
        for f in fields(Settings)
    ]


def settings_markdown() -> str:
    """The settings reference as Markdown (docs/settings.md is generated from this)."""
    lines = [
        "# Settings reference",
        "",
        "Generated from `verisight/settings.py` by `python -m verisight.settings`; a test keeps it current.",
        "Order of precedence: defaults < TOML file (`$VERISIGHT_CONFIG`, else `DATA_DIR/verisight.toml`)"
        " < `VERISIGHT_*` environment variables < command-line flags. Secrets are read only from the environment.",
        "",
        "| key | environment variable | default |",
        "|---|---|---|",
    ]
    for key, env, default in settings_reference():
        shown = "(secret: environment only)" if key in SECRET_KEYS else (f"`{default}`" if default else "(empty)")
        if key == "data_dir":
            env, shown = "VERISIGHT_HOME", "`~/.verisight`"
        lines.append(f"| `{key}` | `{env}` | {shown} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(settings_markdown(), end="")
