"""Code systems: Korean sido numbering, NUTS2 → ITL2, OECD codes."""

from __future__ import annotations

import pytest

from innotwin.core.atlas.geography import (
    Geography,
    korean_names,
    korean_sidos,
    kr_sido,
    kr_sido_by_kosis_code,
)
from innotwin.core.errors import NotFoundError


@pytest.mark.parametrize("name", ["부산광역시", "부산", "Busan", "KR-26", "부산시"])
def test_kr_sido_by_any_name_gives_busan(name: str) -> None:
    sido = kr_sido(name)
    assert sido is not None
    assert (sido.iso_code, sido.kosis_code, sido.admin_code) == ("KR-26", "21", "26")


def test_kr_sido_renamed_provinces_keep_old_and_new_names() -> None:
    assert [
        kr_sido(name).iso_code
        for name in ("강원도", "강원특별자치도", "전라북도", "전북특별자치도", "Jeollabuk-do")
        if kr_sido(name)
    ] == [
        "KR-42",
        "KR-42",
        "KR-45",
        "KR-45",
        "KR-45",
    ]


def test_kr_sido_kosis_and_admin_numbering_differ() -> None:
    ulsan = kr_sido_by_kosis_code("26")
    assert ulsan is not None
    assert (ulsan.name_en, ulsan.admin_code, kr_sido("KR-50").kosis_code if kr_sido("KR-50") else "") == (
        "Ulsan",
        "31",
        "29",
    )


def test_korean_sidos_are_seventeen_with_unique_codes() -> None:
    sidos = korean_sidos()
    assert len(sidos) == len({s.iso_code for s in sidos}) == len({s.kosis_code for s in sidos}) == 17
    assert len({s.admin_code for s in sidos}) == 17


def test_korean_names_cover_itl1_and_focus_places() -> None:
    names = korean_names()
    assert [names[code] for code in ("TLN06", "TLM82", "E47000004", "E47000007", "TLI")] == [
        "벨파스트",
        "글래스고시",
        "리버풀 시티 리전",
        "웨스트미들랜즈 광역연합",
        "런던",
    ]


def test_uk_regions_without_a_korean_name_fall_back_to_english(geography: Geography) -> None:
    region = geography.region("TLE32")
    assert region.name_ko == region.name_en == "Sheffield"


@pytest.mark.parametrize(
    ("code", "version", "itl"),
    [
        ("UKD7", 2016, "TLD7"),
        ("UKD7", 2010, "TLD7"),
        ("UKM8", 2016, "TLM8"),
        ("UKM5", 2013, None),
        ("UKZZ", 2016, None),
        ("UKI1", 2010, None),
    ],
)
def test_itl2_for_nuts2_maps_only_same_areas(
    geography: Geography, code: str, version: int, itl: str | None
) -> None:
    assert geography.itl2_for_nuts2(code, nuts_version=version) == itl


def test_itl2_for_nuts2_unknown_code_raises(geography: Geography) -> None:
    with pytest.raises(NotFoundError):
        geography.itl2_for_nuts2("UKQ9", nuts_version=2016)


def test_oecd_equivalents_are_itl1_itl3_and_sido(geography: Geography) -> None:
    equivalents = geography.oecd_equivalents()
    assert [equivalents.get(code) for code in ("UKC", "UKD72", "KR021", "KR02", "KR053")] == [
        "TLC",
        "TLD72",
        "KR-26",
        None,
        None,
    ]


def test_region_unknown_code_raises(geography: Geography) -> None:
    with pytest.raises(NotFoundError, match="XX9"):
        geography.region("XX9")
