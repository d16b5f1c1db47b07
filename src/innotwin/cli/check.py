from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.table import Table

from innotwin.cli.django_setup import setup_django

_STYLE = {"ok": "green", "warning": "yellow", "error": "red"}


@click.command()
def check() -> None:
    """Check the configuration, the database and the data; exit status 1 when something is wrong."""
    setup_django()
    from innotwin.health import Level, run_checks

    results = run_checks()
    table = Table(title="innotwin check", show_lines=False)
    table.add_column("check")
    table.add_column("status")
    table.add_column("detail", overflow="fold")
    for result in results:
        table.add_row(result.name, f"[{_STYLE[result.level]}]{result.level}[/]", result.message)
    Console().print(table)
    errors = [result for result in results if result.level is Level.ERROR]
    if errors:
        for result in errors:
            click.secho(f"Error: {result.message}", fg="red", err=True)
        sys.exit(1)
