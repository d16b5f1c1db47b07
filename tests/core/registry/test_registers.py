"""The register readers on the real registers in the shared data."""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import pytest

from innotwin.core.errors import DataError, NotFoundError, Problem
from innotwin.core.registry.industries import IndustryCode
from innotwin.core.registry.regions import RegionIndex, RegionRef
from innotwin.core.registry.registers import (
    AnchorsReader,
    CompaniesHouseReader,
    KoreanUniversitiesReader,
    KrxReader,
    NstInstitutesReader,
    UkCampusesReader,
    load_ksic_names,
    research_reader,
    universities_reader,
)
from innotwin.core.registry.registers.krx import KSIC_NAMES_FILE, ksic_name_key
from innotwin.core.registry.registers.research import anchor_type

SAMPLE = "companies_house_south_yorkshire_sample2000.csv"


@pytest.fixture(scope="module")
def ksic_names(shared_data: Path) -> dict[str, str]:
    return load_ksic_names(shared_data / "classifications" / KSIC_NAMES_FILE)


def test_krx_reads_every_korean_company_and_skips_foreign_ones(
    shared_data: Path, atlas_index: RegionIndex, ksic_names: dict[str, str]
) -> None:
    reader = KrxReader(
        shared_data / "organisations" / "krx_kind_all_listed_companies_2026-05.csv",
        regions=atlas_index,
        ksic_names=ksic_names,
    )
    records = list(reader)
    assert len(records) == 2743
    assert sum(reader.skipped.values()) == 22
    assert reader.skipped["region 홍콩 is not a Korean sido"] == 8
    assert sum(reader.unknown_industries.values()) == 6
    first = records[0]
    assert (first.name_ko, first.external_id, first.region, first.type) == (
        "마키나락스",
        "477850",
        "KR-11",
        "sme",
    )
    assert first.industries == (IndustryCode("ksic10", "582", "58"),)
    assert first.description_ko.startswith("주요 제품: Runway Platform")
    assert Counter(record.type for record in records)["large_company"] == 836


def test_krx_without_ksic_names_keeps_companies_and_counts_industries(
    shared_data: Path, atlas_index: RegionIndex
) -> None:
    reader = KrxReader(
        shared_data / "organisations" / "krx_kind_all_listed_companies_2026-05.csv",
        regions=atlas_index,
        ksic_names={},
    )
    records = list(reader)
    assert len(records) == 2743
    assert all(record.industries == () for record in records)


def test_ksic_name_key_ignores_spaces_and_middle_dots() -> None:
    assert ksic_name_key("전동기, 발전기 및 전기 변환 · 공급 · 제어 장치 제조업") == ksic_name_key(
        "전동기,발전기 및 전기변환ㆍ공급ㆍ제어장치 제조업"
    )


def test_companies_house_full_extract_places_every_company_in_south_yorkshire(
    shared_data: Path, atlas_index: RegionIndex
) -> None:
    path = shared_data / "organisations" / "companies_house_south_yorkshire_active_2024.csv.gz"
    reader = CompaniesHouseReader(path, regions=atlas_index)
    regions = Counter(record.region for record in reader)
    assert regions == {"E08000019": 33752, "E08000017": 18421, "E08000018": 12859, "E08000016": 10708}
    assert reader.skipped == Counter()
    assert reader.unknown_industries == Counter({"99999": 2223})


def test_companies_house_sample_record(shared_data: Path, atlas_index: RegionIndex) -> None:
    reader = CompaniesHouseReader(shared_data / "organisations" / SAMPLE, regions=atlas_index)
    first = next(iter(reader))
    assert (first.name_en, first.external_id, first.region, first.founded_year) == (
        "18ONE CLEANING SERVICES LTD",
        "11973288",
        "E08000016",
        2019,
    )
    assert (first.postcode, first.locality) == ("S75 2SW", "Barnsley")
    assert [str(code) for code in first.industries] == ["uk-sic2007:43341", "uk-sic2007:81210"]


def test_companies_house_outside_the_atlas_is_skipped(shared_data: Path) -> None:
    only_sheffield = RegionIndex.of(
        [RegionRef(code="E08000019", country="GB", level="uk-lad", name_en="Sheffield", name_ko="")]
    )
    reader = CompaniesHouseReader(shared_data / "organisations" / SAMPLE, regions=only_sheffield)
    records = list(reader)
    assert len(records) + sum(reader.skipped.values()) == 2000
    assert set(reader.skipped) == {
        f"local authority {code} is not in the atlas" for code in ("E08000016", "E08000017", "E08000018")
    }


