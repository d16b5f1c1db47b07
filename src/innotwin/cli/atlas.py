"""``innotwin atlas``: build, load, import and read the regional atlas."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from innotwin.cli.django_setup import setup_django
from innotwin.cli.output import emit, format_option


def _progress() -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True)


@click.group()
def atlas() -> None:
    """The regional atlas: comparable UK and Korean indicators, every value with its source and year."""


@atlas.command()
@click.option(
    "--from",
    "shared",
    type=click.Path(path_type=Path),
    help="Folder of the public data sets [default: INNOTWIN_SHARED_DATA].",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Folder to write the bundle to [default: the bundled atlas inside the package].",
)
def build(shared: Path | None, out: Path | None) -> None:
    """Build the compact atlas bundle from the official data files (deterministic: same input, same bytes)."""
    from innotwin.core.atlas.build import build_atlas
    from innotwin.core.atlas.bundle_io import write_bundle
    from innotwin.core.atlas.bundle_read import bundled_atlas_dir

    if shared is None:
        setup_django()
        from django.conf import settings

        shared = Path(settings.SHARED_DATA_DIR)
    with _progress() as progress:
        progress.add_task(f"Reading the data sets in {shared}", total=None)
        bundle = build_atlas(shared)
    written = write_bundle(bundle, out or bundled_atlas_dir())
    click.echo(
        f"Wrote {len(written)} files to {written[0].parent}: {len(bundle.regions)} regions, "
        f"{len(bundle.observations)} values, {len(bundle.gaps)} known gaps."
    )


@atlas.command()
@click.option(
    "--bundle",
    type=click.Path(path_type=Path),
    help="Bundle folder written by 'innotwin atlas build' [default: the bundled atlas].",
)
def load(bundle: Path | None) -> None:
    """Load an atlas bundle into the database, all or nothing; its values replace those of its sources."""
    setup_django()
    from innotwin.atlas.domain.store_atlas import store_bundle
    from innotwin.core.atlas.bundle_read import bundled_atlas_dir, read_bundle

    with _progress() as progress:
        progress.add_task("Reading and storing the atlas", total=None)
        summary = store_bundle(bundle=read_bundle(bundle or bundled_atlas_dir()))
    click.echo(
        f"Loaded {summary.regions} regions, {summary.indicators} indicators, {summary.observations} values "
        f"and {summary.gaps} known gaps."
    )


@atlas.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--source", "source_name", required=True, help="Which loader reads the file (see 'atlas sources')."
)
def import_file(file: Path, source_name: str) -> None:
    """Import one data file with the loader of SOURCE; a bad file stores nothing and lists every problem."""
    setup_django()
    from django.conf import settings

    from innotwin.atlas.domain.store_atlas import store_load_result
    from innotwin.core.atlas.registry import SOURCES, load_geography
    from innotwin.core.errors import NotFoundError

    if source_name not in SOURCES:
        raise NotFoundError(f"No source is named '{source_name}'; known sources: {', '.join(SOURCES)}.")
    with _progress() as progress:
        progress.add_task("Reading the geography", total=None)
        geography = load_geography(shared_dir=Path(settings.SHARED_DATA_DIR))
        progress.add_task(f"Reading and checking {file}", total=None)
        result = SOURCES[source_name].load(path=file, geography=geography)
        progress.add_task("Storing", total=None)
        summary = store_load_result(result=result)
    click.echo(f"Imported {summary.observations} values and {summary.gaps} known gaps from {file}.")


@atlas.command(name="sources")
@format_option
def list_sources(output_format: str) -> None:
    """List the source loaders 'atlas import' knows, with the file each reads by default."""
    from innotwin.core.atlas.registry import SOURCES

    rows = [{"source": name, "default files": " ".join(spec.paths)} for name, spec in SOURCES.items()]
    emit(rows, columns=("source", "default files"), output_format=output_format, title="Atlas sources")


@atlas.command(name="list")
@click.option("--country", help="ISO code: GB or KR.")
@click.option("--level", help="Region level, e.g. uk-itl2 or kr-sido.")
@format_option
def list_regions(country: str | None, level: str | None, output_format: str) -> None:
    """List the atlas's regions."""
    setup_django()
    from innotwin.regions.models import Region

    regions = Region.objects.order_by("code")
    if country:
        regions = regions.filter(country_id=country.upper())
    if level:
        regions = regions.filter(level=level)
    rows = list(regions.values("code", "country_id", "level", "name_en", "name_ko", "parent_id"))
    emit(
        rows,
        columns=("code", "country_id", "level", "name_en", "name_ko", "parent_id"),
        output_format=output_format,
        title="Regions",
    )


@atlas.command()
@click.argument("region")
@format_option
def show(region: str, output_format: str) -> None:
    """Show REGION's latest value of every indicator, with its source and year, and its known gaps."""
    setup_django()
    from innotwin.atlas.domain.region_profile import region_profile

    profile = region_profile(code=region)
    if output_format == "table":
        Console().print(
            f"[bold]{profile.region.name_en}[/] ({profile.region.name_ko}) — {profile.region.code}"
        )
    rows = [
        {
            "indicator": figure.indicator.code,
            "year": figure.period,
            "value": figure.value,
            "unit": figure.unit,
            "source": f"{figure.publisher}: {figure.dataset}",
            "licence": figure.licence,
            "quality": figure.quality,
        }
        for figure in profile.figures
    ] + [
        {
            "indicator": gap.indicator_id,
            "year": gap.period,
            "value": None,
            "unit": "",
            "source": f"gap: {gap.reason}",
        }
        for gap in profile.gaps
    ]
    emit(
        rows,
        columns=("indicator", "year", "value", "unit", "source", "licence", "quality"),
        output_format=output_format,
    )


@atlas.command()
@format_option
def indicators(output_format: str) -> None:
    """List the indicator catalogue, with definitions and units."""
    setup_django()
    from innotwin.atlas.models import Indicator

    rows = list(Indicator.objects.values("code", "name_en", "name_ko", "unit", "definition_en"))
    emit(
        rows,
        columns=("code", "name_en", "name_ko", "unit", "definition_en"),
        output_format=output_format,
        title="Indicators",
    )
