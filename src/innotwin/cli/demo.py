from __future__ import annotations

from pathlib import Path

import click

from innotwin.cli.django_setup import setup_django


@click.command()
@click.option(
    "--with-registers",
    is_flag=True,
    help="Also import the real organisation registers (KRX, Companies House sample, universities, research "
    "institutes) from the shared data folder; they are never bundled.",
)
@click.option(
    "--registers",
    "registers_path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder holding the registers (the shared data folder or its organisations folder) "
    "[default: INNOTWIN_SHARED_DATA].",
)
def demo(with_registers: bool, registers_path: Path | None) -> None:
    """Set up the database and load the demo programme (non-interactive, safe to run again)."""
    setup_django()
    from django.core.management import call_command

    from innotwin.demo.load_demo import load_demo

    call_command("migrate", interactive=False, verbosity=0)
    result = load_demo()
    atlas = "loaded" if result.atlas_loaded else "already loaded"
    click.echo(
        f"Demo programme loaded: {result.pairs} twin pairs, {result.agreements} agreements; atlas {atlas}: "
        f"{result.regions} regions and {result.observations} sourced values."
    )
    if with_registers or registers_path is not None:
        from innotwin.organisations.demo import load_registers

        for register in load_registers(registers_path):
            skipped = sum(register.skipped.values())
            click.echo(
                f"Register {register.file}: {register.created} organisations added, "
                f"{register.updated} updated, {register.unchanged} unchanged, {skipped} rows skipped."
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
