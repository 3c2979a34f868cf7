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


def test_values_are_read_by_field_type_and_choices_are_checked(tmp_path: Path) -> None:
    (tmp_path / "verisight.toml").write_text('llm_timeout_s = 5\nsearch_mode = "bm25"\n')
    env = {"VERISIGHT_DATA_DIR": "ignored", "VERISIGHT_LLM_THREADS": "3", "VERISIGHT_SYNTH_MODE": "extractive"}
    settings = load_settings(tmp_path, environ=env)
    assert settings.llm_timeout_s == 5.0 and isinstance(settings.llm_timeout_s, float)
    assert (settings.llm_threads, settings.search_mode, settings.synth_mode) == (3, "bm25", "extractive")
    with pytest.raises(ConfigError, match="synth_mode: 'creative' is not one of auto, generated, extractive"):
        load_settings(tmp_path, environ={"VERISIGHT_SYNTH_MODE": "creative"})
    with pytest.raises(ConfigError, match="search_mode"):
        load_settings(tmp_path, environ={}, search_mode="fuzzy")


def test_settings_reference_doc_is_current() -> None:
    doc = Path(__file__).resolve().parent.parent / "docs" / "settings.md"
    expected = settings_markdown()
    assert doc.read_text(encoding="utf-8") == expected, "run: python -m verisight.settings > docs/settings.md"