def test_universities_reader_chooses_by_columns(shared_data: Path, atlas_index: RegionIndex) -> None:
    folder = shared_data / "organisations"
    korean = universities_reader(
        folder / "korea_universities_4yr_with_address_coords.csv", regions=atlas_index
    )
    campuses = universities_reader(folder / "uk_university_campuses_coords.csv", regions=atlas_index)
    assert isinstance(korean, KoreanUniversitiesReader)
    assert isinstance(campuses, UkCampusesReader)
    korean_records = list(korean)
    assert len(korean_records) == 199
    assert korean_records[0].name_ko == "가야대학교(김해)"
    assert korean_records[0].region == "KR-48"
    uk_records = {record.name_en: record for record in campuses}
    assert len(uk_records) == 197 - campuses.skipped["campus is not within 20 km of a region in the atlas"]
    assert uk_records["University of Sheffield"].region == "E08000019"
    assert uk_records["University of Glasgow"].region == "S12000049"


def test_research_reader_chooses_by_columns(shared_data: Path, atlas_index: RegionIndex) -> None:
    folder = shared_data / "organisations"
    nst = research_reader(folder / "kr_government_research_institutes_NST_23_coords.csv", regions=atlas_index)
    anchors = research_reader(
        folder / "research_innovation_anchors_UK_KR_target_regions_CURATED.csv", regions=atlas_index
    )
    assert isinstance(nst, NstInstitutesReader)
    assert isinstance(anchors, AnchorsReader)
    institutes = {record.external_id: record for record in nst}
    assert len(institutes) == 23
    assert (institutes["KIST"].region, institutes["KIST"].type) == ("KR-11", "research_institute")
    placed = {record.name_en: record for record in anchors}
    assert placed["Ulsan National Institute of Science and Technology (UNIST)"].type == "university"
    assert placed["Sejong Technopark"].region == "KR-50"
    assert placed["Sejong Technopark"].type == "cluster"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("science & technology university (MSIT)", "university"),
        ("university research facility", "research_institute"),
        ("Catapult centre (HVM Catapult member) / university institute", "research_institute"),
        ("tech cluster organisation", "cluster"),
        ("technopark", "cluster"),
        ("regional development agency", "public_body"),
        ("free economic zone authority", "public_body"),
        ("government-funded policy research institute", "research_institute"),
    ],
)
def test_anchor_type_rules(text: str, kind: str) -> None:
    assert anchor_type(text) == kind


def test_register_with_the_wrong_columns_fails_before_reading(
    tmp_path: Path, atlas_index: RegionIndex
) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("name,website\nAcme,https://acme.example\n", encoding="utf-8")
    with pytest.raises(DataError) as exc:
        CompaniesHouseReader(path, regions=atlas_index)
    assert exc.value.problems[0] == Problem(
        "The file lacks the columns CompanyName, CompanyNumber, Postcode, RegAddress.PostTown, "
        "CompanyCategory, IncorporationDate, SICCode.SicText_1, SICCode.SicText_2, SICCode.SicText_3, "
        "SICCode.SicText_4, localauthority_code, localauthority_name of a companies-house register; "
        "is it the right file?",
        file="wrong.csv",
        line=1,
    )
    with pytest.raises(DataError, match="not a university list"):
        universities_reader(path, regions=atlas_index)


def test_register_in_the_wrong_encoding_is_a_problem(tmp_path: Path, atlas_index: RegionIndex) -> None:
    path = tmp_path / "krx.csv"
    path.write_bytes("회사명,시장구분,종목코드,업종,주요제품,홈페이지,지역\n".encode("cp949"))
    with pytest.raises(DataError, match="cannot be read as UTF-8"):
        KrxReader(path, regions=atlas_index, ksic_names={})


def test_register_gzip_is_read_and_missing_file_is_not_found(
    tmp_path: Path, atlas_index: RegionIndex
) -> None:
    path = tmp_path / "nst.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(
            "code,name_ko,name_en,city_ko,sido_ko,lon,lat\nKIST,한국과학기술연구원,KIST,서울,서울,127.0,37.6\n"
        )
    assert [record.region for record in NstInstitutesReader(path, regions=atlas_index)] == ["KR-11"]
    with pytest.raises(NotFoundError):
        NstInstitutesReader(tmp_path / "missing.csv", regions=atlas_index)
