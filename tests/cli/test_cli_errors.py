"""Bad configuration gives one clear sentence and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

INNOTWIN = str(Path(sys.executable).with_name("innotwin"))


def _run(*args: str, env: dict[str, str], cwd: Path, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("INNOTWIN_") and k != "DATABASE_URL"}
    return subprocess.run(
        [INNOTWIN, *args],
        capture_output=True,
        text=True,
        env={**clean, **env},
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DATABASE_URL": "mysqlx://nowhere/db"}, "DATABASE_URL 'mysqlx://nowhere/db' is not a database URL"),
        (
            {"DATABASE_URL": "postgresql://postgres@127.0.0.1:1/none"},
            "Cannot use the postgresql database 'none' on 127.0.0.1",
        ),
        ({"INNOTWIN_COLOUR": "blue"}, "Unknown setting INNOTWIN_COLOUR"),
        ({"INNOTWIN_CONFIG": "/nonexistent/innotwin.toml"}, "The config file /nonexistent/innotwin.toml"),
        ({"INNOTWIN_LANGUAGE_CODE": "fr"}, "INNOTWIN_LANGUAGE_CODE has the value 'fr'"),
    ],
)
def test_check_with_bad_configuration_prints_one_sentence_and_fails(
    tmp_path: Path, env: dict[str, str], expected: str
) -> None:
    result = _run("check", env={"INNOTWIN_DATA_DIR": str(tmp_path), **env}, cwd=tmp_path)
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_serve_with_unmigrated_database_refuses_with_advice(tmp_path: Path) -> None:
    result = _run("serve", "--port", "8999", env={"INNOTWIN_DATA_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 2
    assert "migrations are not applied; run 'innotwin demo'" in result.stderr
    assert "Traceback" not in result.stderr


def test_version_prints_the_package_version(tmp_path: Path) -> None:
    import innotwin

    result = _run("--version", env={}, cwd=tmp_path)
    assert result.stdout.strip() == f"innotwin, version {innotwin.__version__}"


def test_demo_then_check_on_fresh_sqlite_succeeds_and_is_idempotent(tmp_path: Path) -> None:
    env = {"INNOTWIN_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    # Only a guard against a hang: the first demo embeds and solves the demo programme's data.
    first = _run("demo", env=env, cwd=tmp_path, timeout=600)
    second = _run("demo", env=env, cwd=tmp_path, timeout=600)
    check = _run("check", env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "password:" in first.stdout
    assert second.returncode == 0, second.stderr
    assert "password:" not in second.stdout
    assert "already exists" in second.stdout
    assert check.returncode == 0, check.stderr + check.stdout
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
