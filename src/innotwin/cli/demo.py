from __future__ import annotations

import click

from innotwin.cli.django_setup import setup_django


@click.command()
def demo() -> None:
    """Set up the database and load the demo programme (non-interactive, safe to run again)."""
    setup_django()
    from django.core.management import call_command

    from innotwin.demo.load_demo import load_demo

    call_command("migrate", interactive=False, verbosity=0)
    result = load_demo()
    click.echo(
        f"Demo programme loaded: {result.pairs} twin pairs, {result.agreements} agreements; atlas of "
        f"{result.regions} regions and {result.observations} sourced values."
    )
    if result.admin_password:
        click.secho("A demo administrator was created. Its one-time password is shown only now:", bold=True)
        click.echo(f"  email:    {result.admin_email}")
        click.echo(f"  password: {result.admin_password}")
        click.echo("You will be asked to choose a new password when you first sign in.")
    else:
        click.echo(
            f"The demo administrator {result.admin_email} already exists; its password was printed when it "
            "was created (reset it with 'innotwin manage changepassword')."
        )
