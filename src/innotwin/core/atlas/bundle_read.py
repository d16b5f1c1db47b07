"""Reading an atlas bundle (the files :func:`innotwin.core.atlas.bundle_io.write_bundle` writes) strictly.

The bundled default atlas ships inside the package (:func:`bundled_atlas_dir`); a user can point at
another folder built with ``innotwin atlas build``. Every problem is reported as file:line:field and
nothing is returned partially.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TypeVar

from innotwin.core.atlas.bundle_io import OBSERVATION_COLUMNS
from innotwin.core.atlas.csvio import Missing, ProblemLog, Row, read_table
from innotwin.core.atlas.model import Gap, Indicator, Observation, Quality, Region, RegionLevel, Source
from innotwin.core.errors import DataError, Problem

__all__ = ["IndustryRow", "StoredBundle", "bundle_digest", "bundled_atlas_dir", "read_bundle"]

_T = TypeVar("_T")


@dataclass(frozen=True, kw_only=True, slots=True)
class IndustryRow:
    """One harmonised industry group or GVA sector as the bundle lists it."""

    classification: str
    code: str
    sections: str
    isic4_divisions: str
    ksic10: str
    name_en: str
    name_ko: str
    note: str


@dataclass(frozen=True, kw_only=True)
class StoredBundle:
    """The tables of a bundle, typed."""

    regions: tuple[Region, ...]
    indicators: tuple[Indicator, ...]
    sources: tuple[Source, ...]
    observations: tuple[Observation, ...]
    gaps: tuple[Gap, ...]
    industries: tuple[IndustryRow, ...]


def bundled_atlas_dir() -> Path:
    """The folder of the default atlas committed inside the package."""
    return Path(str(resources.files("innotwin").joinpath("data/atlas/bundle")))


def bundle_digest(directory: Path) -> str:
    """SHA-256 of the bundle's files (names and bytes, in name order): equal digests, equal bundles."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.csv")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _optional_float(log: ProblemLog, row: Row, column: str) -> float | None:
    value = log.number(row, column)
    return None if value is None or isinstance(value, Missing) else value


def _regions(directory: Path) -> tuple[Region, ...]:
    table = read_table(
        directory / "regions.csv",
        columns=(
            "code",
            "country",
            "level",
            "parent_code",
            "name_en",
            "name_ko",
            "lat",
            "lon",
            "oecd_tl2",
            "oecd_tl3",
        ),
    )
    log = ProblemLog(table.file)
    levels = {level.value: level.value for level in RegionLevel}
    regions = []
    for row in table:
        level = log.choice(row, "level", levels)
        if level is None:
            continue
        regions.append(
            Region(
                code=row["code"],
                country=row["country"],
                level=RegionLevel(level),
                parent_code=row["parent_code"] or None,
                name_en=row["name_en"],
                name_ko=row["name_ko"],
                lat=_optional_float(log, row, "lat"),
                lon=_optional_float(log, row, "lon"),
                oecd_tl2=row["oecd_tl2"] or None,
                oecd_tl3=row["oecd_tl3"] or None,
            )
        )
    log.raise_if_any()
    return tuple(regions)


def _indicators(directory: Path) -> tuple[Indicator, ...]:
    columns = ("code", "name_en", "name_ko", "definition_en", "definition_ko", "unit")
    table = read_table(directory / "indicators.csv", columns=columns)
    return tuple(Indicator(**{column: row[column] for column in columns}) for row in table)


def _sources(directory: Path) -> tuple[Source, ...]:
    columns = ("key", "publisher", "dataset", "url", "licence", "via")
    table = read_table(directory / "sources.csv", columns=columns)
    return tuple(Source(**{column: row[column] for column in columns}) for row in table)


def _observations(directory: Path, sources: tuple[Source, ...]) -> tuple[Observation, ...]:
    table = read_table(directory / "observations.csv", columns=OBSERVATION_COLUMNS)
    log = ProblemLog(table.file)
    by_name = {(source.publisher, source.dataset): source for source in sources}
    qualities = {quality.value: quality.value for quality in Quality}
    observations = []
    for row in table:
        period = log.year(row, "period")
        value = log.number(row, "value")
        quality = log.choice(row, "quality", qualities)
        source = by_name.get((row["publisher"], row["dataset"]))
        if source is None:
            log.add(
                f"no source in sources.csv has publisher '{row['publisher']}' and dataset '{row['dataset']}'",
                line=row.line,
                field="dataset",
            )
        elif source.licence != row["licence"]:
            log.add(
                f"licence '{row['licence']}' differs from sources.csv ('{source.licence}')",
                line=row.line,
                field="licence",
            )
        if isinstance(value, Missing):
            log.add(
                "the value is empty; record a missing value in gaps.csv instead", line=row.line, field="value"
            )
            continue
        if period is None or value is None or quality is None or source is None:
            continue
        observations.append(
            Observation(
                region_code=row["region_code"],
                indicator_code=row["indicator_code"],
                period=period,
                value=value,
                unit=row["unit"],
                source=source,
                quality=Quality(quality),
                note=row["note"],
                industry_classification=row["industry_classification"],
                industry_code=row["industry_code"],
            )
        )
    log.raise_if_any()
    return tuple(observations)


def _gaps(directory: Path) -> tuple[Gap, ...]:
    table = read_table(
        directory / "gaps.csv", columns=("region_code", "indicator_code", "period", "reason", "source_key")
    )
    log = ProblemLog(table.file)
    gaps = []
    for row in table:
        period = log.year(row, "period") if row["period"].strip() else None
        gaps.append(
            Gap(
                region_code=row["region_code"],
                indicator_code=row["indicator_code"],
                period=period,
                reason=row["reason"],
                source_key=row["source_key"],
            )
        )
    log.raise_if_any()
    return tuple(gaps)


def _industries(directory: Path) -> tuple[IndustryRow, ...]:
    columns = (
        "classification",
        "code",
        "sections",
        "isic4_divisions",
        "ksic10",
        "name_en",
        "name_ko",
        "note",
    )
    table = read_table(directory / "industries.csv", columns=columns)
    return tuple(IndustryRow(**{column: row[column] for column in columns}) for row in table)


def _collect(read: Callable[[], _T], problems: list[Problem]) -> _T | None:
    try:
        return read()
    except DataError as error:
        problems.extend(error.problems)
        return None


def read_bundle(directory: Path) -> StoredBundle:
    """Read every table of the bundle in ``directory``; raise one :class:`DataError` listing all problems."""
    if not directory.is_dir():
        raise DataError(
            [Problem(f"The atlas bundle folder {directory} does not exist.", file=str(directory))]
        )
    problems: list[Problem] = []
    regions = _collect(lambda: _regions(directory), problems)
    indicators = _collect(lambda: _indicators(directory), problems)
    sources = _collect(lambda: _sources(directory), problems)
    gaps = _collect(lambda: _gaps(directory), problems)
    industries = _collect(lambda: _industries(directory), problems)
    observations = None if sources is None else _collect(lambda: _observations(directory, sources), problems)
    if (
        problems
        or regions is None
        or indicators is None
        or sources is None
        or gaps is None
        or industries is None
        or observations is None
    ):
        raise DataError(problems)
    return StoredBundle(
        regions=regions,
        indicators=indicators,
        sources=sources,
        observations=observations,
        gaps=gaps,
        industries=industries,
    )
