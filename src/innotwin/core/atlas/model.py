"""The atlas data model: regions, indicators, sources, observations and gaps.

Every value in the atlas is an :class:`Observation` — *region × indicator × period → value* — that carries
its unit, its :class:`Source` (publisher, dataset, URL, licence) and a :class:`Quality` flag with a note.
Values the sources do not provide are recorded as :class:`Gap` entries rather than left silently absent.

``period`` is always an ``int`` year: the calendar year of reference (UK mid-year estimates: 30 June;
Korean registered population: 31 December), or for academic-year data the year the academic year starts
(HESA 2018 = 2018/19). The note of an observation says which when it matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Gap",
    "Indicator",
    "LoadResult",
    "Observation",
    "Quality",
    "Region",
    "RegionLevel",
    "Source",
]


class Quality(StrEnum):
    """How directly a value comes from its publisher."""

    OFFICIAL = "official"
    """Published by the statistical body as it stands (unit scaling aside)."""
    DERIVED = "derived"
    """Computed here or by a re-hosting repository from official values (a sum, a share, a re-coding)."""
    PROXY = "proxy"
    """Stands in for the quantity named by the indicator (e.g. a city point used as a region's centroid)."""


class RegionLevel(StrEnum):
    """The geography a region belongs to."""

    COUNTRY = "country"
    UK_ITL1 = "uk-itl1"
    UK_ITL2 = "uk-itl2"
    UK_ITL3 = "uk-itl3"
    UK_LAD = "uk-lad"
    UK_COMBINED_AUTHORITY = "uk-combined-authority"
    KR_SIDO = "kr-sido"
    KR_SIGUNGU = "kr-sigungu"
    OECD_TL2 = "oecd-tl2"
    OECD_TL3 = "oecd-tl3"
    OECD_METRO = "oecd-metro"


@dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    """Where values come from. ``key`` identifies the source in the bundle's ``sources.csv``."""

    key: str
    publisher: str
    dataset: str
    url: str
    licence: str
    via: str = ""
    """How the file reached us (re-hosting repository and commit), when not straight from the publisher."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Indicator:
    """One quantity the atlas measures, defined in English and Korean."""

    code: str
    name_en: str
    name_ko: str
    definition_en: str
    definition_ko: str
    unit: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Observation:
    """One value: region × indicator × period (× industry), with its unit, source and quality."""

    region_code: str
    indicator_code: str
    period: int
    value: float
    unit: str
    source: Source
    quality: Quality
    note: str = ""
    industry_classification: str = ""
    """Empty for values that are not broken down by industry."""
    industry_code: str = ""

    @property
    def key(self) -> tuple[str, str, int, str, str]:
        """What makes an observation unique within one atlas."""
        return (
            self.region_code,
            self.indicator_code,
            self.period,
            self.industry_classification,
            self.industry_code,
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class Region:
    """A place with an official code, names in English and Korean and, where known, a centroid."""

    code: str
    country: str
    """ISO 3166-1 alpha-2: ``GB`` or ``KR`` (other OECD countries for OECD-only regions)."""
    level: RegionLevel
    name_en: str
    name_ko: str
    parent_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    oecd_tl2: str | None = None
    oecd_tl3: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Gap:
    """A value the atlas cannot provide, and why. ``period`` is ``None`` when no year has it."""

    region_code: str
    indicator_code: str
    period: int | None
    reason: str
    source_key: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class LoadResult:
    """What a loader read from one file: observations, regions the file defines, and gaps it shows."""

    observations: tuple[Observation, ...] = ()
    regions: tuple[Region, ...] = ()
    gaps: tuple[Gap, ...] = ()
