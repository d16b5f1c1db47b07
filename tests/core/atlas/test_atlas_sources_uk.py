"""UK loaders on the real shared data: values as published."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.industries import SIC2007_CLASSIFICATION
from innotwin.core.atlas.model import LoadResult, Observation, Quality
from innotwin.core.atlas.registry import load_source
from innotwin.core.atlas.sources.ons_gva_by_industry import ONS_GVA_INDUSTRY

Finder = Callable[..., Observation]


@pytest.fixture(scope="module")
def gdp(shared_data: Path, geography: Geography) -> LoadResult:
    return load_source("ons_gdp_population", shared_dir=shared_data, geography=geography)


def test_ons_gdp_population_belfast_2021_matches_tables_5_to_7(gdp: LoadResult, find: Finder) -> None:
    assert [find(gdp, "TLN06", code, 2021).value for code in ("gdp", "population", "gdp_per_head")] == [
        15555.0,
        345006.0,
        45085.0,
    ]


def test_ons_gdp_population_uk_1998_population_matches_workbook(gdp: LoadResult, find: Finder) -> None:
    assert find(gdp, "UK", "population", 1998).value == 58474943.0


def test_ons_gdp_population_units_and_provenance(gdp: LoadResult, find: Finder) -> None:
    observation = find(gdp, "TLD7", "gdp", 2019)
    assert (
        observation.unit,
        observation.source.publisher,
        observation.source.licence,
        observation.quality,
    ) == (
        "GBP million",
        "ONS",
        "OGL-3.0",
        Quality.OFFICIAL,
    )


def test_ons_gdp_population_skips_england_and_extra_regio(gdp: LoadResult) -> None:
    assert {o.region_code for o in gdp.observations} & {"TLB", "TLZ", "UKX"} == set()


def test_ons_gdp_population_covers_every_itl_region_and_year(gdp: LoadResult) -> None:
    assert len(gdp.observations) == (1 + 12 + 41 + 179) * 24 * 3


def test_ons_gva_by_industry_reads_thousands_separators(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("ons_gva_by_industry", shared_dir=shared_data, geography=geography)
    assert [
        find(result, "UK", "gva", 2021).value,
        find(result, "TLC1", "gva", 1998).value,
        find(result, "TLC11", "gva", 1998, "AB (1-9)").value,
    ] == [2040499.0, 12219.0, 17.0]
    assert find(result, "TLC11", "gva", 1998, "AB (1-9)").industry_classification == ONS_GVA_INDUSTRY


def test_bres_employment_maps_nuts2016_to_itl2(shared_data: Path, geography: Geography, find: Finder) -> None:
    result = load_source("bres_employment", shared_dir=shared_data, geography=geography)
    observation = find(result, "TLC1", "employment_bres", 2015, "41")
    assert (observation.value, observation.industry_classification) == (7000.0, SIC2007_CLASSIFICATION)
    assert find(result, "TLG3", "employment_bres", 2021, "29").value == 28000.0
    assert len({o.region_code for o in result.observations}) == 40


def test_ons_business_demography_reads_each_measure(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("ons_business_demography", shared_dir=shared_data, geography=geography)
    assert [
        find(result, "S12000033", "enterprises_active", 2017).value,
        find(result, "S12000033", "enterprise_births", 2017).value,
        find(result, "S12000033", "enterprises_active_10plus", 2017).value,
    ] == [9855.0, 1070.0, 1225.0]


def test_nesta_innovation_indicators_map_only_same_area_regions(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("nesta_innovation_indicators", shared_dir=shared_data, geography=geography)
    assert find(result, "TLG3", "rd_expenditure_business", 2016).value == 1135693000.0
    assert find(result, "TLM8", "rd_expenditure_business", 2014).value == 229128000.0
    assert [
        o
        for o in result.observations
        if o.region_code == "TLM8" and o.period < 2014 and o.indicator_code == "rd_expenditure_business"
    ] == []


def test_nesta_innovation_indicators_float_artefacts_survive_as_values(
    shared_data: Path, geography: Geography, find: Finder
) -> None:
    result = load_source("nesta_innovation_indicators", shared_dir=shared_data, geography=geography)
    assert round(find(result, "TLD7", "rd_expenditure_business", 2012).value) == 268097000
    assert find(result, "TLG3", "innovate_uk_funding", 2016).quality == Quality.DERIVED
