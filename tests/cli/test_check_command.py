from __future__ import annotations

from click.testing import CliRunner

from innotwin.cli.main import cli
from innotwin.health import Level, run_checks


def test_run_checks_on_migrated_database_are_all_ok(db, settings, shared_data) -> None:
    settings.SHARED_DATA_DIR = shared_data
    results = {result.name: result.level for result in run_checks()}
    assert results == {
        "database": Level.OK,
        "migrations": Level.OK,
        "translations": Level.OK,
        "shared data": Level.OK,
    }


def test_check_command_prints_a_table_and_exits_zero(db, settings, shared_data) -> None:
    settings.SHARED_DATA_DIR = shared_data
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert "all migrations applied" in result.output


def test_check_without_shared_data_warns_but_passes(db, settings, tmp_path) -> None:
    settings.SHARED_DATA_DIR = tmp_path / "absent"
    results = {result.name: result for result in run_checks()}
    assert results["shared data"].level is Level.WARNING
    assert CliRunner().invoke(cli, ["check"]).exit_code == 0
