"""The import columns and the mapping from a file's own headers."""

from __future__ import annotations

from innotwin.core.errors import Problem
from innotwin.core.registry.schema import COLUMNS, check_mapping, guess_mapping


def test_guess_mapping_reads_english_and_korean_template_headers() -> None:
    english = [column.header_en for column in COLUMNS]
    korean = [column.header_ko for column in COLUMNS]
    expected = [column.name for column in COLUMNS]
    assert list(guess_mapping(english).values()) == expected
    assert list(guess_mapping(korean).values()) == expected


def test_guess_mapping_uses_aliases_and_each_field_once() -> None:
    assert guess_mapping(["Company name", "회사명", "City", "SIC codes", "Name", "Notes"]) == {
        "Company name": "name_en",
        "회사명": "name_ko",
        "City": "region",
        "SIC codes": "industries",
        "Name": None,
        "Notes": None,
    }


def test_check_mapping_lists_every_problem() -> None:
    problems = check_mapping(
        ["A", "B", "C"], {"A": "name_en", "B": "name_en", "C": "colour", "Z": "type"}, file="f.csv"
    )
    assert problems == [
        Problem("The columns 'A' and 'B' are both mapped to 'name_en'.", file="f.csv", field="B"),
        Problem(
            "'colour' is not a field innotwin imports; use one of name_en, name_ko, type, region, "
            "industries, size_band, founded_year, website, description_en, description_en_origin, "
            "description_ko, description_ko_origin, keywords_en, keywords_en_origin, keywords_ko, "
            "keywords_ko_origin, external_id, postcode, locality.",
            file="f.csv",
            field="C",
        ),
        Problem("The mapping names the column 'Z', which the file does not have.", file="f.csv", field="Z"),
        Problem("No column is mapped to the required field 'region'.", file="f.csv"),
    ]


def test_check_mapping_without_a_name_column() -> None:
    assert check_mapping(["T", "R"], {"T": "type", "R": "region"}) == [
        Problem("No column is mapped to a name (name_en or name_ko).")
    ]
