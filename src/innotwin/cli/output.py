"""Prints rows as a rich table, CSV or JSON: the one ``--format`` every listing command offers."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import click
from rich.console import Console
from rich.table import Table

FORMATS = ("table", "csv", "json")

format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output as a table for people, or CSV or JSON for programs.",
)


def emit(
    rows: Sequence[Mapping[str, Any]], *, columns: Sequence[str], output_format: str, title: str = ""
) -> None:
    """Write ``rows`` (only ``columns``, in that order) to standard output in ``output_format``."""
    if output_format == "json":
        click.echo(
            json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2)
        )
    elif output_format == "csv":
        writer = csv.DictWriter(
            sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title or None)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        Console().print(table)


def _cell(value: Any) -> str:
    """A value as people read it in a table: thousands separators, no spurious decimals."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
    return str(value)
