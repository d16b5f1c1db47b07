from __future__ import annotations

import click

from innotwin.cli.django_setup import setup_django


@click.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command, e.g. ``innotwin manage migrate`` or ``createsuperuser``."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["innotwin manage", *args])
