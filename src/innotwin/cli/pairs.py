"""``innotwin pairs``: rank and explain city pairs, write the shortlist report, benchmark the engine."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape

from innotwin.cli.django_setup import setup_django
from innotwin.cli.output import emit, format_option

PROFILE_HELP = (
    "Weight profile: balanced, complementarity-first or peers, or a YAML/JSON profile file "
    "(see docs/methods/pairing.md)."
)


@click.group()
def pairs() -> None:
    """City-pair discovery: every cross-country pair of regions scored, explained, tested for robustness."""


def _profile(value: str) -> Any:
    """A built-in profile's name, or the profile in the file ``value`` names."""
    from innotwin.core.errors import DataError
    from innotwin.core.pairing import load_profile, load_profiles

    path = Path(value)
    if path.suffix.lower() in (".yaml", ".yml", ".json") or path.exists():
        return load_profile(path)
    if value not in load_profiles():
        raise DataError(
            f"There is no weight profile called '{value}'; choose one of {', '.join(load_profiles())}, "
            "or give a YAML or JSON profile file."
        )
    return value


def _levels(levels: tuple[str, ...], country_a: str, country_b: str) -> dict[str, str | None]:
    """Each --level given, assigned to the country whose regions have that level."""
    from innotwin.core.errors import DataError
    from innotwin.regions.models import Region

    chosen: dict[str, str | None] = {"level_a": None, "level_b": None}
    for level in levels:
        countries = set(Region.objects.filter(level=level).values_list("country_id", flat=True))
        if country_a.upper() in countries:
            chosen["level_a"] = level
        elif country_b.upper() in countries:
            chosen["level_b"] = level
        else:
            raise DataError(
                f"The level '{level}' has no regions in {country_a.upper()} or {country_b.upper()}; "
                "see 'innotwin atlas list' for the levels of each country."
            )
    return chosen


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None or math.isnan(value) else round(value, digits)


def _provenance(ranking: Any) -> list[str]:
    """One line per side: the employment measure and every other input with its years and sources."""
    lines = []
    for side in (ranking.a, ranking.b):
        parts = [
            f"employment {side.sector_indicator} {side.sector_period} [{', '.join(side.sector_sources)}]"
        ]
        for name, found in side.values.items():
            years = ", ".join(str(y) for y in sorted({e.period for e in found.values()}))
            keys = ", ".join(sorted({e.source for e in found.values()}))
            parts.append(f"{name} {years} [{keys}]")
        excluded = "; ".join(f"{e.code} not scored: {e.reason}" for e in side.excluded)
        lines.append(
            f"{side.country} {side.level}: " + "; ".join(parts) + (f". {excluded}" if excluded else "")
        )
    for key, note in sorted(ranking.sources.items()):
        lines.append(f"[{key}] {note.publisher}, {note.dataset} ({note.licence}) {note.url}")
    return lines


@pairs.command()
@click.option(
    "--from", "country_a", help="Country of the first regions, e.g. GB [default: the first with data]."
)
@click.option("--to", "country_b", help="Country of the second regions, e.g. KR [default: the second].")
@click.option(
    "--level", "levels", multiple=True, help="Region level of either country, e.g. uk-itl2 (repeatable)."
)
@click.option("--profile", default="balanced", show_default=True, help=PROFILE_HELP)
@click.option(
    "--top", type=click.IntRange(min=1), default=20, show_default=True, help="How many pairs to list."
)
@click.option("--min-score", type=click.FloatRange(0, 1), help="List only pairs scoring at least this.")
@click.option("--explain", is_flag=True, help="Add the plain-language explanation of each pair.")
@click.option("--language", type=click.Choice(["en", "ko"]), default="en", show_default=True)
@format_option
def rank(
    country_a: str | None,
    country_b: str | None,
    levels: tuple[str, ...],
    profile: str,
    top: int,
    min_score: float | None,
    explain: bool,
    language: str,
    output_format: str,
) -> None:
    """Rank every pair of a region of one country with a region of the other, best first.

    Robustness ("in_top_k") is the share of 200 random changes of the weights (±50%) in which the pair
    stays in the top 10. Data years and sources follow the table (on standard error for csv and json).
    """
    setup_django()
    from innotwin.core.pairing import DIMENSIONS
    from innotwin.discovery.domain.explain_pair import explain_pair
    from innotwin.discovery.domain.rank_pairs import default_countries, rank_pairs

    first, second = default_countries()
    country_a, country_b = country_a or first, country_b or second
    weights = _profile(profile)
    ranking = rank_pairs(
        country_a=country_a, country_b=country_b, profile=weights, **_levels(levels, country_a, country_b)
    )
    chosen = [
        p for p in ranking.pairs if min_score is None or (p.total is not None and p.total >= min_score)
    ][:top]
    rows = []
    for pair in chosen:
        row: dict[str, Any] = {
            "rank": pair.rank,
            "a": pair.a,
            "name_a": pair.name_a_ko if language == "ko" else pair.name_a_en,
            "b": pair.b,
            "name_b": pair.name_b_ko if language == "ko" else pair.name_b_en,
            "total": _round(pair.total),
            "dimensions_with_data": pair.present,
            "in_top_k": pair.top_k_probability,
            "strongest": pair.strongest,
            "left_out": " ".join(pair.left_out),
            **{dimension: _round(pair.scores[dimension]) for dimension in DIMENSIONS},
        }
        if explain:
            report = explain_pair(a=pair.a, b=pair.b, profile=weights)
            sentences = (
                report.explanation.sentences_ko if language == "ko" else report.explanation.sentences_en
            )
            row["why"] = " ".join(sentences)
        rows.append(row)
    columns = ["rank", "a", "name_a", "b", "name_b", "total", "dimensions_with_data", "in_top_k", "strongest"]
    if output_format != "table":
        columns += ["left_out", *DIMENSIONS]
    if explain:
        columns.append("why")
    title = f"{len(ranking.pairs)} pairs, profile {ranking.profile.name}, k = {ranking.k}"
    emit(rows, columns=columns, output_format=output_format, title=title)
    for line in _provenance(ranking):
        click.echo(line, err=output_format != "table")


