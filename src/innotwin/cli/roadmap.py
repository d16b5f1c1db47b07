"""``innotwin roadmap``: export a pair's roadmap document, list roadmaps, proposals and funding calls,
and move a proposal through the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from innotwin.cli.django_setup import setup_django
from innotwin.cli.output import emit, format_option

CLI_LABEL = "innotwin CLI"


@click.group()
def roadmap() -> None:
    """Roadmaps and the joint project pipeline of each twin pair."""


@roadmap.command()
@click.argument("pair")
@click.option("--lang", "language", type=click.Choice(["en", "ko", "both"]), default="en", show_default=True)
@click.option(
    "--format", "output_format", type=click.Choice(["html", "pdf"]), default="html", show_default=True
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write ('-' for standard output). Default: roadmap-PAIR-LANG.html or .pdf here.",
)
def export(pair: str, language: str, output_format: str, output: Path | None) -> None:
    """Write the roadmap document of PAIR (a slug such as belfast-sejong): themes, objectives, the proposals
    table, the timeline chart, partners and status, in English, Korean, or both side by side."""
    setup_django()
    from django.utils import translation

    from innotwin.roadmaps.domain._common import require_pair
    from innotwin.roadmaps.interfaces.document import document_html, document_pdf

    found = require_pair(pair)
    with translation.override("en" if language == "both" else language):
        data = (
            document_pdf(found, language=language)
            if output_format == "pdf"
            else document_html(found, language=language).encode("utf-8")
        )
    if output is not None and str(output) == "-":
        sys.stdout.buffer.write(data)
        return
    target = output or Path(f"roadmap-{found.slug}-{language}.{output_format}")
    target.write_bytes(data)
    click.echo(
        f"Wrote the {output_format.upper()} roadmap of {found.slug} ({language}) to {target}.", err=True
    )


@roadmap.command(name="list")
@format_option
def list_roadmaps(output_format: str) -> None:
    """Every twin pair with its roadmap version, status and pipeline size."""
    setup_django()
    from innotwin.pairs.models import TwinPair
    from innotwin.roadmaps.domain.roadmap import current_roadmap, signed_roadmap

    rows = []
    for pair in TwinPair.objects.order_by("slug"):
        found = signed_roadmap(pair) or current_roadmap(pair)
        rows.append(
            {
                "pair": pair.slug,
                "version": found.version if found else None,
                "status": found.status if found else "none",
                "signed_on": found.signed_on.isoformat() if found and found.signed_on else "",
                "proposals": pair.proposals.count(),
            }
        )
    emit(rows, columns=["pair", "version", "status", "signed_on", "proposals"], output_format=output_format)


@roadmap.command()
@click.argument("pair")
@click.option("--stage", help="Only proposals at this stage.")
@format_option
def proposals(pair: str, stage: str | None, output_format: str) -> None:
    """The joint proposals of PAIR."""
    setup_django()
    from innotwin.roadmaps.domain._common import require_pair
    from innotwin.roadmaps.domain.dashboard import pair_proposals

    rows = pair_proposals(require_pair(pair))
    if stage:
        rows = rows.filter(stage=stage)
    emit(
        [
            {
                "id": p.pk,
                "title_en": p.title_en,
                "title_ko": p.title_ko,
                "stage": p.stage,
                "theme": p.theme_id or "",
                "lead_uk": p.lead_uk.slug if p.lead_uk else "",
                "lead_kr": p.lead_kr.slug if p.lead_kr else "",
                "call": p.funding_call.slug if p.funding_call else "",
                "demo": p.is_demo,
            }
            for p in rows
        ],
        columns=["id", "title_en", "title_ko", "stage", "theme", "lead_uk", "lead_kr", "call", "demo"],
        output_format=output_format,
    )


@roadmap.command()
@click.argument("pair")
def show(pair: str) -> None:
    """The roadmap of PAIR: version, status, vision, themes and objectives."""
    setup_django()
    from innotwin.roadmaps.domain._common import require_pair
    from innotwin.roadmaps.domain.roadmap import current_roadmap, signed_roadmap

    found = require_pair(pair)
    current = signed_roadmap(found) or current_roadmap(found)
    if current is None:
        click.echo(f"{found.slug} has no roadmap yet.")
        return
    click.echo(
        f"{found.slug}: version {current.version}, {current.status}" + (" (demo)" if current.is_demo else "")
    )
    for text in (current.title_en, current.title_ko, current.vision_en, current.vision_ko):
        if text:
            click.echo(f"  {text}")
    click.echo("Themes: " + (", ".join(t.code for t in current.themes.all()) or "none"))
    for objective in current.objectives.all():
        date = objective.target_date.isoformat() if objective.target_date else "no target date"
        title = objective.title_en or objective.title_ko
        click.echo(f"- [{objective.pillar_id}/{objective.theme_id}] {title} ({date})")


@roadmap.command()
@click.argument("proposal_id", type=int)
@click.argument("stage")
@click.option("--reason", default="", help="Why (needed for stalled and dropped).")
def move(proposal_id: int, stage: str, reason: str) -> None:
    """Move proposal PROPOSAL_ID to STAGE (idea, scoping, submitted, funded, delivering, completed,
    stalled, dropped), with the same checks as the web board."""
    setup_django()
    from innotwin.core.errors import NotFoundError
    from innotwin.roadmaps.domain.proposals import move_proposal
    from innotwin.roadmaps.models import Proposal

    proposal = Proposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        raise NotFoundError(f"There is no proposal {proposal_id}.")
    moved = move_proposal(actor=None, proposal=proposal, stage=stage, reason=reason, actor_label=CLI_LABEL)
    click.echo(f"Proposal {moved.pk} is now at the stage '{moved.stage}'.")


@roadmap.command()
@format_option
def calls(output_format: str) -> None:
    """Funding calls proposals can target."""
    setup_django()
    from innotwin.roadmaps.models import FundingCall

    emit(
        [
            {
                "slug": c.slug,
                "name_en": c.name_en,
                "funder": c.funder,
                "bilateral": c.bilateral,
                "closes_on": c.closes_on.isoformat() if c.closes_on else "",
            }
            for c in FundingCall.objects.all()
        ],
        columns=["slug", "name_en", "funder", "bilateral", "closes_on"],
        output_format=output_format,
    )
