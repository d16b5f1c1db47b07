"""The one table of innotwin's settings.

Each setting is read, in order of precedence, from its environment variable, from the optional TOML
config file named by ``INNOTWIN_CONFIG`` (keys are the setting names in lower case without the
``INNOTWIN_`` prefix), or from its default. ``docs/configuration.md`` lists the same table; a test keeps
the two in step. An ``INNOTWIN_*`` variable or a config-file key that is not in the table is an error,
so that a typo never silently falls back to a default.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from innotwin.core.errors import ConfigurationError

__all__ = ["SETTINGS", "Setting", "load_settings"]


def _parse_bool(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("expected true or false")


def _parse_list(raw: str) -> list[str]:
    return [item.strip() for item in raw.split(",") if item.strip()]


def _parse_int(raw: str) -> int:
    return int(raw)


def _parse_str(raw: str) -> str:
    return raw


@dataclass(frozen=True)
class Setting:
    """One setting: its environment variable, default (as text) and one line of help."""

    env: str
    default: str
    help: str
    parse: Callable[[str], Any] = _parse_str

    @property
    def key(self) -> str:
        """The setting's key in the config file and in the loaded mapping."""
        return self.env.removeprefix("INNOTWIN_").lower()


SETTINGS: tuple[Setting, ...] = (
    Setting("INNOTWIN_CONFIG", "", "Path of an optional TOML config file with any of these settings."),
    Setting(
        "DATABASE_URL",
        "sqlite:///var/innotwin.sqlite3",
        "Database to use: sqlite:///PATH (relative to the working directory) or "
        "postgresql://USER@HOST:PORT/NAME.",
    ),
    Setting(
        "INNOTWIN_DATA_DIR", "var", "Folder for the SQLite database, the secret key and collected files."
    ),
    Setting(
        "INNOTWIN_SECRET_KEY",
        "",
        "Django secret key. When empty, one is generated on first run and kept in DATA_DIR/secret_key.",
    ),
    Setting("INNOTWIN_DEBUG", "false", "Show Django's debug pages. Never in production.", _parse_bool),
    Setting(
        "INNOTWIN_ALLOWED_HOSTS",
        "localhost,127.0.0.1,[::1]",
        "Comma-separated host names the server answers to.",
        _parse_list,
    ),
    Setting(
        "INNOTWIN_HTTPS",
        "false",
        "Served over HTTPS: secure cookies, HSTS and a redirect from plain HTTP.",
        _parse_bool,
    ),
    Setting(
        "INNOTWIN_CSRF_TRUSTED_ORIGINS",
        "",
        "Comma-separated origins (https://example.org) trusted for form posts behind a proxy.",
        _parse_list,
    ),
    Setting(
        "INNOTWIN_SHARED_DATA",
        "../shared/data",
        "Folder of the real public data sets read by loaders, tests and benchmarks.",
    ),
    Setting("INNOTWIN_LANGUAGE_CODE", "en", "Default interface language: en or ko."),
    Setting("INNOTWIN_TIME_ZONE", "Europe/London", "Time zone of the server's own dates (IANA name)."),
    Setting(
        "INNOTWIN_EMAIL_BACKEND",
        "console",
        "How mail is sent: console (printed, for development) or smtp.",
    ),
    Setting("INNOTWIN_EMAIL_HOST", "localhost", "SMTP server host, with EMAIL_BACKEND=smtp."),
    Setting("INNOTWIN_EMAIL_PORT", "25", "SMTP server port, with EMAIL_BACKEND=smtp.", _parse_int),
    Setting("INNOTWIN_EMAIL_HOST_USER", "", "SMTP user name, if the server needs one."),
    Setting("INNOTWIN_EMAIL_HOST_PASSWORD", "", "SMTP password, if the server needs one."),
    Setting("INNOTWIN_EMAIL_USE_TLS", "false", "Use STARTTLS with the SMTP server.", _parse_bool),
    Setting("INNOTWIN_DEFAULT_FROM_EMAIL", "innotwin <noreply@localhost>", "Sender of innotwin's mail."),
    Setting("INNOTWIN_LOG_LEVEL", "INFO", "Log level: DEBUG, INFO, WARNING or ERROR."),
    Setting("INNOTWIN_WORKERS", "2", "Number of web server worker processes for innotwin serve.", _parse_int),
    Setting(
        "INNOTWIN_TEXT_EMBEDDER",
        "use+e5",
        "Sentence-embedding backend for cross-lingual text: use+e5, use-multilingual or e5-small.",
    ),
)

_BY_ENV = {setting.env: setting for setting in SETTINGS}
_BY_KEY = {setting.key: setting for setting in SETTINGS}


def _read_config_file(path: Path) -> dict[str, str]:
    if not path.is_file():
        raise ConfigurationError(
            f"The config file {path} named by INNOTWIN_CONFIG does not exist; fix the path or unset it."
        )
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigurationError(f"The config file {path} is not valid TOML: {exc}.") from exc
    values: dict[str, str] = {}
    for key, value in raw.items():
        if key not in _BY_KEY or key == "config":
            raise ConfigurationError(
                f"The config file {path} has an unknown setting '{key}'; "
                "the known settings are listed in docs/configuration.md."
            )
        if isinstance(value, list):
            values[key] = ",".join(str(item) for item in value)
        elif isinstance(value, bool):
            values[key] = "true" if value else "false"
        else:
            values[key] = str(value)
    return values


def load_settings(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Resolve every setting from the environment, the config file and the defaults.

    Raises :class:`ConfigurationError` for an unknown ``INNOTWIN_*`` variable, an unknown config-file
    key or a value that does not parse, naming the setting and what it expects.
    """
    env = os.environ if environ is None else environ
    unknown = sorted(name for name in env if name.startswith("INNOTWIN_") and name not in _BY_ENV)
    if unknown:
        raise ConfigurationError(
            f"Unknown setting {', '.join(unknown)}; the known settings are listed in docs/configuration.md."
        )
    config_path = env.get("INNOTWIN_CONFIG", "")
    from_file = _read_config_file(Path(config_path)) if config_path else {}
    resolved: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = env.get(setting.env, from_file.get(setting.key, setting.default))
        try:
            resolved[setting.key] = setting.parse(raw)
        except ValueError as exc:
            raise ConfigurationError(
                f"The setting {setting.env} has the value {raw!r}, which is not valid ({exc}); "
                f"expected: {setting.help}"
            ) from exc
    return resolved
