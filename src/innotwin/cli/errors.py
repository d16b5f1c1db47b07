"""Turns the errors a user can cause into one clear sentence and a non-zero exit, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from innotwin.core.errors import InnotwinError


@contextmanager
def report_errors() -> Iterator[None]:
    from django.core.exceptions import ImproperlyConfigured
    from django.db import DatabaseError

    try:
        yield
    except InnotwinError as exc:
        click.secho(f"Error: {exc.message}", fg="red", err=True)
        sys.exit(2)
    except ImproperlyConfigured as exc:
        click.secho(f"Error: the configuration is not valid: {exc}", fg="red", err=True)
        sys.exit(2)
    except DatabaseError as exc:
        from innotwin.health import database_error_message

        click.secho(f"Error: {database_error_message(exc)}", fg="red", err=True)
        sys.exit(2)
