"""Settings precedence and the generated reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from verisight.errors import ConfigError
from verisight.settings import load_settings, settings_markdown


def test_precedence_defaults_file_environment_arguments(tmp_path: Path) -> None:
    (tmp_path / "verisight.toml").write_text('top_k = 3\nsynth_mode = "extractive"\nport = 9000\n')
    env = {"VERISIGHT_TOP_K": "4", "VERISIGHT_HOME": str(tmp_path)}
    settings = load_settings(environ=env, port=9100)
    assert settings.data_dir == tmp_path
    assert settings.synth_mode == "extractive"  # file
    assert settings.top_k == 4  # environment beats file
    assert settings.port == 9100  # argument beats both


def test_secrets_only_from_the_environment(tmp_path: Path) -> None:
    (tmp_path / "verisight.toml").write_text('llm_api_key = "sk-123"\n')
    with pytest.raises(ConfigError, match="secret"):
        load_settings(tmp_path, environ={})


def test_unknown_and_malformed_settings_are_refused(tmp_path: Path) -> None:
    (tmp_path / "verisight.toml").write_text("no_such_key = 1\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(tmp_path, environ={})
    with pytest.raises(ConfigError, match="top_k"):
        load_settings(tmp_path / "x", environ={"VERISIGHT_TOP_K": "many"})


def test_settings_reference_doc_is_current() -> None:
    doc = Path(__file__).resolve().parent.parent / "docs" / "settings.md"
    expected = settings_markdown()
    assert doc.read_text(encoding="utf-8") == expected, "run: python -m verisight.settings > docs/settings.md"
