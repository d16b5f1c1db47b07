"""OECD, KRX and geography loaders on the real shared data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Observation, RegionLevel
from innotwin.core.atlas.registry import GEOGRAPHY_FILES, load_isic_labels, load_source
from innotwin.core.atlas.sources import geonames_cities, kostat_admin_codes

Finder = Callable[..., Observation]


@pytest.fixture(scope="module")
def oecd_metro(shared_data: Path, geography: Geography) -> LoadResult:
    return load_source("oecd_regional_metro", shared_dir=shared_data, geography=geography)


def test_oecd_tl2_maps_uk_tl2_to_itl1_and_keeps_korean_macro_regions(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("oecd_regional_tl2", shared_dir=shared_data, geography=geography)
    assert [
        find(result, "TLC", "oecd_population", 2020).value,
        find(result, "OECD-KR01", "oecd_gdp_usd_ppp", 2020).value,
        find(result, "OECD-KR01", "oecd_population", 2020).value,
    ] == [2681000.0, 1127010.0, 25957946.0]
    assert {r.code for r in result.regions if r.country == "KR"} == {f"OECD-KR0{n}" for n in range(1, 8)}


def test_oecd_metro_maps_tl3_to_sido_and_keeps_metros(oecd_metro: LoadResult, find: Finder) -> None:
    assert [
        find(oecd_metro, "KR-26", "oecd_population", 2020).value,
        find(oecd_metro, "OECD-UK004M", "oecd_population", 2020).value,
        find(oecd_metro, "OECD-KR01MC", "oecd_population", 2020).value,
    ] == [3343528.0, 1847500.0, 25957946.0]


def test_oecd_metro_uk_tl3_codes_all_match_itl3(oecd_metro: LoadResult) -> None:
    assert [r.code for r in oecd_metro.regions if r.country == "GB" and r.level is RegionLevel.OECD_TL3] == []


def test_oecd_metro_korean_units_without_a_national_equal(oecd_metro: LoadResult) -> None:
    assert sorted(r.code for r in oecd_metro.regions if r.country == "KR") == ["OECD-KR01MC", "OECD-KR053"]


def test_krx_listed_companies_counts_by_head_office_sido(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("krx_listed_companies", shared_dir=shared_data, geography=geography)
    assert [
        find(result, "KR-11", "listed_companies", 2026).value,
        find(result, "KR-31", "listed_companies", 2026).value,
        find(result, "KR-50", "listed_companies", 2026).value,
        find(result, "KR", "listed_companies", 2026).value,
    ] == [1088.0, 29.0, 16.0, 2765.0 - 21]
    assert [gap.region_code for gap in result.gaps] == ["KR"]


def test_geography_levels_count_regions(geography: Geography) -> None:
    counts = {level: len(geography.at_level(level)) for level in RegionLevel}
    assert [
        counts[RegionLevel.UK_ITL1],
        counts[RegionLevel.UK_ITL2],
        counts[RegionLevel.UK_ITL3],
        counts[RegionLevel.UK_LAD],
        counts[RegionLevel.UK_COMBINED_AUTHORITY],
        counts[RegionLevel.KR_SIDO],
        counts[RegionLevel.KR_SIGUNGU],
    ] == [12, 41, 179, 374, 11, 17, 260]


def test_geography_lad_centroid_and_combined_authority(geography: Geography) -> None:
    belfast = geography.region("N09000003")
    liverpool = geography.region("E08000012")
    assert (belfast.lat, belfast.lon, belfast.name_ko) == (54.59853, -5.92535, "벨파스트")
    assert liverpool.parent_code == "E47000004"
    assert sorted(d for d, a in geography.lad_to_combined_authority.items() if a == "E47000004") == [
        "E06000006",
        "E08000011",
        "E08000012",
        "E08000013",
        "E08000014",
        "E08000015",
    ]


def test_geography_combined_authority_centroid_is_mean_of_districts(geography: Geography) -> None:
    members = [
        geography.region(d) for d, a in geography.lad_to_combined_authority.items() if a == "E47000007"
    ]
    authority = geography.region("E47000007")
    assert authority.lat == round(sum(m.lat or 0 for m in members) / len(members), 5)


def test_geography_itl_parents_and_oecd_codes(geography: Geography) -> None:
    region = geography.region("TLD72")
    assert (region.parent_code, region.oecd_tl2, region.oecd_tl3, region.name_ko) == (
        "TLD7",
        "UKD",
        "UKD72",
        "리버풀",
    )
    assert geography.region("TLD").parent_code == "UK"


def test_geography_itl3_with_a_same_named_district_takes_its_centroid(geography: Geography) -> None:
    assert (geography.region("TLM82").lat, geography.region("TLM82").lon) == (55.87649, -4.21479)


def test_geography_sido_centroid_is_its_largest_geonames_city(geography: Geography) -> None:
    busan = geography.region("KR-26")
    assert (busan.lat, busan.lon, busan.name_ko, busan.oecd_tl3) == (
        35.10168,
        129.03004,
        "부산광역시",
        "KR021",
    )


def test_kostat_admin_codes_sigungu_parents(shared_data: Path) -> None:
    regions = {
        r.code: r
        for r in kostat_admin_codes.read_regions(path=shared_data / GEOGRAPHY_FILES["kostat_admin_codes"])
    }
    assert (regions["KR-21010"].name_ko, regions["KR-21010"].parent_code) == ("중구", "KR-26")
    assert (regions["KR-31011"].name_en, regions["KR-31011"].parent_code) == ("Jangan-gu", "KR-31010")


def test_geonames_cities_hangul_names(shared_data: Path, geography: Geography) -> None:
    cities = geonames_cities.read_cities(path=shared_data / GEOGRAPHY_FILES["geonames_cities"])
    assert len(cities) == 2064
    city = geography.find_city("글래스고", country="GB")
    assert city is not None
    assert (city.name, city.population) == ("Glasgow", 626410)


def test_isic_labels_have_88_divisions_and_21_sections(shared_data: Path) -> None:
    labels = load_isic_labels(shared_dir=shared_data)
    assert (len(labels.divisions), len(labels.sections), labels.section_of["62"]) == (88, 21, "J")
