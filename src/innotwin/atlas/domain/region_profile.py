"""A region's profile: latest value of every indicator with its source, known gaps, and sector structure."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from innotwin.atlas.models import Gap, Indicator, Industry, Observation
from innotwin.core.economics.rca import revealed_comparative_advantage
from innotwin.core.errors import NotFoundError
from innotwin.regions.models import Region

# Employment by harmonised industry, one measure per country: UK BRES employees (ITL2) and Korean
# establishment-census workers (sido). The page says which measure it shows.
SECTOR_INDICATORS = ("employment_bres", "workers_establishment_census")
SECTOR_CLASSIFICATION = "isic4"


@dataclass(frozen=True)
class Figure:
    """The latest value of one indicator for a region, with everything needed to cite it."""

    observation: Observation

    @property
    def indicator(self) -> Indicator:
        return self.observation.indicator

    @property
    def period(self) -> int:
        return self.observation.period

    @property
    def value(self) -> float:
        return self.observation.value

    @property
    def unit(self) -> str:
        return self.observation.unit

    @property
    def publisher(self) -> str:
        return self.observation.source.publisher

    @property
    def dataset(self) -> str:
        return self.observation.source.dataset

    @property
    def licence(self) -> str:
        return self.observation.source.licence

    @property
    def quality(self) -> str:
        return self.observation.quality


@dataclass(frozen=True)
class SectorRow:
    industry: Industry
    value: float
    share: float
    location_quotient: float


@dataclass(frozen=True)
class SectorStructure:
    """Employment shares by harmonised industry and location quotients against the national total."""

    indicator: Indicator
    period: int
    observation: Observation
    peers: int
    rows: tuple[SectorRow, ...]


@dataclass(frozen=True)
class RegionProfile:
    region: Region
    figures: tuple[Figure, ...]
    gaps: tuple[Gap, ...]
    structure: SectorStructure | None


def _latest_figures(region: Region) -> tuple[Figure, ...]:
    observations = (
        Observation.objects.filter(region=region, industry_code="")
        .select_related("indicator", "source")
        .order_by("indicator_id", "-period")
    )
    latest: dict[str, Observation] = {}
    for observation in observations:
        latest.setdefault(observation.indicator_id, observation)
    return tuple(Figure(observation) for observation in latest.values())


def _matrix(observations: QuerySet[Observation]) -> tuple[list[str], list[str], np.ndarray]:
    regions = sorted({o.region_id for o in observations})
    industries = sorted({o.industry_code for o in observations})
    row, column = {r: i for i, r in enumerate(regions)}, {c: j for j, c in enumerate(industries)}
    matrix = np.zeros((len(regions), len(industries)))
    for o in observations:
        matrix[row[o.region_id], column[o.industry_code]] = o.value
    return regions, industries, matrix


def sector_structure(region: Region) -> SectorStructure | None:
    """Shares and location quotients of ``region`` among all regions of its country and level."""
    mine = Observation.objects.filter(
        region=region, indicator_id__in=SECTOR_INDICATORS, industry_classification=SECTOR_CLASSIFICATION
    ).order_by("-period")
    first = mine.select_related("indicator", "source").first()
    if first is None:
        return None
    peers = Observation.objects.filter(
        indicator_id=first.indicator_id,
        period=first.period,
        industry_classification=SECTOR_CLASSIFICATION,
        region__country_id=region.country_id,
        region__level=region.level,
    ).only("region_id", "industry_code", "value")
    regions, industries, matrix = _matrix(peers)
    lq = revealed_comparative_advantage(matrix)
    index = regions.index(region.code)
    total = matrix[index].sum()
    names = {
        industry.code: industry
        for industry in Industry.objects.filter(classification=SECTOR_CLASSIFICATION, code__in=industries)
    }
    rows = [
        SectorRow(
            industry=names.get(code)
            or Industry(classification=SECTOR_CLASSIFICATION, code=code, name_en=code),
            value=float(matrix[index, j]),
            share=float(matrix[index, j] / total) if total else 0.0,
            location_quotient=float(lq[index, j]),
        )
        for j, code in enumerate(industries)
        if matrix[index, j] > 0
    ]
    rows.sort(key=lambda r: r.share, reverse=True)
    return SectorStructure(
        indicator=first.indicator,
        period=first.period,
        observation=first,
        peers=len(regions),
        rows=tuple(rows),
    )


def region_profile(*, code: str) -> RegionProfile:
    """Everything the atlas knows about one region, each value with its source and year."""
    region = Region.objects.select_related("country", "parent").filter(code=code).first()
    if region is None:
        raise NotFoundError(_("There is no region with the code %(code)s.") % {"code": code})
    gaps = tuple(
        Gap.objects.filter(region=region).select_related("indicator").order_by("indicator_id", "period")
    )
    return RegionProfile(
        region=region, figures=_latest_figures(region), gaps=gaps, structure=sector_structure(region)
    )
