from __future__ import annotations

import pytest
from click.testing import CliRunner

from innotwin.cli.main import cli


def test_cli_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("serve", "demo", "check", "manage"):
        assert f"  {name} " in result.output


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage: cli " + command in result.output
    assert cli.commands[command].help
