"""Turning values by national industry codes into comparable ones, and summing districts to authorities.

* :func:`gva_by_sector` sums ONS GVA by industry to the 25 KOSIS regional-accounts sectors (merging
  sectors where the ONS detail at a level is coarser, as ``S06+S07`` at ITL3).
* :func:`by_isic_group` sums values by UK SIC 2007 or KSIC division to harmonised ISIC Rev.4 groups.
* :func:`sum_to_combined_authorities` adds district counts up to their combined authority.

A sum is only given when every part is present; otherwise a gap says which part is missing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from innotwin.core.atlas.industries import (
    GVA25_CLASSIFICATION,
    ISIC4_CLASSIFICATION,
    gva_sectors,
    merge_into_targets,
    ons_gva_industry_divisions,
)
from innotwin.core.atlas.model import Gap, Observation, Quality

__all__ = ["by_isic_group", "gva_by_sector", "sum_to_combined_authorities"]

_Key = tuple[str, str, int]


def _sum(values: Iterable[float]) -> float:
    return round(sum(values), 6)


def gva_by_sector(observations: Iterable[Observation]) -> list[Observation]:
    """ONS GVA by industry (classification ``ons-gva-industry``) summed to the 25 GVA sectors."""
    targets = {sector.code: sector.isic_divisions for sector in gva_sectors()}
    by_cell: dict[_Key, dict[str, Observation]] = defaultdict(dict)
    for observation in observations:
        divisions = ons_gva_industry_divisions(observation.industry_code)
        if divisions is not None:
            key = (observation.region_code, observation.indicator_code, observation.period)
            by_cell[key][observation.industry_code] = observation
    plans: dict[frozenset[str], tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {}
    result = []
    for (region, indicator, period), cell in sorted(by_cell.items()):
        codes = frozenset(cell)
        if codes not in plans:
            available = {code: divisions for code in codes if (divisions := ons_gva_industry_divisions(code))}
            plans[codes] = merge_into_targets(targets=targets, available=available)
        for sector_codes, industry_codes in plans[codes]:
            parts = [cell[code] for code in industry_codes]
            single = len(parts) == 1 and len(sector_codes) == 1
            result.append(
                Observation(
                    region_code=region,
                    indicator_code=indicator,
                    period=period,
                    value=_sum(part.value for part in parts),
                    unit=parts[0].unit,
                    source=parts[0].source,
                    quality=parts[0].quality if single else Quality.DERIVED,
                    note=_join_notes(
                        ("ONS " if single else "sum of ONS ") + "; ".join(industry_codes), parts[0].note
                    ),
                    industry_classification=GVA25_CLASSIFICATION,
                    industry_code="+".join(sector_codes),
                )
            )
    return result


def by_isic_group(
    observations: Iterable[Observation],
    *,
    group_of: Callable[[str], str],
    label: str,
    official_when_same_code: bool,
) -> tuple[list[Observation], list[Gap]]:
    """Sum values by division (of classification ``label``) to harmonised ISIC Rev.4 groups.

    A group's value needs every division that maps to it and appears anywhere for that indicator and
    year; a region missing one gets a gap instead. A value keeps its quality when the group is one
    division with the same code and ``official_when_same_code`` is set (UK SIC 2007 = ISIC); otherwise it
    is derived.
    """
    cells: dict[_Key, dict[str, Observation]] = defaultdict(dict)
    members: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    for observation in observations:
        group = group_of(observation.industry_code)
        cells[(observation.region_code, observation.indicator_code, observation.period)][
            observation.industry_code
        ] = observation
        members[(observation.indicator_code, observation.period, group)].add(observation.industry_code)
    result: list[Observation] = []
    gaps: list[Gap] = []
    for (region, indicator, period), cell in sorted(cells.items()):
        groups = sorted({group_of(code) for code in cell})
        for group in groups:
            expected = sorted(members[(indicator, period, group)])
            missing = [code for code in expected if code not in cell]
            first = cell[next(code for code in expected if code in cell)]
            if missing:
                gaps.append(
                    Gap(
                        region_code=region,
                        indicator_code=indicator,
                        period=period,
                        reason=f"ISIC group {group}: {label} {', '.join(missing)} missing, so no sum",
                        source_key=first.source.key,
                    )
                )
                continue
            parts = [cell[code] for code in expected]
            same_code = len(parts) == 1 and expected[0] == group
            same = same_code and official_when_same_code
            note = "" if same_code else f"{label} {'+'.join(expected)}"
            result.append(
                Observation(
                    region_code=region,
                    indicator_code=indicator,
                    period=period,
                    value=_sum(part.value for part in parts),
                    unit=first.unit,
                    source=first.source,
                    quality=first.quality if same else Quality.DERIVED,
                    note=_join_notes(note, first.note),
                    industry_classification=ISIC4_CLASSIFICATION,
                    industry_code=group,
                )
            )
    return result, gaps


def sum_to_combined_authorities(
    observations: Sequence[Observation],
    *,
    members: Mapping[str, Sequence[str]],
) -> list[Observation]:
    """For each authority in ``members`` (authority → districts), the sum of its districts' values.

    Only indicator-years for which every district has a value are summed.
    """
    values: dict[tuple[str, int, str], Observation] = {
        (o.indicator_code, o.period, o.region_code): o for o in observations if not o.industry_code
    }
    cells = sorted({(indicator, period) for indicator, period, _ in values})
    result = []
    for authority, districts in sorted(members.items()):
        for indicator, period in cells:
            parts = [values.get((indicator, period, district)) for district in districts]
            present = [part for part in parts if part is not None]
            if not districts or len(present) != len(districts):
                continue
            result.append(
                Observation(
                    region_code=authority,
                    indicator_code=indicator,
                    period=period,
                    value=_sum(part.value for part in present),
                    unit=present[0].unit,
                    source=present[0].source,
                    quality=Quality.DERIVED,
                    note=f"sum of {len(districts)} districts",
                )
            )
    return result


def _join_notes(*notes: str) -> str:
    return "; ".join(note for note in notes if note)
