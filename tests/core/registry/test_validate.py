"""Validating import rows: every problem by row and column; records only when there is none."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from innotwin.core.errors import Problem
from innotwin.core.registry import translated_by
from innotwin.core.registry.industries import IndustryCode
from innotwin.core.registry.regions import RegionIndex, RegionRef
from innotwin.core.registry.schema import guess_mapping
from innotwin.core.registry.tabular import Sheet, SheetRow
from innotwin.core.registry.validate import ExistingOrganisations, validate_rows
from innotwin.core.registry.vocabulary import lookup_key

REGIONS = RegionIndex.of(
    [
        RegionRef(code="KR-26", country="KR", level="kr-sido", name_en="Busan", name_ko="부산광역시"),
        RegionRef(code="N09000003", country="GB", level="uk-lad", name_en="Belfast", name_ko="벨파스트"),
        RegionRef(code="TLG", country="GB", level="uk-itl1", name_en="West Midlands", name_ko=""),
        RegionRef(
            code="E47000007", country="GB", level="uk-combined-authority", name_en="West Midlands", name_ko=""
        ),
    ]
)
HEADER = (
    "Name (English)",
    "기관명(국문)",
    "Type",
    "Region",
    "Industry codes",
    "Founded",
    "Website",
    "Capabilities (English)",
    "Register number",
    "Description (English) origin",
)


def _sheet(*rows: tuple[str, ...], header: tuple[str, ...] = HEADER) -> Sheet:
    return Sheet(
        file="orgs.csv",
        header=header,
        rows=tuple(SheetRow(line=n, cells=row) for n, row in enumerate(rows, start=2)),
    )


def _validate(sheet: Sheet, **kwargs: object):
    return validate_rows(sheet, guess_mapping(sheet.header), regions=REGIONS, current_year=2026, **kwargs)


def test_valid_rows_become_records() -> None:
    report = _validate(
        _sheet(
            (
                "Harbour Robotics",
                "",
                "SME",
                "Belfast",
                "62012; 28220",
                "2015",
                "www.harbour.example",
                "drones; inspection",
                "NI123",
                "machine",
            ),
            ("", "부산해양기술", "중소기업", "부산", "KSIC:30", "", "", "", "", ""),
        )
    )
    assert report.ok is True
    first, second = report.records
    assert (first.line, first.name_en, first.type, first.region, first.founded_year) == (
        2,
        "Harbour Robotics",
        "sme",
        "N09000003",
        2015,
    )
    assert first.industries == (
        IndustryCode("uk-sic2007", "62012", "62"),
        IndustryCode("uk-sic2007", "28220", "28"),
    )
    assert first.website == "https://www.harbour.example"
    assert first.keywords_en == "drones; inspection"
    assert first.description_en_origin == "machine"
    assert (second.name_ko, second.region, second.industries[0].isic_group) == ("부산해양기술", "KR-26", "29")


def test_every_problem_is_reported_by_row_and_file_column() -> None:
    report = _validate(
        _sheet(
            ("", "", "", "", "", "", "", "", "", ""),
            ("A", "", "unicorn", "Atlantis", "KSIC:09", "1492x", "javascript:alert(1)", "", "", "maybe"),
            ("B", "", "sme", "West Midlands", "", "2999", "", "; ".join(f"k{i}" for i in range(31)), "", ""),
        )
    )
    assert report.ok is False
    assert report.records == ()
    assert [(p.line, p.field, p.message) for p in report.problems] == [
        (2, "Name (English)", "A name in English or in Korean is required."),
        (2, "Type", "The type is required."),
        (2, "Region", "The region is required."),
        (3, "Type", TYPES_MESSAGE),
        (3, "Region", "'Atlantis' is not a region innotwin knows; give its official code."),
        (3, "Industry codes", "'09' is not a KSIC code: KSIC has no division 09."),
        (3, "Founded", "'1492x' is not a year between 1000 and 2026."),
        (3, "Website", "'javascript:alert(1)' is not a web address (https://…)."),
        (3, "Description (English) origin", "'maybe' is not one of: original, translation, machine."),
        (4, "Region", "'West Midlands' names several regions (E47000007, TLG); give the code instead."),
        (4, "Founded", "'2999' is not a year between 1000 and 2026."),
        (4, "Capabilities (English)", "Give at most 30 keywords; there are 31."),
    ]


def test_duplicates_in_the_file_and_in_the_database_are_problems() -> None:
    existing = ExistingOrganisations(
        names={(lookup_key("Harbour Robotics"), "N09000003"): frozenset({""})},
        external_ids=frozenset({"NI999"}),
    )
    report = _validate(
        _sheet(
            ("harbour robotics", "", "sme", "Belfast", "", "", "", "", "", ""),
            ("Lough Labs", "", "sme", "Belfast", "", "", "", "", "NI999", ""),
            ("Quay Data", "", "sme", "Belfast", "", "", "", "", "Q1", ""),
            ("Quay  Data", "", "sme", "N09000003", "", "", "", "", "Q1", ""),
            ("Quay Data", "", "sme", "KR-26", "", "", "", "", "", ""),
        ),
        existing=existing,
    )
    assert [(p.line, p.field, p.message) for p in report.problems] == [
        (2, "Name (English)", "An organisation named 'harbour robotics' already exists in N09000003."),
        (3, "Register number", "An organisation with the register number NI999 already exists."),
        (5, "Name (English)", "Row 4 has the same name in the same region."),
        (5, "Register number", "Row 4 has the same register number."),
    ]


def test_region_outside_the_importers_pairs_is_a_problem() -> None:
    report = _validate(
        _sheet(("A", "", "sme", "KR-26", "", "", "", "", "", "")),
        may_import_into=lambda code: code != "KR-26",
    )
    assert report.problems == (
        Problem(
            "You may not add organisations in the region KR-26.", file="orgs.csv", line=2, field="Region"
        ),
    )


def test_text_longer_than_its_limit_is_a_problem() -> None:
    report = _validate(_sheet(("x" * 201, "", "sme", "KR-26", "", "", "", "", "", "")))
    assert report.problems[0].message == "At most 200 characters are allowed; this has 201."


def test_messages_use_the_installed_translator() -> None:
    catalogue = {"The type is required.": "기관 유형은 필수입니다."}
    with translated_by(lambda text: catalogue.get(text, text)):
        report = _validate(_sheet(("A", "", "", "KR-26", "", "", "", "", "", "")))
    assert [p.message for p in report.problems] == ["기관 유형은 필수입니다."]


TYPES_MESSAGE = (
    "'unicorn' is not one of: sme, large_company, university, research_institute, public_body, "
    "cluster, investor."
)
ROW = ("Harbour Robotics", "", "sme", "Belfast", "62012", "2015", "", "drones", "NI1", "")


@settings(max_examples=30)
@given(st.randoms(use_true_random=False))
def test_records_do_not_depend_on_column_order(rnd: random.Random) -> None:
    order = list(range(len(HEADER)))
    rnd.shuffle(order)
    shuffled = _sheet(tuple(ROW[i] for i in order), header=tuple(HEADER[i] for i in order))
    assert _validate(shuffled).records == _validate(_sheet(ROW)).records


def test_same_name_with_different_register_numbers_is_two_organisations() -> None:
    existing = ExistingOrganisations(
        names={(lookup_key("Compelling Films"), "N09000003"): frozenset({"15058798"})}
    )
    report = _validate(
        _sheet(
            ("Compelling Films", "", "sme", "Belfast", "", "", "", "", "15058799", ""),
            ("Compelling Films", "", "sme", "Belfast", "", "", "", "", "15058800", ""),
            ("Compelling Films", "", "sme", "Belfast", "", "", "", "", "", ""),
        ),
        existing=existing,
    )
    assert [(p.line, p.message) for p in report.problems] == [
        (4, "An organisation named 'Compelling Films' already exists in N09000003.")
    ]
