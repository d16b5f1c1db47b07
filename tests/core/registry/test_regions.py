"""Finding regions by code, name, Korean sido name or nearest centroid."""

from __future__ import annotations

from innotwin.core.registry.regions import RegionIndex, RegionRef, distance_km

INDEX = RegionIndex.of(
    [
        RegionRef(code="KR-26", country="KR", level="kr-sido", name_en="Busan", name_ko="부산광역시"),
        RegionRef(
            code="E08000019",
            country="GB",
            level="uk-lad",
            name_en="Sheffield",
            name_ko="셰필드",
            latitude=53.38,
            longitude=-1.47,
        ),
        RegionRef(
            code="E08000018",
            country="GB",
            level="uk-lad",
            name_en="Rotherham",
            name_ko="",
            latitude=53.43,
            longitude=-1.36,
        ),
        RegionRef(code="TLG", country="GB", level="uk-itl1", name_en="West Midlands", name_ko=""),
        RegionRef(
            code="E47000007", country="GB", level="uk-combined-authority", name_en="West Midlands", name_ko=""
        ),
    ]
)


def test_resolve_by_code_name_and_sido_alias() -> None:
    assert INDEX.resolve("KR-26").region == INDEX.get("KR-26")
    assert INDEX.resolve("kr-26").region == INDEX.get("KR-26")
    assert INDEX.resolve(" sheffield ").region == INDEX.get("E08000019")
    assert INDEX.resolve("셰필드").region == INDEX.get("E08000019")
    assert INDEX.resolve("부산").region == INDEX.get("KR-26")
    assert INDEX.resolve("Busan-gwangyeoksi").region == INDEX.get("KR-26")


def test_resolve_shared_name_is_ambiguous_with_candidates() -> None:
    resolution = INDEX.resolve("West Midlands")
    assert resolution.region is None
    assert resolution.ambiguous is True
    assert resolution.candidates == ("E47000007", "TLG")


def test_resolve_unknown_is_none() -> None:
    assert INDEX.resolve("Atlantis").region is None
    assert INDEX.resolve("").region is None
    assert INDEX.resolve("서울").region is None  # a sido, but not in this index


def test_nearest_respects_country_level_and_distance() -> None:
    assert INDEX.nearest(53.39, -1.46, country="GB", levels=("uk-lad",), max_km=20) == INDEX.get("E08000019")
    assert INDEX.nearest(53.44, -1.35, country="GB", levels=("uk-lad",), max_km=20) == INDEX.get("E08000018")
    assert INDEX.nearest(51.5, -0.12, country="GB", levels=("uk-lad",), max_km=20) is None


def test_distance_km_sheffield_to_rotherham() -> None:
    assert round(distance_km(53.38, -1.47, 53.43, -1.36)) == 9
