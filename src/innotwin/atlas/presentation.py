"""Turns atlas data into what pages show: headline order, numbered source notes, chart bars, map points."""

from __future__ import annotations

from typing import Any

from django.db.models import Avg
from django.urls import reverse

from innotwin.atlas.domain.region_profile import Figure, SectorRow, SectorStructure
from innotwin.atlas.models import Observation
from innotwin.bilingual import pick
from innotwin.regions.models import Region

# The figures a region page leads with, in this order, when the atlas has them.
HEADLINE_INDICATORS = (
    "population",
    "gdp",
    "gdp_per_head",
    "oecd_gdp_per_head_usd_ppp",
    "employed_persons",
    "rd_personnel",
    "rd_expenditure_total",
    "epo_patent_applications",
    "universities",
    "university_students",
    "listed_companies",
    "enterprises_active",
)

CHART_BARS = 15
CHART_ROW_HEIGHT = 28
CHART_BAR_MAX = 340  # px of the 900-px-wide chart; labels take the left, values the right
MAP_LEVELS = ("kr-sido", "uk-combined-authority", "uk-itl2")


def footnoted(
    figures: list[Figure], structure: SectorStructure | None
) -> tuple[list[dict[str, Any]], dict[int, int]]:
    """Number each distinct source once; return the notes and the note number of every observation."""
    observations: list[Observation] = [figure.observation for figure in figures]
    if structure is not None:
        observations.append(structure.observation)
    notes: list[dict[str, Any]] = []
    by_source: dict[tuple[str, int], int] = {}
    numbered: dict[int, int] = {}
    for observation in observations:
        key = (observation.source_id, observation.period)
        if key not in by_source:
            by_source[key] = len(notes) + 1
            notes.append(
                {"number": by_source[key], "source": observation.source, "period": observation.period}
            )
        numbered[observation.pk] = by_source[key]
    return notes, numbered


def chart_bars(structure: SectorStructure) -> list[dict[str, Any]]:
    """Bars of the largest industries: share of employment (width) and location quotient (label)."""
    rows = structure.rows[:CHART_BARS]
    widest = max((row.share for row in rows), default=0.0) or 1.0
    return [
        {
            "row": row,
            "name": pick(en=row.industry.name_en, ko=row.industry.name_ko),
            "width": round(CHART_BAR_MAX * row.share / widest, 1),
            "y": index * CHART_ROW_HEIGHT,
            "specialised": row.location_quotient >= 1,
        }
        for index, row in enumerate(rows)
    ]


def specialisations(structure: SectorStructure | None, *, top: int = 8) -> list[SectorRow]:
    """The industries a region is most specialised in (location quotient ≥ 1), strongest first."""
    if structure is None:
        return []
    return sorted(
        (r for r in structure.rows if r.location_quotient >= 1), key=lambda r: -r.location_quotient
    )[:top]


def map_points() -> list[dict[str, Any]]:
    """Regions to draw on the offline maps, with a centroid; an ITL2 region without one gets the mean of
    its ITL3 regions' centroids."""
    regions = Region.objects.filter(level__in=MAP_LEVELS).only(
        "code", "name_en", "name_ko", "country_id", "level", "latitude", "longitude"
    )
    child_means = {
        row["parent_id"]: (row["lat"], row["lon"])
        for row in Region.objects.filter(level="uk-itl3", latitude__isnull=False)
        .values("parent_id")
        .annotate(lat=Avg("latitude"), lon=Avg("longitude"))
    }
    points = []
    for region in regions:
        lat, lon = region.latitude, region.longitude
        if lat is None and region.code in child_means:
            lat, lon = child_means[region.code]
        if lat is None or lon is None:
            continue
        points.append(
            {
                "code": region.code,
                "name": region.name,
                "country": region.country_id,
                "level": region.level,
                "lat": round(lat, 4),
                "lon": round(lon, 4),
                "url": reverse("atlas:region", kwargs={"code": region.code}),
            }
        )
    return points