@pairs.command(name="explain")
@click.argument("region_a")
@click.argument("region_b")
@click.option("--profile", default="balanced", show_default=True, help=PROFILE_HELP)
@click.option("--language", type=click.Choice(["en", "ko"]), default="en", show_default=True)
@format_option
def explain_command(region_a: str, region_b: str, profile: str, language: str, output_format: str) -> None:
    """Explain why REGION_A and REGION_B score as they do (atlas codes, e.g. TLD7 KR-26).

    json gives everything, each value with its year and source; csv gives the dimension breakdown.
    """
    setup_django()
    from innotwin.discovery.domain.explain_pair import explain_pair
    from innotwin.discovery.domain.snapshot_pair import snapshot_pair

    snapshot = snapshot_pair(report=explain_pair(a=region_a, b=region_b, profile=_profile(profile)))
    if output_format == "json":
        click.echo(json.dumps(snapshot, ensure_ascii=False, indent=2))
        return
    dimensions = [
        {
            "dimension": part["dimension"],
            "score": _round(part["score"]),
            "weight_share": _round(part["share"]),
            "contribution": _round(part["contribution"]),
            "left_out": (part["left_out_reason"] or {}).get(language, "") if part["left_out"] else "",
        }
        for part in snapshot["dimensions"]
    ]
    columns = ("dimension", "score", "weight_share", "contribution", "left_out")
    if output_format == "csv":
        emit(dimensions, columns=columns, output_format="csv")
        return
    console = Console()
    pair = snapshot["pair"]
    name = "name_ko" if language == "ko" else "name_en"
    console.print(
        f"[bold]{escape(pair['a'][name])} ↔ {escape(pair['b'][name])}[/]  "
        f"score {_round(snapshot['total'], 3)}, rank "
        f"{snapshot['rank']} of {snapshot['pairs_ranked']}, in the top {snapshot['robustness']['k']} in "
        f"{snapshot['robustness']['top_k_probability']:.0%} of weight draws ({snapshot['profile']['name']})"
    )
    for sentence in snapshot["sentences"][language]:
        click.echo(f"• {sentence}")
    emit(dimensions, columns=columns, output_format="table", title="Dimensions")
    for key, title in (
        ("strengths_a", f"Strongest specialisations of {pair['a'][name]}"),
        ("strengths_b", f"Strongest specialisations of {pair['b'][name]}"),
        ("shared", "Shared specialisations"),
        ("complementary_a_to_b", f"{pair['a'][name]} offers {pair['b'][name]}"),
        ("complementary_b_to_a", f"{pair['b'][name]} offers {pair['a'][name]}"),
    ):
        rows = [
            {
                "industry": item["industry"],
                "name": item[name],
                "lq_a": _round(item["location_quotient_a"], 2),
                "lq_b": _round(item["location_quotient_b"], 2),
                "relatedness_a": _round(item["relatedness_a"], 2),
                "relatedness_b": _round(item["relatedness_b"], 2),
            }
            for item in snapshot[key]
        ]
        if rows:
            emit(rows, columns=tuple(rows[0]), output_format="table", title=title)
    themes = [
        {
            "theme": theme[name],
            "pillars": ", ".join(theme["pillars"]),
            "basis": ", ".join(theme["basis"]),
            "strength": _round(theme["strength"], 2),
        }
        for theme in snapshot["suggested_themes"]
    ]
    if themes:
        emit(themes, columns=("theme", "pillars", "basis", "strength"), output_format="table", title="Themes")
    inputs = [
        {
            "region": pair[side]["code"],
            "indicator": indicator,
            "value": value["value"],
            "measure": value["atlas_indicator"],
            "year": value["year"],
            "source": value["source"],
        }
        for side in ("a", "b")
        for indicator, value in snapshot["inputs"][side].items()
    ]
    emit(
        inputs,
        columns=("region", "indicator", "value", "measure", "year", "source"),
        output_format="table",
        title="Figures compared",
    )
    for side in ("a", "b"):
        employment = snapshot["employment"][side]
        click.echo(
            f"Location quotients of {pair[side]['code']}: {employment['indicator']} {employment['year']} "
            f"[{', '.join(employment['sources'])}]"
        )
    for key, note in snapshot["sources"].items():
        click.echo(f"[{key}] {note['publisher']}, {note['dataset']} ({note['licence']}) {note['url']}")


