"""The ``innotwin`` command: one entry point for the main jobs, each with ``--help``."""

from __future__ import annotations

import sys

import click

import innotwin
from innotwin.cli.atlas import atlas
from innotwin.cli.check import check
from innotwin.cli.demo import demo
from innotwin.cli.errors import report_errors
from innotwin.cli.impact import impact
from innotwin.cli.library import library
from innotwin.cli.manage import manage
from innotwin.cli.matching import index, match
from innotwin.cli.orgs import orgs
from innotwin.cli.pairs import pairs
from innotwin.cli.roadmap import roadmap
from innotwin.cli.schedule import schedule
from innotwin.cli.serve import serve
from innotwin.cli.text import text


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(innotwin.__version__, prog_name="innotwin")
def cli() -> None:
    """innotwin: data-led city innovation twinning.

    Settings come from INNOTWIN_* environment variables and DATABASE_URL (see docs/configuration.md).
    """


cli.add_command(serve)
cli.add_command(demo)
cli.add_command(check)
cli.add_command(manage)
cli.add_command(orgs)
cli.add_command(atlas)
cli.add_command(pairs)
cli.add_command(text)
cli.add_command(library)
cli.add_command(roadmap)
cli.add_command(index)
cli.add_command(match)
cli.add_command(schedule)
cli.add_command(impact)


def main() -> None:
    """Run the CLI; an innotwin error is one clear sentence on standard error and exit status 2."""
    with report_errors():
        cli.main(standalone_mode=True)
    sys.exit(0)
