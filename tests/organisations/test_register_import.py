"""Importing the real registers into the database: created, then updated (never duplicated) on re-import."""

from __future__ import annotations

from pathlib import Path

from innotwin.organisations.demo import load_registers
from innotwin.organisations.domain.import_register import import_register
from innotwin.organisations.interfaces.registers import register_reader
from innotwin.organisations.models import AuditEntry, Organisation, OrganisationIndustry


def test_companies_house_sample_is_imported_then_updated(db, shared_data: Path) -> None:
    path = shared_data / "organisations" / "companies_house_south_yorkshire_sample2000.csv"
    first = import_register(actor=None, reader=register_reader("companies-house", path))
    assert (first.created, first.updated, sum(first.skipped.values())) == (2000, 0, 0)
    Organisation.objects.filter(external_id="11973288").update(name_en="Renamed", founded_year=None)
    again = import_register(actor=None, reader=register_reader("companies-house", path))
    assert (again.created, again.updated, again.unchanged) == (0, 1, 1999)
    assert Organisation.objects.count() == 2000
    company = Organisation.objects.get(source="companies-house", external_id="11973288")
    assert (company.name_en, company.region_id, company.verification, company.slug) == (
        "18ONE CLEANING SERVICES LTD",
        "E08000016",
        "register",
        "18one-cleaning-services-ltd",
    )
    assert [i.code for i in company.industries.all()] == ["43341", "81210"]
    assert OrganisationIndustry.objects.filter(organisation__source="companies-house").count() == 2425
    assert AuditEntry.objects.filter(action="organisations.register_imported").count() == 2


def test_krx_is_imported_with_ksic_industries_from_the_shared_classification(db, shared_data: Path) -> None:
    result = import_register(
        actor=None,
        reader=register_reader(
            "krx", shared_data / "organisations" / "krx_kind_all_listed_companies_2026-05.csv"
        ),
    )
    assert result.created == 2743
    assert result.skipped["region 홍콩 is not a Korean sido"] == 8
    company = Organisation.objects.get(source="krx", external_id="477850")
    assert (company.name_ko, company.region_id, company.slug) == ("마키나락스", "KR-11", "krx-477850")
    assert [(i.scheme, i.code, i.isic_sections) for i in company.industries.all()] == [("ksic10", "582", "J")]


def test_demo_registers_load_from_the_shared_data_folder(db, shared_data: Path) -> None:
    results = {result.file: result for result in load_registers(shared_data)}
    assert results["krx_kind_all_listed_companies_2026-05.csv"].created == 2743
    assert results["companies_house_south_yorkshire_sample2000.csv"].created == 2000
    assert results["korea_universities_4yr_with_address_coords.csv"].created == 199
    assert results["kr_government_research_institutes_NST_23_coords.csv"].created == 23
    assert results["uk_university_campuses_coords.csv"].created > 150
    assert (
        Organisation.objects.filter(source="innovation-anchors", name_en="Sejong Technopark").get().region_id
        == "KR-50"
    )
