"""``innotwin index build`` and ``innotwin match``: partner matching from the command line."""

from __future__ import annotations

import json
from typing import Any

import click

from innotwin.cli.django_setup import setup_django
from innotwin.cli.output import emit


@click.group()
def index() -> None:
    """The partner-matching index: vectors of organisations' texts and the in-process search index."""


@index.command()
@click.option("--backend", type=click.Choice(["hnsw", "exact"]), default="hnsw", show_default=True)
@click.option("--rebuild", is_flag=True, help="Start the index again instead of updating it.")
@click.option("--limit", type=int, default=None, help="Embed at most this many texts (default: all).")
def build(backend: str, rebuild: bool, limit: int | None) -> None:
    """Embed every organisation's texts that changed (or whose model changed) and update the index."""
    setup_django()
    import time

    from innotwin.matching.domain.engine import (
        current_profiles,
        matching_embedder,
        matching_index,
        refresh_vectors,
    )

    started = time.perf_counter()
    embedder = matching_embedder()
    profiles = current_profiles()
    refreshed = refresh_vectors(profiles, embedder=embedder, limit=limit)
    built = matching_index(embedder=embedder, backend=backend, rebuild=rebuild)
    click.echo(
        f"{len(profiles)} organisations take part in matching: {refreshed.embedded} texts embedded "
        f"({refreshed.model_changed} because the model changed), {refreshed.unchanged} unchanged, "
        f"{refreshed.removed} vectors removed, {refreshed.pending} still to embed. "
        f"Index: {len(built.offers)} organisations, {built.backend}, {embedder.name} {embedder.version} "
        f"({time.perf_counter() - started:.1f} s)."
    )


class _MatchGroup(click.Group):
    """``innotwin match ORG …`` runs the ``org`` command; ``innotwin match bench …`` the benchmark."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["org", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_MatchGroup)
def match() -> None:
    """Partners for an organisation: ``innotwin match ORG [--top 10] [--explain] [--format table|json]``,
    or ``innotwin match bench`` for the index benchmark."""


def _organisation(identifier: str) -> Any:
    from innotwin.core.errors import NotFoundError
    from innotwin.organisations.models import Organisation

    query = Organisation.objects.filter(slug=identifier)
    if identifier.isdigit():
        query = Organisation.objects.filter(pk=int(identifier)) | query
    found = query.first()
    if found is None:
        raise NotFoundError(f"There is no organisation with the slug or id {identifier!r}.")
    return found


@match.command("org")
@click.argument("organisation")
@click.option("--top", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--explain", "with_explanation", is_flag=True, help="Show why each pair matches.")
@click.option("--region", "regions", multiple=True, help="Rank candidates in this region (repeatable).")
@click.option(
    "--type", "types", multiple=True, help="Only candidates of this organisation type (repeatable)."
)
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def org(
    organisation: str,
    top: int,
    with_explanation: bool,
    regions: tuple[str, ...],
    types: tuple[str, ...],
    output_format: str,
) -> None:
    """The best partners for ORGANISATION (slug or id), in its twin regions unless --region is given."""
    setup_django()
    from dataclasses import replace

    from innotwin.core.matching import Filters
    from innotwin.matching.domain.matches import default_filters, rank_for, regions_within

    found = _organisation(organisation)
    filters = Filters(regions=frozenset(regions_within(regions))) if regions else default_filters(found)
    if types:
        filters = replace(filters, types=frozenset(types))
    ranking = rank_for(
        found, filters=filters, top=top, explain_matches=with_explanation or output_format == "json"
    )
    if not ranking.matchable:
        click.echo(
            f"{found.name} has nothing to match on yet (no description, capabilities or live profile)."
        )
        return
    rows = []
    for rank, result in enumerate(ranking.results, start=1):
        row: dict[str, Any] = {
            "rank": rank,
            "organisation": result.organisation.name,
            "slug": result.organisation.slug,
            "region": result.organisation.region_id,
            "type": result.organisation.type,
            "score": round(result.match.score, 4),
            **{name: round(value, 3) for name, value in result.match.components.items()},
        }
        if result.explanation is not None:
            row["explanation"] = result.explanation.as_dict()
        rows.append(row)
    if output_format == "json":
        click.echo(json.dumps({"organisation": found.slug, "matches": rows}, ensure_ascii=False, indent=2))
        return
    columns = [
        "rank",
        "organisation",
        "region",
        "type",
        "score",
        "text",
        "industry",
        "themes",
        "partner",
        "freshness",
    ]
    emit(rows, columns=columns, output_format="table", title=f"Partners for {found.name}")
    if ranking.pending:
        click.echo(f"{ranking.pending} texts are not embedded yet; run: innotwin index build")
    if with_explanation:
        for row in rows:
            why = row["explanation"]
            click.echo(f"\n{row['rank']}. {row['organisation']} (score {row['score']})")
            for label, key in (
                ("They offer what you seek", "query_needs"),
                ("You offer what they seek", "candidate_needs"),
            ):
                link = why[key]
                if link:
                    click.echo(f"  {label} (similarity {link['similarity']}):")
                    click.echo(f"    [{link['need']['language']}] {link['need']['text'][:160]}")
                    click.echo(f"    [{link['offer']['language']}] {link['offer']['text'][:160]}")
                    for side in ("need", "offer"):
                        if link[side]["other_text"]:
                            click.echo(
                                f"    [{link[side]['other_language']}] {link[side]['other_text'][:160]}"
                            )
            for item in why["industry_links"]:
                click.echo(f"  Industry: ISIC {item['a']} – {item['b']} ({item['kind']}, {item['strength']})")
            if why["shared_themes"]:
                click.echo(f"  Themes: {', '.join(why['shared_themes'])}")
            click.echo(
                "  Breakdown: "
                + ", ".join(
                    f"{part['component']} {part['value']} → {part['contribution']}"
                    for part in why["breakdown"]
                )
            )


@match.command()
@click.option("--profiles", type=click.IntRange(1), default=100_000, show_default=True)
@click.option("--queries", type=click.IntRange(1), default=1_000, show_default=True)
@click.option("--backend", type=click.Choice(["hnsw", "exact"]), default="hnsw", show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--dim", type=click.IntRange(2), default=384, show_default=True)
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def bench(profiles: int, queries: int, backend: str, seed: int, dim: int, output_format: str) -> None:
    """Index generated clustered vectors and measure build time, throughput, latency, recall@10, memory."""
    from innotwin.core.matching import run_bench

    result = run_bench(profiles=profiles, queries=queries, backend=backend, seed=seed, dim=dim).as_dict()
    if output_format == "json":
        click.echo(json.dumps(result))
    else:
        emit(
            [{"measure": k, "value": v} for k, v in result.items()],
            columns=["measure", "value"],
            output_format="table",
        )
