"""Building the atlas bundle from the shared data folder.

:func:`build_atlas` loads every source in :data:`~innotwin.core.atlas.registry.SOURCES`, harmonises
industry detail (GVA to the 25 sectors, employment to ISIC groups), sums districts to combined
authorities, keeps the regions and years of a :class:`~innotwin.core.atlas.selection.BundleSelection`,
and lists the gaps. The result is sorted, so the same input always gives the same bundle.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from innotwin.core.atlas.catalogue import INDICATORS
from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.harmonise import by_isic_group, gva_by_sector, sum_to_combined_authorities
from innotwin.core.atlas.industries import (
    KSIC10_CLASSIFICATION,
    SIC2007_CLASSIFICATION,
    BridgeLink,
    GvaSector,
    IndustryGroup,
    gva_sectors,
    harmonised_group_of_isic4,
    harmonised_group_of_ksic,
    harmonised_groups,
    ksic10_bridge,
)
from innotwin.core.atlas.known_gaps import coverage_gaps
from innotwin.core.atlas.model import Gap, Indicator, Observation, Region, RegionLevel, Source
from innotwin.core.atlas.registry import SOURCES, load_geography, load_isic_labels, load_source
from innotwin.core.atlas.selection import DEFAULT_SELECTION, BundleSelection
from innotwin.core.atlas.sources.ons_gva_by_industry import ONS_GVA_INDUSTRY
from innotwin.core.errors import DataError, Problem

__all__ = ["AtlasBundle", "build_atlas", "select_regions"]


@dataclass(frozen=True, kw_only=True)
class AtlasBundle:
    """A self-contained atlas: regions, indicator catalogue, observations, gaps, sources, industries."""

    regions: tuple[Region, ...]
    indicators: tuple[Indicator, ...]
    observations: tuple[Observation, ...]
    gaps: tuple[Gap, ...]
    sources: tuple[Source, ...]
    industry_groups: tuple[IndustryGroup, ...]
    gva_sectors: tuple[GvaSector, ...]
    bridge: tuple[BridgeLink, ...]


def select_regions(
    geography: Geography, *, oecd_regions: Iterable[Region], selection: BundleSelection
) -> dict[str, Region]:
    """The regions a bundle has values for: the levels and countries, focus units and OECD units."""
    chosen = {
        code: region
        for code, region in geography.regions.items()
        if region.country in selection.countries and region.level in selection.levels
    }
    for place in selection.focus:
        for code in place.region_codes:
            chosen[code] = geography.region(code)
            for district, authority in geography.lad_to_combined_authority.items():
                if authority == code:
                    chosen[district] = geography.region(district)
    for region in oecd_regions:
        if region.country in selection.countries and region.level in selection.oecd_levels:
            chosen[region.code] = region
    return dict(sorted(chosen.items()))


def build_atlas(shared_dir: Path, *, selection: BundleSelection = DEFAULT_SELECTION) -> AtlasBundle:
    """Load every source from ``shared_dir`` and assemble the bundle; one DataError lists all problems."""
    geography = load_geography(shared_dir=shared_dir)
    labels = load_isic_labels(shared_dir=shared_dir)
    problems: list[Problem] = []
    observations: list[Observation] = []
    new_regions: dict[str, Region] = {}
    loader_gaps: list[Gap] = []
    for name in SOURCES:
        try:
            result = load_source(name, shared_dir=shared_dir, geography=geography)
        except DataError as error:
            problems.extend(error.problems)
            continue
        observations.extend(result.observations)
        loader_gaps.extend(result.gaps)
        new_regions.update((region.code, region) for region in result.regions)
    if problems:
        raise DataError(problems)
    regions = select_regions(geography, oecd_regions=new_regions.values(), selection=selection)
    harmonised, harmonising_gaps = _harmonise(observations, selection=selection)
    members = {
        code: [
            district
            for district, authority in geography.lad_to_combined_authority.items()
            if authority == code
        ]
        for code, region in regions.items()
        if region.level is RegionLevel.UK_COMBINED_AUTHORITY
    }
    district_counts = [o for o in observations if o.region_code in geography.lad_to_combined_authority]
    harmonised.extend(sum_to_combined_authorities(district_counts, members=members))
    kept = _deduplicated(
        [o for o in harmonised if o.region_code in regions and _in_years(o.period, selection)]
    )
    gaps = [
        gap
        for gap in (*loader_gaps, *harmonising_gaps)
        if gap.region_code in regions and (gap.period is None or _in_years(gap.period, selection))
    ]
    gaps.extend(coverage_gaps(regions=regions.values(), observations=kept))
    sources = {o.source.key: o.source for o in kept}
    return AtlasBundle(
        regions=tuple(_with_geography_regions(geography, regions, selection).values()),
        indicators=tuple(INDICATORS[code] for code in sorted(INDICATORS)),
        observations=tuple(sorted(kept, key=lambda o: o.key)),
        gaps=tuple(sorted(set(gaps), key=_gap_order)),
        sources=tuple(sources[key] for key in sorted(sources)),
        industry_groups=harmonised_groups(labels=labels),
        gva_sectors=gva_sectors(),
        bridge=ksic10_bridge(),
    )


def _harmonise(
    observations: list[Observation], *, selection: BundleSelection
) -> tuple[list[Observation], list[Gap]]:
    """Replace values by national industry codes with harmonised ones; keep all other values."""
    ons_gva = [
        o
        for o in observations
        if o.industry_classification == ONS_GVA_INDUSTRY and o.period in selection.gva_sector_years
    ]
    sic = [
        o
        for o in observations
        if o.industry_classification == SIC2007_CLASSIFICATION and o.period in selection.employment_years
    ]
    ksic = [o for o in observations if o.industry_classification == KSIC10_CLASSIFICATION]
    native = {ONS_GVA_INDUSTRY, SIC2007_CLASSIFICATION, KSIC10_CLASSIFICATION}
    result = [o for o in observations if o.industry_classification not in native]
    result.extend(gva_by_sector(ons_gva))
    uk, uk_gaps = by_isic_group(
        sic, group_of=harmonised_group_of_isic4, label="SIC 2007 divisions", official_when_same_code=True
    )
    kr, kr_gaps = by_isic_group(
        ksic, group_of=harmonised_group_of_ksic, label="KSIC10 divisions", official_when_same_code=False
    )
    return [*result, *uk, *kr], [*uk_gaps, *kr_gaps]


def _in_years(period: int, selection: BundleSelection) -> bool:
    return period >= selection.first_year


def _deduplicated(observations: list[Observation]) -> list[Observation]:
    """The observations, checked to be unique by key: two sources giving one cell is a build error."""
    seen: dict[tuple[str, str, int, str, str], Observation] = {}
    problems = []
    for observation in observations:
        first = seen.setdefault(observation.key, observation)
        if first is not observation:
            problems.append(
                Problem(
                    f"Two values for {observation.key}: from {first.source.key} and "
                    f"{observation.source.key}. Give one of them another indicator code."
                )
            )
    if problems:
        raise DataError(problems)
    return list(seen.values())


def _with_geography_regions(
    geography: Geography, regions: dict[str, Region], selection: BundleSelection
) -> dict[str, Region]:
    """The bundle's regions plus every national region of its countries, so codes can be looked up."""
    everything = dict(regions)
    for code, region in geography.regions.items():
        if region.country in selection.countries:
            everything.setdefault(code, region)
    return dict(sorted(everything.items()))


def _gap_order(gap: Gap) -> tuple[str, str, int, str]:
    return (gap.region_code, gap.indicator_code, -1 if gap.period is None else gap.period, gap.reason)
