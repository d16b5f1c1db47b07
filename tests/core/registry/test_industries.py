"""Industry codes as organisations give them, harmonised to ISIC Rev.4."""

from __future__ import annotations

import pytest

from innotwin.core.errors import NotFoundError
from innotwin.core.registry.industries import (
    ISIC4_DIVISIONS,
    ISIC4_SECTIONS,
    IndustryCode,
    groups_in_section,
    parse_industry,
    parse_industry_list,
    sections_of_group,
)


def test_isic_structure_has_21_sections_and_88_divisions() -> None:
    assert len(ISIC4_SECTIONS) == 21
    assert len(ISIC4_DIVISIONS) == 88
    assert ISIC4_DIVISIONS["62"] == "J"
    assert ISIC4_SECTIONS["C"][0] == "10"


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("SIC:62012", None, IndustryCode("uk-sic2007", "62012", "62")),
        ("62012", "GB", IndustryCode("uk-sic2007", "62012", "62")),
        ("sic 43341", None, IndustryCode("uk-sic2007", "43341", "43")),
        ("KSIC:58221", None, IndustryCode("ksic10", "58221", "58")),
        ("582", "KR", IndustryCode("ksic10", "582", "58")),
        ("KSIC:41221", None, IndustryCode("ksic10", "41221", "41+42")),
        ("KSIC:27", None, IndustryCode("ksic10", "27", "26")),
        ("ISIC:6201", None, IndustryCode("isic4", "6201", "62")),
        ("SIC:42110", None, IndustryCode("uk-sic2007", "42110", "41+42")),
    ],
)
def test_parse_industry_harmonises_to_the_isic_group(
    text: str, country: str | None, expected: IndustryCode
) -> None:
    assert parse_industry(text, country=country) == expected


@pytest.mark.parametrize(
    ("text", "country", "message"),
    [
        ("KSIC:09", None, "'09' is not a KSIC code: KSIC has no division 09."),
        ("SIC:04000", None, "'04000' is not a UK SIC 2007 code: there is no division 04."),
        ("NAICS:5112", None, "'NAICS' is not a known classification; use SIC, KSIC or ISIC."),
        (
            "software",
            None,
            "'software' is not an industry code; write it as SIC:62012, KSIC:58221 or ISIC:62.",
        ),
        ("62012", None, "Write the code '62012' with its classification, as SIC:62012 or KSIC:62012."),
        ("99999", "GB", "99999 is Companies House's mark for a dormant company, not an industry."),
    ],
)
def test_parse_industry_unknown_codes_say_why(text: str, country: str | None, message: str) -> None:
    with pytest.raises(NotFoundError) as exc:
        parse_industry(text, country=country)
    assert exc.value.message == message


def test_parse_industry_list_splits_and_drops_duplicates() -> None:
    codes = parse_industry_list("SIC:62012; 62012, KSIC:58221", country="GB")
    assert [str(code) for code in codes] == ["uk-sic2007:62012", "ksic10:58221"]


def test_sections_of_group_spanning_sections() -> None:
    assert sections_of_group("53+61") == ("H", "J")
    assert groups_in_section("J", {"53+61", "62", "10"}) == {"53+61", "62"}
