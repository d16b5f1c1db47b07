"""Bulk import from CSV and XLSX: mapping, dry run, all-or-nothing, and a report of every problem by row
and column — for malformed files of every kind."""

from __future__ import annotations

import pytest

from innotwin.core.errors import DataError, Problem
from innotwin.core.registry import guess_mapping
from innotwin.organisations.domain.import_organisations import import_organisations
from innotwin.organisations.interfaces.uploads import read_upload
from innotwin.organisations.models import AuditEntry, Organisation
from tests.organisations.files import GOOD_ROWS, HEADER_EN, csv_bytes, xlsx_bytes


def _import(
    data: bytes, name: str = "orgs.csv", *, actor=None, dry_run: bool = False, mapping=None, encoding="utf-8"
):
    sheet = read_upload(data, name=name, encoding=encoding)
    return import_organisations(
        actor=actor, sheet=sheet, mapping=mapping or guess_mapping(sheet.header), dry_run=dry_run
    )


def test_import_csv_stores_every_row_with_its_industries(pairs) -> None:
    result = _import(csv_bytes(GOOD_ROWS))
    assert result.created == 3
    stored = {o.name: o for o in Organisation.objects.all()}
    assert stored["Lough Labs"].type == "research_institute"
    assert stored["세종스마트시티"].region_id == "KR-50"
    assert stored["Mersey Tidal"].description_en_origin == "machine"
    assert [i.isic_group for i in stored["Mersey Tidal"].industries.all()] == ["35"]
    assert AuditEntry.objects.get(action="organisations.imported").changes == {
        "file": "orgs.csv",
        "rows": 3,
        "created": 3,
    }


def test_import_xlsx_with_korean_headers(pairs) -> None:
    header = ["기관명(영문)", "기관명(국문)", "기관 유형", "지역", "산업 분류 코드", "설립 연도"]
    result = _import(
        xlsx_bytes([["", "부산항만기술", "중소기업", "부산", "KSIC:52", 2001]], header), "기관.xlsx"
    )
    organisation = Organisation.objects.get()
    assert result.created == 1
    assert (organisation.name_ko, organisation.region_id, organisation.founded_year) == (
        "부산항만기술",
        "KR-26",
        2001,
    )


def test_import_with_an_explicit_mapping_ignores_unmapped_columns(pairs) -> None:
    data = csv_bytes([["Acme Quay", "cluster", "Glasgow City", "note"]], ["Org", "Kind", "Where", "Comment"])
    _import(data, mapping={"Org": "name_en", "Kind": "type", "Where": "region", "Comment": None})
    assert Organisation.objects.get().region_id == "S12000049"


def test_dry_run_reports_and_stores_nothing(pairs) -> None:
    result = _import(csv_bytes(GOOD_ROWS), dry_run=True)
    assert (result.dry_run, result.created, result.report.rows, result.report.ok) == (True, 0, 3, True)
    assert Organisation.objects.count() == 0


def test_one_bad_row_stores_nothing_and_names_row_and_column(pairs) -> None:
    rows = [*GOOD_ROWS, ["Bad Co", "", "sme", "Narnia", "", "", "", "", ""]]
    with pytest.raises(DataError) as exc:
        _import(csv_bytes(rows))
    assert exc.value.problems == (
        Problem(
            "'Narnia' is not a region innotwin knows; give its official code.",
            file="orgs.csv",
            line=5,
            field="Region",
        ),
    )
    assert Organisation.objects.count() == 0


def test_missing_required_fields_are_reported_for_every_row(pairs) -> None:
    rows = [["", "", "", "", "", "", "", "", ""], ["Only Name", "", "", "", "", "", "", "", ""]]
    # an empty row is skipped; the second row lacks type and region
    with pytest.raises(DataError) as exc:
        _import(csv_bytes(rows))
    assert [(p.line, p.field, p.message) for p in exc.value.problems] == [
        (3, "Type", "The type is required."),
        (3, "Region", "The region is required."),
    ]


def test_missing_required_column_is_a_mapping_problem(pairs) -> None:
    result = _import(csv_bytes([["A", "sme"]], ["Name (English)", "Type"]), dry_run=True)
    assert [p.message for p in result.report.problems] == [
        "No column is mapped to the required field 'region'."
    ]


def test_duplicates_in_file_and_database_are_problems(world) -> None:
    rows = [
        ["Harbour Robotics Ltd", "", "sme", "Belfast", "", "", "", "", ""],
        ["Twin Co", "", "sme", "Belfast", "", "", "", "", ""],
        ["twin co", "", "sme", "N09000003", "", "", "", "", ""],
    ]
    result = _import(csv_bytes(rows), dry_run=True)
    assert [(p.line, p.field, p.message) for p in result.report.problems] == [
        (2, "Name (English)", "An organisation named 'Harbour Robotics Ltd' already exists in N09000003."),
        (4, "Name (English)", "Row 3 has the same name in the same region."),
    ]


def test_unknown_codes_are_problems(pairs) -> None:
    rows = [["A", "", "unicorn", "Belfast", "SIC:04000", "", "", "", "sometimes"]]
    result = _import(csv_bytes(rows), dry_run=True)
    assert [(p.field, p.message) for p in result.report.problems] == [
        (
            "Type",
            "'unicorn' is not one of: sme, large_company, university, research_institute, public_body, "
            "cluster, investor.",
        ),
        ("Industry codes", "'04000' is not a UK SIC 2007 code: there is no division 04."),
        ("Description (English) origin", "'sometimes' is not one of: original, translation, machine."),
    ]


def test_wrong_encoding_is_refused_with_advice(pairs) -> None:
    data = csv_bytes([["", "부산기계", "sme", "KR-26", "", "", "", "", ""]], encoding="cp949")
    with pytest.raises(DataError, match="is not utf-8 text"):
        _import(data)
    assert _import(data, encoding="cp949").created == 1


def test_oversized_file_is_refused(pairs, settings) -> None:
    data = csv_bytes([["Big", "", "sme", "KR-26", "", "", "", "x" * 1000, ""]] * 27_000)
    assert len(data) > 25 * 1024 * 1024
    with pytest.raises(DataError, match=r"the largest file innotwin imports at once is 25\.0 MB"):
        _import(data)


def test_formulas_in_spreadsheet_cells_are_refused(pairs) -> None:
    data = xlsx_bytes(
        [['=HYPERLINK("http://evil.example","Click")', "", "sme", "KR-26"], ["Fine", "", "sme", "=B2"]],
        HEADER_EN[:4],
    )
    with pytest.raises(DataError) as exc:
        _import(data, "f.xlsx")
    assert [(p.line, p.field) for p in exc.value.problems] == [(2, "Name (English)"), (3, "Region")]
    assert Organisation.objects.count() == 0


def test_coordinator_may_import_only_into_their_pairs_regions(world) -> None:
    rows = [
        ["In Belfast", "", "sme", "Belfast", "", "", "", "", ""],
        ["In Sejong", "", "sme", "KR-50", "", "", "", "", ""],
        ["In Busan", "", "sme", "KR-26", "", "", "", "", ""],
    ]
    result = _import(csv_bytes(rows), actor=world.people["coordinator"], dry_run=True)
    assert [(p.line, p.message) for p in result.report.problems] == [
        (4, "You may not add organisations in the region KR-26.")
    ]
