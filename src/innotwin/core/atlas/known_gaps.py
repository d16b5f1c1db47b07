"""Indicators the shared data cannot give for whole groups of regions, stated as gaps with a reason.

Each :class:`CoverageGap` says: for every bundle region of ``country`` at one of ``levels`` that has no
value at all for ``indicator_code``, record a gap with ``reason``. Gaps for single missing cells
(suppressed values, years before a region existed) come from the loaders instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from innotwin.core.atlas.model import Gap, Observation, Region, RegionLevel

__all__ = ["KNOWN_GAPS", "CoverageGap", "coverage_gaps"]


@dataclass(frozen=True, kw_only=True, slots=True)
class CoverageGap:
    """An indicator the shared data lacks for regions of some levels of one country."""

    indicator_code: str
    country: str
    levels: frozenset[RegionLevel]
    reason: str


_SIDO = frozenset({RegionLevel.KR_SIDO})
_UK_REGIONS = frozenset({RegionLevel.UK_ITL1, RegionLevel.UK_ITL2, RegionLevel.UK_ITL3})

KNOWN_GAPS: tuple[CoverageGap, ...] = (
    CoverageGap(
        indicator_code="epo_patent_applications",
        country="KR",
        levels=_SIDO,
        reason="Patent applications by Korean region (KIPO, or EPO by inventor region) are not in the "
        "shared data.",
    ),
    CoverageGap(
        indicator_code="rd_expenditure_total",
        country="KR",
        levels=_SIDO,
        reason="The shared data has total R&D expenditure for 8 metropolitan units only; the R&D survey "
        "publishes all 17 sido (KOSIS orgId 127) but no copy is stored.",
    ),
    CoverageGap(
        indicator_code="gdp",
        country="KR",
        levels=_SIDO,
        reason="GRDP levels by sido are not in the shared data (only GRDP per capita and sector shares); "
        "see oecd_gdp_usd_ppp.",
    ),
    CoverageGap(
        indicator_code="gva",
        country="KR",
        levels=_SIDO,
        reason="GVA levels by sido and sector are not in the shared data; gva_share gives the structure.",
    ),
    CoverageGap(
        indicator_code="oecd_gdp_per_head_usd_ppp",
        country="KR",
        levels=_SIDO,
        reason="No OECD RO2023 unit has exactly this area: Seoul, Incheon and Gyeonggi form one capital "
        "metro (OECD-KR01MC) and Sejong is inside OECD-KR053 with Chungcheongnam-do.",
    ),
    CoverageGap(
        indicator_code="enterprises_active",
        country="KR",
        levels=frozenset({RegionLevel.COUNTRY, RegionLevel.KR_SIDO}),
        reason="Korean enterprise or establishment counts by sido are not in the shared data; "
        "listed_companies counts KRX listings only.",
    ),
    CoverageGap(
        indicator_code="employment_bres",
        country="GB",
        levels=frozenset({*_UK_REGIONS, RegionLevel.UK_LAD, RegionLevel.UK_COMBINED_AUTHORITY}),
        reason="BRES by industry is in the shared data for Great Britain's ITL2 regions only; Northern "
        "Ireland's is published by NISRA, finer areas by NOMIS, neither stored.",
    ),
    CoverageGap(
        indicator_code="rd_personnel",
        country="GB",
        levels=_UK_REGIONS,
        reason="UK R&D personnel of all sectors by region is not in the shared data; "
        "rd_personnel_business gives the business sector (Eurostat).",
    ),
    CoverageGap(
        indicator_code="listed_companies",
        country="GB",
        levels=frozenset({RegionLevel.COUNTRY, *_UK_REGIONS}),
        reason="UK listed companies by region are not in the shared data.",
    ),
    CoverageGap(
        indicator_code="universities",
        country="GB",
        levels=frozenset({RegionLevel.COUNTRY, *_UK_REGIONS}),
        reason="Official UK university counts by region are not in the shared data; see "
        "postgraduate_research_students and university_research_income (HESA).",
    ),
)
"""The coverage gaps of the shared data (collected 2026)."""


def coverage_gaps(
    *,
    regions: Iterable[Region],
    observations: Iterable[Observation],
    known: Iterable[CoverageGap] = KNOWN_GAPS,
) -> list[Gap]:
    """A gap for every region that a :class:`CoverageGap` covers and that has no value for its indicator."""
    has = {(o.region_code, o.indicator_code) for o in observations}
    region_list = list(regions)
    gaps = []
    for gap in known:
        for region in region_list:
            if (
                region.country == gap.country
                and region.level in gap.levels
                and (region.code, gap.indicator_code) not in has
            ):
                gaps.append(
                    Gap(
                        region_code=region.code,
                        indicator_code=gap.indicator_code,
                        period=None,
                        reason=gap.reason,
                    )
                )
    return gaps
