"""Atlas pages: the map and list of regions, a region's profile, and two regions side by side."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from innotwin.atlas.domain.region_profile import region_profile
from innotwin.atlas.presentation import (
    CHART_ROW_HEIGHT,
    HEADLINE_INDICATORS,
    chart_bars,
    footnoted,
    map_points,
    specialisations,
)
from innotwin.regions.enums import RegionLevel
from innotwin.regions.models import Region

LIST_LEVELS = (
    RegionLevel.UK_ITL1,
    RegionLevel.UK_ITL2,
    RegionLevel.UK_ITL3,
    RegionLevel.UK_COMBINED_AUTHORITY,
    RegionLevel.UK_LAD,
    RegionLevel.KR_SIDO,
    RegionLevel.KR_SIGUNGU,
)


def region_list(request: HttpRequest) -> HttpResponse:
    """Every region on two offline maps (one per country) and in a filterable, paginated table: by
    country, then level from the largest regions to the smallest, then name in the reader's language."""
    country = request.GET.get("country", "")
    level = request.GET.get("level", "")
    hierarchy = Case(
        *(When(level=lvl.value, then=Value(rank)) for rank, lvl in enumerate(LIST_LEVELS)),
        output_field=IntegerField(),
    )
    name = "name_ko" if translation.get_language() == "ko" else "name_en"
    regions = (
        Region.objects.select_related("country", "parent")
        .annotate(hierarchy=hierarchy)
        .order_by("country_id", "hierarchy", name, "code")
    )
    if country in {"GB", "KR"}:
        regions = regions.filter(country_id=country)
    if level in {lvl.value for lvl in LIST_LEVELS}:
        regions = regions.filter(level=level)
    else:
        regions = regions.filter(level__in=[lvl.value for lvl in LIST_LEVELS])
    page = Paginator(regions, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "atlas/region_list.html",
        {
            "page": page,
            "levels": [(lvl.value, lvl.label) for lvl in LIST_LEVELS],
            "country": country,
            "level": level,
            "map_points": map_points(),
        },
    )


def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    """One region: headline figures and every indicator with source and year, gaps, sector structure."""
    profile = region_profile(code=code)
    figures = {figure.indicator.code: figure for figure in profile.figures}
    headline = [figures[code] for code in HEADLINE_INDICATORS if code in figures]
    others = [figure for figure in profile.figures if figure.indicator.code not in HEADLINE_INDICATORS]
    notes, numbered = footnoted([*headline, *others], profile.structure)
    bars = chart_bars(profile.structure) if profile.structure else []
    twins = Region.objects.filter(country__in=["GB", "KR"]).exclude(country=profile.region.country)
    return render(
        request,
        "atlas/region_detail.html",
        {
            "profile": profile,
            "region": profile.region,
            "headline": [(figure, numbered[figure.observation.pk]) for figure in headline],
            "others": [(figure, numbered[figure.observation.pk]) for figure in others],
            "footnotes": notes,
            "bars": bars,
            "chart_height": len(bars) * CHART_ROW_HEIGHT + 4,
            "structure_note": numbered.get(profile.structure.observation.pk) if profile.structure else None,
            "compare_choices": twins.filter(
                level__in=["kr-sido", "uk-itl2", "uk-combined-authority", "uk-lad"]
            )
            .order_by("name_en")
            .only("code", "name_en", "name_ko"),
        },
    )


def region_compare(request: HttpRequest) -> HttpResponse:
    """Two regions side by side; each value keeps its own source, year and measure."""
    left = region_profile(code=request.GET.get("a", ""))
    right = region_profile(code=request.GET.get("b", ""))
    left_figures = {f.indicator.code: f for f in left.figures}
    right_figures = {f.indicator.code: f for f in right.figures}
    codes = [c for c in HEADLINE_INDICATORS if c in left_figures or c in right_figures]
    codes += sorted((set(left_figures) | set(right_figures)) - set(codes))
    rows = [
        (left_figures.get(c) or right_figures[c], left_figures.get(c), right_figures.get(c)) for c in codes
    ]
    return render(
        request,
        "atlas/region_compare.html",
        {
            "left": left,
            "right": right,
            "rows": [(row[0].indicator, row[1], row[2]) for row in rows],
            "pairs_of_tops": [
                (left, specialisations(left.structure)),
                (right, specialisations(right.structure)),
            ],
        },
    )
