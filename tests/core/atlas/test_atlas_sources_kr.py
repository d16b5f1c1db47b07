"""Korean loaders on the real shared data: values as published."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.industries import GVA25_CLASSIFICATION, KSIC10_CLASSIFICATION
from innotwin.core.atlas.model import Observation
from innotwin.core.atlas.registry import load_source

Finder = Callable[..., Observation]


def test_kosis_population_busan_2020_and_korea_2024(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("kosis_population", shared_dir=shared_data, geography=geography)
    assert [
        find(result, "KR-26", "population", 2020).value,
        find(result, "KR", "population", 2024).value,
    ] == [
        3391946.0,
        51217221.0,
    ]


def test_kosis_population_sejong_before_2012_is_a_gap(shared_data: Path, geography: Geography) -> None:
    result = load_source("kosis_population", shared_dir=shared_data, geography=geography)
    assert sorted(gap.period for gap in result.gaps if gap.region_code == "KR-50") == list(range(2000, 2012))


def test_kosis_labour_force_busan_2023(shared_data: Path, geography: Geography, find: Finder) -> None:
    result = load_source("kosis_labour_force", shared_dir=shared_data, geography=geography)
    assert [
        find(result, "KR-26", "employed_persons", 2023).value,
        find(result, "KR-26", "unemployment_rate", 2023).value,
        find(result, "KR", "employed_persons", 2023).value,
    ] == [1691000.0, 3.1, 28416000.0]


def test_kosis_higher_education_reads_both_files(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("kosis_higher_education", shared_dir=shared_data, geography=geography)
    assert [
        find(result, "KR-26", "universities", 2021).value,
        find(result, "KR-26", "university_students", 2021).value,
        find(result, "KR", "graduate_students", 2020).value,
    ] == [12.0, 180585.0, 320595.0]


def test_kosis_grdp_per_capita_is_loaded_in_krw(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("kosis_grdp_per_capita", shared_dir=shared_data, geography=geography)
    observation = find(result, "KR-31", "gdp_per_head", 2021)
    assert (observation.value, observation.unit) == (69392000.0, "KRW")
    assert find(result, "KR-42", "gdp_per_head", 2021).value == 33679000.0


def test_kosis_grdp_structure_busan_2019_electronics_share(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("kosis_grdp_structure", shared_dir=shared_data, geography=geography)
    observation = find(result, "KR-26", "gva_share", 2019, "S08")
    assert (observation.value, observation.unit, observation.industry_classification) == (
        2.63,
        "%",
        GVA25_CLASSIFICATION,
    )
    assert len(result.observations) == 18 * 25 * 3


def test_kosis_establishment_census_ulsan_motor_vehicles(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("kosis_establishment_census", shared_dir=shared_data, geography=geography)
    observation = find(result, "KR-31", "workers_establishment_census", 2023, "30")
    assert (observation.value, observation.industry_classification) == (53682.0, KSIC10_CLASSIFICATION)


def test_kosis_establishment_census_suppressed_cells_are_gaps(
    shared_data: Path, geography: Geography
) -> None:
    result = load_source("kosis_establishment_census", shared_dir=shared_data, geography=geography)
    assert len(result.gaps) == 17 * 74 - 1188
    assert all(gap.period == 2023 and "suppressed" in gap.reason for gap in result.gaps)


def test_kr_rnd_personnel_daejeon_2019(shared_data: Path, geography: Geography, find: Finder) -> None:
    result = load_source("kr_rnd_personnel", shared_dir=shared_data, geography=geography)
    assert find(result, "KR-30", "rd_personnel", 2019).value == 53642.0
    assert len(result.observations) == 17 * 6


def test_kr_rnd_expenditure_is_in_million_krw_and_suspect_value_is_a_gap(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("kr_rnd_expenditure", shared_dir=shared_data, geography=geography)
    busan = find(result, "KR-26", "rd_expenditure_total", 2021)
    assert (busan.value, busan.unit) == (1726700.0, "KRW million")
    assert [(gap.region_code, gap.period) for gap in result.gaps] == [("KR-11", 2019)]
    assert len(result.observations) == 8 * 5 - 1
