from __future__ import annotations

from pathlib import Path

import pytest

from innotwin.config.table import SETTINGS, load_settings
from innotwin.core.errors import ConfigurationError


def test_load_settings_without_environment_gives_defaults() -> None:
    settings = load_settings({})
    assert settings["database_url"] == "sqlite:///var/innotwin.sqlite3"
    assert settings["debug"] is False
    assert settings["allowed_hosts"] == ["localhost", "127.0.0.1", "[::1]"]
    assert settings["workers"] == 2


def test_load_settings_environment_overrides_config_file(tmp_path: Path) -> None:
    config = tmp_path / "innotwin.toml"
    config.write_text('debug = true\nlanguage_code = "ko"\nallowed_hosts = ["a.example", "b.example"]\n')
    settings = load_settings({"INNOTWIN_CONFIG": str(config), "INNOTWIN_LANGUAGE_CODE": "en"})
    assert settings["debug"] is True
    assert settings["language_code"] == "en"
    assert settings["allowed_hosts"] == ["a.example", "b.example"]


def test_load_settings_unknown_variable_names_it() -> None:
    with pytest.raises(ConfigurationError, match="Unknown setting INNOTWIN_DEBGU"):
        load_settings({"INNOTWIN_DEBGU": "true"})


def test_load_settings_unknown_config_key_names_file_and_key(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("colour = 'blue'\n")
    with pytest.raises(ConfigurationError, match="unknown setting 'colour'"):
        load_settings({"INNOTWIN_CONFIG": str(config)})


def test_load_settings_missing_config_file_says_which() -> None:
    with pytest.raises(ConfigurationError, match="does not exist"):
        load_settings({"INNOTWIN_CONFIG": "/nonexistent/innotwin.toml"})


def test_load_settings_invalid_toml_is_reported(tmp_path: Path) -> None:
    config = tmp_path / "broken.toml"
    config.write_text("debug = = true\n")
    with pytest.raises(ConfigurationError, match="not valid TOML"):
        load_settings({"INNOTWIN_CONFIG": str(config)})


def test_load_settings_bad_boolean_names_setting() -> None:
    with pytest.raises(ConfigurationError, match="INNOTWIN_DEBUG has the value 'maybe'"):
        load_settings({"INNOTWIN_DEBUG": "maybe"})


def test_load_settings_bad_integer_names_setting() -> None:
    with pytest.raises(ConfigurationError, match="INNOTWIN_WORKERS has the value 'many'"):
        load_settings({"INNOTWIN_WORKERS": "many"})


def test_settings_table_has_unique_names_and_help() -> None:
    names = [setting.env for setting in SETTINGS]
    assert len(names) == len(set(names))
    assert [setting.env for setting in SETTINGS if not setting.help.strip()] == []
