"""Harmonisation sums, checked on hand-computed examples."""

from __future__ import annotations

from innotwin.core.atlas.harmonise import by_isic_group, gva_by_sector, sum_to_combined_authorities
from innotwin.core.atlas.industries import harmonised_group_of_isic4, harmonised_group_of_ksic
from innotwin.core.atlas.model import Observation, Quality, Source

SOURCE = Source(key="s", publisher="P", dataset="D", url="u", licence="L")


def _obs(
    region: str, code: str, value: float, *, period: int = 2021, classification: str = "x"
) -> Observation:
    return Observation(
        region_code=region,
        indicator_code="jobs",
        period=period,
        value=value,
        unit="persons",
        source=SOURCE,
        quality=Quality.OFFICIAL,
        industry_classification=classification,
        industry_code=code,
    )


def test_by_isic_group_sums_uk_divisions_and_keeps_single_ones_official() -> None:
    observations = [_obs("A", "41", 7000), _obs("A", "42", 4000), _obs("A", "43", 14000)]
    values, gaps = by_isic_group(
        observations,
        group_of=harmonised_group_of_isic4,
        label="SIC 2007 divisions",
        official_when_same_code=True,
    )
    assert [(o.industry_code, o.value, o.quality, o.note) for o in values] == [
        ("41+42", 11000.0, Quality.DERIVED, "SIC 2007 divisions 41+42"),
        ("43", 14000.0, Quality.OFFICIAL, ""),
    ]
    assert gaps == []


def test_by_isic_group_ksic_n_to_one_sums_and_missing_part_is_a_gap() -> None:
    observations = [
        _obs("ULSAN", "26", 570),
        _obs("ULSAN", "27", 1765),
        _obs("SEJONG", "27", 1058),
        _obs("B", "26", 1),
    ]
    values, gaps = by_isic_group(
        observations,
        group_of=harmonised_group_of_ksic,
        label="KSIC10 divisions",
        official_when_same_code=False,
    )
    assert [(o.region_code, o.industry_code, o.value, o.quality) for o in values] == [
        ("ULSAN", "26", 2335.0, Quality.DERIVED)
    ]
    assert [(g.region_code, g.reason) for g in gaps] == [
        ("B", "ISIC group 26: KSIC10 divisions 27 missing, so no sum"),
        ("SEJONG", "ISIC group 26: KSIC10 divisions 26 missing, so no sum"),
    ]


def test_gva_by_sector_merges_sectors_a_coarse_code_spans() -> None:
    observations = [
        _obs("R", "AB (1-9)", 7, classification="ons-gva-industry"),
        _obs("R", "CA (10-12)", 439, classification="ons-gva-industry"),
        _obs("R", "Total", 1000, classification=""),
    ]
    assert [(o.industry_code, o.value, o.quality, o.note) for o in gva_by_sector(observations)] == [
        ("S01+S02", 7.0, Quality.DERIVED, "sum of ONS AB (1-9)"),
        ("S03", 439.0, Quality.OFFICIAL, "ONS CA (10-12)"),
    ]


def test_sum_to_combined_authorities_needs_every_district() -> None:
    observations = [_obs("D1", "", 10), _obs("D2", "", 5), _obs("D1", "", 1, period=2020)]
    values = sum_to_combined_authorities(observations, members={"CA": ["D1", "D2"]})
    assert [(o.region_code, o.period, o.value, o.quality, o.note) for o in values] == [
        ("CA", 2021, 15.0, Quality.DERIVED, "sum of 2 districts")
    ]