@pairs.command()
@click.option("--regions-a", type=click.IntRange(min=1), default=2000, show_default=True)
@click.option("--regions-b", type=click.IntRange(min=1), default=2000, show_default=True)
@click.option("--industries", type=click.IntRange(min=2), default=100, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option(
    "--explain",
    "explained",
    type=click.IntRange(min=0),
    default=100,
    show_default=True,
    help="How many of the best pairs to explain.",
)
@click.option(
    "--format", "output_format", type=click.Choice(["json", "table"]), default="json", show_default=True
)
def bench(
    regions_a: int, regions_b: int, industries: int, seed: int, explained: int, output_format: str
) -> None:
    """Time scoring every pair of a generated input and explaining the best, with peak memory.

    Needs no database: the input is generated (skewed sizes and industry mixes, missing values).
    """
    from innotwin.core.pairing.bench import run_benchmark

    report = run_benchmark(
        regions_a=regions_a, regions_b=regions_b, industries=industries, seed=seed, explain=explained
    )
    if output_format == "json":
        click.echo(json.dumps(report, indent=2))
        return
    seconds = report.pop("seconds")
    rows = [{"measure": key, "value": value} for key, value in report.items()]
    rows += [{"measure": f"seconds.{key}", "value": value} for key, value in dict(seconds).items()]  # type: ignore[call-overload]
    emit(rows, columns=("measure", "value"), output_format="table", title="Pairing benchmark")


@pairs.command()
@click.option("--from", "country_a", help="Country of the first regions [default: the first with data].")
@click.option("--to", "country_b", help="Country of the second regions [default: the second].")
@click.option("--level", "levels", multiple=True, help="Region level of either country (repeatable).")
@click.option("--profile", default="balanced", show_default=True, help=PROFILE_HELP)
@click.option(
    "--top", type=click.IntRange(1, 30), default=10, show_default=True, help="Pairs in the shortlist."
)
@click.option("--language", type=click.Choice(["en", "ko"]), default="en", show_default=True)
@click.option("--out", type=click.Path(path_type=Path), required=True, help="File to write: .pdf or .html.")
def report(
    country_a: str | None,
    country_b: str | None,
    levels: tuple[str, ...],
    profile: str,
    top: int,
    language: str,
    out: Path,
) -> None:
    """Write the shortlist report (the best pairs explained, with the method appendix) as PDF or HTML."""
    setup_django()
    from django.template.loader import render_to_string
    from django.utils import translation

    from innotwin.core.errors import DataError
    from innotwin.discovery.domain.rank_pairs import default_countries, rank_pairs
    from innotwin.discovery.interfaces.report import report_context, report_pdf

    if out.suffix.lower() not in (".pdf", ".html"):
        raise DataError(
            f"The report is written as PDF or HTML; name a .pdf or .html file. Got {out} instead."
        )
    first, second = default_countries()
    country_a, country_b = country_a or first, country_b or second
    ranking = rank_pairs(
        country_a=country_a,
        country_b=country_b,
        profile=_profile(profile),
        **_levels(levels, country_a, country_b),
    )
    if out.suffix.lower() == ".pdf":
        out.write_bytes(report_pdf(ranking, top=top, language=language))
    else:
        from innotwin.discovery.interfaces.report import STYLESHEET

        with translation.override(language):
            context = {
                **report_context(ranking, top=top),
                "inline_css": STYLESHEET.read_text(encoding="utf-8"),
            }
            out.write_text(render_to_string("discovery/report_pdf.html", context), encoding="utf-8")
    click.echo(f"Wrote the shortlist of {top} pairs ({language}) to {out}.")
