"""``innotwin impact``: collect observations from innotwin's records, write the impact report, remind
coordinators to report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from innotwin.cli.django_setup import setup_django
from innotwin.cli.output import emit, format_option


@click.group()
def impact() -> None:
    """Impact: what the twin pairs achieved, each figure with its evidence (see docs/impact.md)."""


@impact.command()
@format_option
def collect(output_format: str) -> None:
    """Turn innotwin's records (agreements, accepted introductions, submitted and funded proposals) into
    observations. Each fact is counted once: running it again adds nothing."""
    setup_django()
    from innotwin.impact.domain.collectors import collect as run

    result = run()
    rows = [
        {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "disputed": result.disputed,
            "refused": len(result.refused),
        }
    ]
    emit(rows, columns=list(rows[0]), output_format=output_format, title="Collected observations")
    for line in result.refused:
        click.secho(f"Not counted: {line}", fg="yellow", err=True)


def _operator() -> Any:
    """Whoever runs the CLI on the server sees what a programme administrator sees."""
    from innotwin.accounts.enums import Role
    from innotwin.accounts.models import User

    return User(email="cli@innotwin.invalid", role=Role.PROGRAMME_ADMIN, is_active=True)


@impact.command()
@click.option(
    "--pair",
    "pair_slug",
    help="A twin pair's slug, e.g. liverpool-city-region-busan; default: the whole programme.",
)
@click.option(
    "--format", "output_format", type=click.Choice(["csv", "xlsx", "pdf"]), default="csv", show_default=True
)
@click.option(
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The file to write; CSV goes to standard output without it.",
)
@click.option("--language", type=click.Choice(["en", "ko"]), default="en", show_default=True)
@click.option(
    "--public", is_flag=True, help="Only what the public sees (verified observations of public pairs)."
)
def report(
    pair_slug: str | None, output_format: str, output: Path | None, language: str, public: bool
) -> None:
    """The impact report: observations with their evidence (CSV, XLSX) or the report (PDF). Its figures are
    the dashboard's."""
    setup_django()
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    from innotwin.core.errors import NotFoundError
    from innotwin.impact.domain.summary import impact_summary
    from innotwin.impact.interfaces.exports import csv_text, report_pdf, xlsx_bytes
    from innotwin.pairs.models import TwinPair

    if output_format != "csv" and output is None:
        raise click.UsageError(f"A {output_format.upper()} report is a file: give --output FILE.")
    user = AnonymousUser() if public else _operator()
    pair = None
    if pair_slug:
        pair = TwinPair.objects.filter(slug=pair_slug).first()
        if pair is None:
            slugs = ", ".join(TwinPair.objects.order_by("slug").values_list("slug", flat=True)) or "none yet"
            raise NotFoundError(f"There is no twin pair {pair_slug!r}; the pairs are: {slugs}.")
    with translation.override(language):
        summary = impact_summary(user, pair=pair)
        if output_format == "csv":
            text = csv_text(summary)
            if output is None:
                sys.stdout.write(text.lstrip("\ufeff"))
                return
            output.write_text(text, encoding="utf-8")
        else:
            data = xlsx_bytes(summary) if output_format == "xlsx" else report_pdf(summary, language=language)
            Path(str(output)).write_bytes(data)
    click.echo(f"Wrote {output} ({len(summary.observations)} observations).", err=True)


@impact.command()
@click.option(
    "--every",
    "every_days",
    type=int,
    default=90,
    show_default=True,
    help="Remind when a pair's last report ended more than this many days ago (and at most this often).",
)
@click.option(
    "--base-url",
    default="http://localhost:8000",
    show_default=True,
    help="The site's address, for the link in the email.",
)
@click.option("--dry-run", is_flag=True, help="List who would be reminded; send nothing.")
@format_option
def remind(every_days: int, base_url: str, dry_run: bool, output_format: str) -> None:
    """Email the coordinators of active pairs that are due to report (through Django's email backend)."""
    setup_django()
    from innotwin.impact.domain.reports import send_reminders

    sent = send_reminders(every_days=every_days, base_url=base_url, dry_run=dry_run)
    rows = [
        {
            "pair": item.pair,
            "email": item.email,
            "last_report": item.last_report.isoformat() if item.last_report else "",
        }
        for item in sent
    ]
    emit(
        rows,
        columns=["pair", "email", "last_report"],
        output_format=output_format,
        title="Would remind" if dry_run else "Reminded",
    )


@impact.command()
@format_option
def kpis(output_format: str) -> None:
    """The KPI catalogue: code, name, unit, logic-model level, whether it is collected automatically."""
    setup_django()
    from innotwin.impact.models import Kpi

    rows = [
        {
            "code": k.code,
            "name_en": k.name_en,
            "name_ko": k.name_ko,
            "unit": k.unit,
            "level": k.level,
            "automatic": k.automatic,
        }
        for k in Kpi.objects.order_by("position")
    ]
    emit(
        rows,
        columns=["code", "name_en", "name_ko", "unit", "level", "automatic"],
        output_format=output_format,
    )
