"""Loaders on damaged copies of real files (written to tmp_path): every problem located, nothing returned."""

from __future__ import annotations

from pathlib import Path

import pytest

from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.registry import SOURCES
from innotwin.core.atlas.sources import (
    bres_employment,
    kosis_grdp_structure,
    kosis_population,
    kr_rnd_expenditure,
    krx_listed_companies,
    nesta_innovation_indicators,
    ons_gdp_population,
)
from innotwin.core.errors import DataError

GDP_HEADER = (
    "itl_level,itl_code,region_name,year,gdp_current_prices_gbp_million,population,gdp_per_head_gbp\n"
)


def _real(shared_data: Path, source: str, index: int = 0) -> Path:
    return shared_data / SOURCES[source].paths[index]


def _locations(error: DataError) -> list[tuple[str | None, int | None, str | None]]:
    return [(problem.file, problem.line, problem.field) for problem in error.problems]


def test_ons_gdp_population_every_bad_cell_is_reported(tmp_path: Path, geography: Geography) -> None:
    path = tmp_path / "gdp.csv"
    path.write_text(
        GDP_HEADER
        + "ITL3,TLN06,Belfast,2021,15555,345006,45085\n"
        + "ITL3,TLN06,Belfast,2020,n/a,340000,40000\n"
        + "ITL3,TLX99,Nowhere,2021,1,2,3\n"
        + "ITL3,TLN06,Belfast,2021,15555,345006,45085\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        ons_gdp_population.load(path=path, geography=geography)
    assert _locations(caught.value) == [
        (str(path), 3, "gdp_current_prices_gbp_million"),
        (str(path), 4, "itl_code"),
        (str(path), 5, "itl_code"),
    ]
    assert "Duplicate row" in caught.value.problems[2].message
    assert "line 2" in caught.value.problems[2].message


def test_ons_gdp_population_renamed_column_is_reported(tmp_path: Path, geography: Geography) -> None:
    path = tmp_path / "gdp.csv"
    path.write_text(
        GDP_HEADER.replace("population,", "pop,") + "UK,UK,United Kingdom,2021,1,2,3\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        ons_gdp_population.load(path=path, geography=geography)
    assert _locations(caught.value) == [(str(path), 1, "population")]


def test_bres_employment_unknown_region_code_is_reported(tmp_path: Path, geography: Geography) -> None:
    path = tmp_path / "bres.csv"
    path.write_text(
        "DATE,GEOGRAPHY_NAME,GEOGRAPHY_CODE,INDUSTRY_NAME,INDUSTRY_CODE,COUNT\n"
        "2021.0,Merseyside,UKD7,01 : Crop,01,1000.0\n"
        "2021.0,Atlantis,UKQ9,01 : Crop,01,1000.0\n"
        "2021.0,Merseyside,UKD7,Farming,1,10\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        bres_employment.load(path=path, geography=geography)
    assert _locations(caught.value) == [(str(path), 3, "GEOGRAPHY_CODE"), (str(path), 4, "INDUSTRY_CODE")]


def test_bres_employment_truncated_real_file_reports_the_last_row(
    tmp_path: Path, shared_data: Path, geography: Geography
) -> None:
    data = _real(shared_data, "bres_employment").read_bytes()
    cut = data[: data.index(b"\n", 5000) + 1] + b"2015.0,Tees Valley and Durham,UKC1"
    path = tmp_path / "bres.csv"
    path.write_bytes(cut)
    with pytest.raises(DataError) as caught:
        bres_employment.load(path=path, geography=geography)
    assert _locations(caught.value) == [(str(path), cut.count(b"\n") + 1, None)]
    assert "truncated" in caught.value.problems[0].message


def test_kosis_population_cp949_copy_loads_like_the_utf8_file(
    tmp_path: Path, shared_data: Path, geography: Geography
) -> None:
    original = _real(shared_data, "kosis_population")
    path = tmp_path / "population_cp949.csv"
    path.write_bytes(original.read_text(encoding="utf-8").encode("cp949"))
    converted = kosis_population.load(path=path, geography=geography)
    assert converted.observations == kosis_population.load(path=original, geography=geography).observations


def test_kosis_population_cut_inside_a_hangul_character_is_truncated(
    tmp_path: Path, shared_data: Path, geography: Geography
) -> None:
    data = _real(shared_data, "kosis_population").read_bytes()
    end = data.index("부산".encode()) + 4
    path = tmp_path / "population.csv"
    path.write_bytes(data[:end])
    with pytest.raises(DataError) as caught:
        kosis_population.load(path=path, geography=geography)
    assert caught.value.problems[0].file == str(path)
    assert caught.value.problems[0].line == data[:end].count(b"\n") + 1
    assert "truncated" in caught.value.problems[0].message


def test_kosis_population_wrong_encoding_is_reported(tmp_path: Path, geography: Geography) -> None:
    path = tmp_path / "population.csv"
    path.write_bytes("region,year,item,value\nCafé,2020,total_population,1\n".encode("utf-16"))
    with pytest.raises(DataError) as caught:
        kosis_population.load(path=path, geography=geography)
    assert "neither UTF-8 nor CP949" in caught.value.problems[0].message


def test_kosis_population_unknown_sido_and_item_are_reported(tmp_path: Path, geography: Geography) -> None:
    path = tmp_path / "population.csv"
    path.write_text(
        "region,year,item,value\n부산광역시,2020,total_population,3391946\n"
        "부산특별시,2020,total_population,1\n부산광역시,2021,population,1\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        kosis_population.load(path=path, geography=geography)
    assert _locations(caught.value) == [(str(path), 3, "region"), (str(path), 4, "item")]


def test_kosis_grdp_structure_sector_definition_must_agree(tmp_path: Path, geography: Geography) -> None:
    path = tmp_path / "structure.csv"
    path.write_text(
        "year,sido_code,sector_code,ksic_sections_or_divisions,gva_share_pct\n"
        "2019,21,S08,C26-C29,2.63\n2019,99,S09,C29-C34,1.0\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        kosis_grdp_structure.load(path=path, geography=geography)
    assert _locations(caught.value) == [
        (str(path), 2, "ksic_sections_or_divisions"),
        (str(path), 3, "sido_code"),
    ]


def test_kr_rnd_expenditure_wrong_unit_is_reported(tmp_path: Path, geography: Geography) -> None:
    path = tmp_path / "rnd.csv"
    path.write_text(
        "sido_code,sido_ko,sido_en,year,total_rnd_expenditure,unit,flag\n"
        "21,부산,Busan,2021,1726700,million KRW,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        kr_rnd_expenditure.load(path=path, geography=geography)
    assert _locations(caught.value) == [(str(path), 2, "unit")]


def test_krx_listed_companies_unknown_region_is_reported(tmp_path: Path, geography: Geography) -> None:
    path = tmp_path / "krx.csv"
    path.write_text(
        "회사명,종목코드,지역\n가,000010,서울특별시\n나,000020,서울툭별시\n다,000010,부산광역시\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        krx_listed_companies.load(path=path, geography=geography)
    assert _locations(caught.value) == [(str(path), 3, "지역"), (str(path), 4, "종목코드")]


def test_nesta_unknown_indicator_file_is_reported(tmp_path: Path, geography: Geography) -> None:
    path = tmp_path / "mystery.nuts2.csv"
    path.write_text("year,nuts_id,nuts_year_spec,mystery\n2016,UKC1,2016,1\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        nesta_innovation_indicators.load(path=path, geography=geography)
    assert _locations(caught.value) == [(str(path), None, None)]
