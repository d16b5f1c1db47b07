"""``innotwin orgs``: the ecosystem registry from the command line (thin: it calls the domain functions)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from innotwin.cli.django_setup import setup_django

FORMATS = ("table", "csv", "json")
CLI = "innotwin orgs (command line)"


@click.group()
def orgs() -> None:
    """Organisations of the twin cities: import, list and export them."""


def _print_problems(problems: tuple[object, ...]) -> None:
    for problem in problems:
        click.secho(str(problem), fg="red", err=True)


@orgs.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='JSON or YAML file: {"header in FILE": "field", …}. Without it, headers are matched '
    "to fields by name (English or Korean template headers work as they are).",
)
@click.option("--dry-run", is_flag=True, help="Validate every row and report; store nothing.")
@click.option(
    "--encoding",
    default="utf-8",
    show_default=True,
    help="Text encoding of a CSV file (cp949 for Korean Excel).",
)
def import_(file: Path, mapping: Path | None, dry_run: bool, encoding: str) -> None:
    """Import organisations from a CSV or XLSX FILE: every row, or none when any row has a problem."""
    setup_django()
    from innotwin.core.errors import DataError
    from innotwin.core.registry import guess_mapping
    from innotwin.organisations.domain.import_organisations import import_organisations
    from innotwin.organisations.interfaces.uploads import read_mapping, read_upload

    sheet = read_upload(file.read_bytes(), name=file.name, encoding=encoding)
    columns = read_mapping(mapping) if mapping else guess_mapping(sheet.header)
    if not mapping:
        used = ", ".join(f"{source} → {field}" for source, field in columns.items() if field)
        click.echo(f"Columns matched by name: {used or 'none'}.")
    result = import_organisations(actor=None, sheet=sheet, mapping=columns, dry_run=dry_run, actor_label=CLI)
    if dry_run:
        if result.report.problems:
            raise DataError(result.report.problems)
        click.echo(f"Dry run: {result.report.rows} rows are valid; nothing was stored.")
    else:
        click.echo(f"Imported {result.created} organisations from {file.name}.")


@orgs.command("import-register")
@click.argument("kind", type=click.Choice(["krx", "companies-house", "universities", "research-institutes"]))
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--ksic-names",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="KSIC code list for KRX industry names [default: ../classifications beside PATH, or the "
    "shared data].",
)
def import_register_(kind: str, path: Path, ksic_names: Path | None) -> None:
    """Import an official register (KRX, Companies House, university or research-institute list)."""
    setup_django()
    from innotwin.organisations.domain.import_register import import_register
    from innotwin.organisations.interfaces.registers import register_reader

    result = import_register(
        actor=None, reader=register_reader(kind, path, ksic_names=ksic_names), actor_label=CLI
    )
    click.echo(
        f"{result.source}: {result.created} created, {result.updated} updated, {result.unchanged} unchanged, "
        f"{sum(result.skipped.values())} skipped, from {result.read} rows of {result.file}."
    )
    for reason, count in result.skipped.most_common():
        click.echo(f"  skipped {count}: {reason}")
    if result.unknown_industries:
        total = sum(result.unknown_industries.values())
        click.echo(
            f"  {total} industry codes or names not recognised and left out, e.g. "
            f"{', '.join(code for code, _n in result.unknown_industries.most_common(3))}"
        )


@orgs.command("list")
@click.option("--region", help="Region code; organisations in it and in the regions inside it.")
@click.option("--type", "type_", help="Organisation type (sme, university, …).")
@click.option("--format", "format_", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
def list_(region: str | None, type_: str | None, format_: str, limit: int) -> None:
    """List organisations."""
    setup_django()
    from rich.console import Console
    from rich.table import Table

    from innotwin.organisations.interfaces.exporters import csv_chunks, headers
    from innotwin.organisations.queries import organisations_in

    organisations = organisations_in(region=region, type=type_).select_related("region")[:limit]
    if format_ == "table":
        table = Table(title="innotwin organisations")
        for column in ("slug", "name", "type", "region", "verification"):
            table.add_column(column, overflow="fold")
        for organisation in organisations:
            table.add_row(
                organisation.slug,
                organisation.name_en or organisation.name_ko,
                organisation.type,
                organisation.region_id,
                organisation.verification,
            )
        Console().print(table)
        return
    from innotwin.organisations.interfaces.exporters import export_rows

    rows = export_rows(
        organisations_in(region=region, type=type_).filter(
            pk__in=[organisation.pk for organisation in organisations]
        )
    )
    if format_ == "csv":
        for chunk in csv_chunks(rows, columns=headers()):
            sys.stdout.write(chunk.lstrip("\ufeff"))
    else:
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))


@orgs.command("export")
@click.option("--format", "format_", type=click.Choice(["csv", "xlsx", "json"]), required=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write [default: standard output; required for xlsx].",
)
@click.option(
    "--language",
    type=click.Choice(["en", "ko"]),
    default="en",
    show_default=True,
    help="Language of the column headers.",
)
def export(format_: str, output: Path | None, language: str) -> None:
    """Export every organisation (and, in JSON, its published profiles); contact people are never exported."""
    setup_django()
    from innotwin.core.errors import ConfigurationError
    from innotwin.organisations.interfaces.exporters import (
        csv_chunks,
        export_rows,
        headers,
        json_chunks,
        xlsx_bytes,
    )
    from innotwin.organisations.models import Organisation
    from innotwin.organisations.queries import live_profiles

    organisations = Organisation.objects.all()
    if format_ == "xlsx":
        if output is None:
            raise ConfigurationError("An XLSX export needs --output FILE.")
        output.write_bytes(
            xlsx_bytes(export_rows(organisations), columns=headers(language), language=language)
        )
    else:
        chunks = (
            csv_chunks(export_rows(organisations), columns=headers(language))
            if format_ == "csv"
            else json_chunks(organisations, live_profiles=live_profiles())
        )
        if output is None:
            for chunk in chunks:
                sys.stdout.write(chunk)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                for chunk in chunks:
                    handle.write(chunk)
    if output is not None:
        click.echo(f"Wrote {organisations.count()} organisations to {output}.", err=True)


@orgs.command("template")
@click.option("--format", "format_", type=click.Choice(["csv", "xlsx"]), default="xlsx", show_default=True)
@click.option("--language", type=click.Choice(["en", "ko"]), default="en", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True)
def template(format_: str, language: str, output: Path) -> None:
    """Write the import template (headers in English or Korean; XLSX with a guide sheet)."""
    setup_django()
    from innotwin.organisations.interfaces.exporters import template_csv, template_xlsx

    if format_ == "csv":
        output.write_text(template_csv(language), encoding="utf-8")
    else:
        output.write_bytes(template_xlsx(language))
    click.echo(f"Wrote the {language} {format_} template to {output}.")


@orgs.command("members")
@click.argument("organisation")
@click.option("--add", "add_email", metavar="EMAIL", help="Make the person with EMAIL a member.")
@click.option("--remove", "remove_email", metavar="EMAIL", help="Take the membership of EMAIL away.")
@click.option("--name", "full_name", default="", help="Full name of a new account (with --add).")
@click.option(
    "--language",
    type=click.Choice(["en", "ko"]),
    default="en",
    show_default=True,
    help="Language of a new account and of its invitation (with --add).",
)
@click.option(
    "--base-url",
    default="http://localhost:8000",
    show_default=True,
    help="The site's address, for the link in the email.",
)
@click.option("--format", "format_", type=click.Choice(FORMATS), default="table", show_default=True)
def members(
    organisation: str,
    add_email: str | None,
    remove_email: str | None,
    full_name: str,
    language: str,
    base_url: str,
    format_: str,
) -> None:
    """List the members of ORGANISATION (slug or id), after adding or removing one.

    --add EMAIL makes the person a member; without an account, one is created and they are emailed a link
    to choose their password (through Django's email backend). The command line may remove the last member.
    """
    if add_email and remove_email:
        raise click.UsageError("Give --add or --remove, not both.")
    setup_django()
    from innotwin.accounts.models import User
    from innotwin.cli.output import emit
    from innotwin.core.errors import NotFoundError
    from innotwin.organisations.domain.add_member import remove_member
    from innotwin.organisations.domain.add_member_by_email import add_member_by_email
    from innotwin.organisations.models import Organisation

    query = Organisation.objects.filter(slug=organisation)
    if organisation.isdigit():
        query = Organisation.objects.filter(pk=int(organisation)) | query
    found = query.first()
    if found is None:
        raise NotFoundError(f"There is no organisation with the slug or id {organisation!r}.")
    if add_email:
        added = add_member_by_email(
            actor=None,
            organisation=found,
            email=add_email,
            full_name=full_name,
            language=language,
            base_url=base_url,
            actor_label=CLI,
        )
        how = "invited to choose a password" if added.invited else "told"
        click.echo(f"Added {added.user.email} to {found.slug} ({how} by email).", err=True)
    if remove_email:
        user = User.objects.filter(email=remove_email.strip().lower()).first()
        if user is None:
            raise NotFoundError(f"There is no account with the email address {remove_email!r}.")
        remove_member(actor=None, organisation=found, user=user, actor_label=CLI)
        click.echo(f"Removed {user.email} from {found.slug}.", err=True)
    rows = [
        {"id": user.pk, "email": user.email, "full_name": user.full_name}
        for user in found.members.order_by("email")
    ]
    emit(
        rows,
        columns=["id", "email", "full_name"],
        output_format=format_,
        title=f"Members of {found.slug}",
    )


@orgs.command("expire")
def expire() -> None:
    """Mark published profiles past their expiry date as expired (run daily, e.g. from cron)."""
    setup_django()
    from innotwin.organisations.domain.expire_profiles import expire_profiles

    click.echo(f"{expire_profiles()} profiles expired.")


@orgs.command("personal-data")
@click.argument("email")
def personal_data(email: str) -> None:
    """Print, as JSON, everything innotwin holds about the person with EMAIL (a subject access request)."""
    setup_django()
    from innotwin.organisations.domain.export_personal_data import export_personal_data

    click.echo(json.dumps(export_personal_data(email=email), ensure_ascii=False, indent=2))


@orgs.command("erase-personal-data")
@click.argument("email")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def erase_personal_data_(email: str, yes: bool) -> None:
    """Erase the personal data of the person with EMAIL; organisations keep their non-personal record."""
    setup_django()
    from innotwin.organisations.domain.erase_personal_data import erase_personal_data

    if not yes:
        click.confirm(f"Erase every piece of personal data held about {email}?", abort=True)
    result = erase_personal_data(actor=None, email=email, actor_label=CLI)
    click.echo(
        f"Erased {result.contacts} contact records" + (" and closed the account." if result.account else ".")
    )
