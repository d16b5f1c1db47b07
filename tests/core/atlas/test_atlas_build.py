"""The bundled atlas: coverage, provenance, gaps, determinism and size."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from innotwin.core.atlas.build import AtlasBundle, build_atlas
from innotwin.core.atlas.bundle_io import BUNDLE_FILES, format_number, write_bundle
from innotwin.core.atlas.catalogue import INDICATORS, indicator
from innotwin.core.atlas.model import Observation, Quality, RegionLevel
from innotwin.core.atlas.reference import BUNDLE_DIR
from innotwin.core.atlas.registry import SOURCES
from innotwin.core.atlas.selection import PROGRAMME_FOCUS
from innotwin.core.errors import DataError, NotFoundError

Finder = Callable[..., Observation]

MEGABYTE = 1024 * 1024


def _rows(directory: Path, name: str) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_build_twice_gives_byte_identical_files(
    bundle: AtlasBundle, shared_data: Path, tmp_path: Path
) -> None:
    first = write_bundle(bundle, tmp_path / "first")
    second = write_bundle(build_atlas(shared_data), tmp_path / "second")
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second]


def test_committed_bundle_equals_a_fresh_build(bundle: AtlasBundle, tmp_path: Path) -> None:
    fresh = write_bundle(bundle, tmp_path)
    assert {path.name: path.read_bytes() for path in fresh} == {
        name: (BUNDLE_DIR / name).read_bytes() for name in BUNDLE_FILES
    }


def test_committed_bundle_is_under_three_megabytes() -> None:
    assert sum((BUNDLE_DIR / name).stat().st_size for name in BUNDLE_FILES) < 3 * MEGABYTE


def test_every_bundle_row_has_publisher_dataset_year_and_licence() -> None:
    rows = _rows(BUNDLE_DIR, "observations.csv")
    incomplete = [
        row for row in rows if not all(row[c] for c in ("publisher", "dataset", "period", "licence"))
    ]
    assert (len(rows) > 20000, incomplete) == (True, [])


def test_every_bundle_row_resolves_to_one_source() -> None:
    sources = {(row["publisher"], row["dataset"]): row for row in _rows(BUNDLE_DIR, "sources.csv")}
    rows = _rows(BUNDLE_DIR, "observations.csv")
    assert len(sources) == len(_rows(BUNDLE_DIR, "sources.csv"))
    assert {(row["publisher"], row["dataset"]) for row in rows} == set(sources)
    assert all(sources[(row["publisher"], row["dataset"])]["licence"] == row["licence"] for row in rows)


def test_bundle_covers_all_itl2_all_sido_and_focus_units(bundle: AtlasBundle) -> None:
    with_values = {o.region_code for o in bundle.observations}
    regions = {r.code: r for r in bundle.regions}
    itl2 = {code for code, r in regions.items() if r.level is RegionLevel.UK_ITL2}
    sido = {code for code, r in regions.items() if r.level is RegionLevel.KR_SIDO}
    focus = {code for place in PROGRAMME_FOCUS for code in place.region_codes}
    liverpool_districts = {"E06000006", "E08000011", "E08000012", "E08000013", "E08000014", "E08000015"}
    assert (len(itl2), len(sido)) == (41, 17)
    assert itl2 | sido | focus | liverpool_districts <= with_values


def test_bundle_regions_include_every_observation_region_and_korean_names(bundle: AtlasBundle) -> None:
    regions = {r.code: r for r in bundle.regions}
    assert {o.region_code for o in bundle.observations} <= set(regions)
    assert [code for code, r in regions.items() if not r.name_ko] == []


def test_bundle_indicators_are_all_catalogued(bundle: AtlasBundle) -> None:
    assert {o.indicator_code for o in bundle.observations} == set(INDICATORS)
    assert all(i.name_ko and i.definition_ko and i.unit for i in bundle.indicators)


def test_bundle_employment_is_harmonised_for_both_countries(bundle: AtlasBundle, find: Finder) -> None:
    ulsan = find(bundle, "KR-31", "workers_establishment_census", 2023, "26")
    tees = find(bundle, "TLC1", "employment_bres", 2015, "41+42")
    assert (ulsan.value, ulsan.quality, ulsan.note, ulsan.industry_classification) == (
        2335.0,
        Quality.DERIVED,
        "KSIC10 divisions 26+27",
        "isic4",
    )
    assert (tees.value, find(bundle, "TLC1", "employment_bres", 2015, "43").quality) == (
        11000.0,
        Quality.OFFICIAL,
    )
    assert find(bundle, "KR-31", "workers_establishment_census", 2023, "41+42").value == 11187.0


def test_bundle_gva_sectors_for_uk_and_shares_for_korea(bundle: AtlasBundle, find: Finder) -> None:
    assert find(bundle, "TLM82", "gva", 2019, "S06+S07").value == 138.0
    assert find(bundle, "TLG3", "gva", 2021, "S13").value == 7589.0
    assert find(bundle, "KR-26", "gva_share", 2019, "S08").value == 2.63


def test_bundle_combined_authority_sums_its_districts(bundle: AtlasBundle, find: Finder) -> None:
    districts = ["E06000006", "E08000011", "E08000012", "E08000013", "E08000014", "E08000015"]
    total = sum(find(bundle, code, "enterprises_active", 2022).value for code in districts)
    authority = find(bundle, "E47000004", "enterprises_active", 2022)
    assert (authority.value, authority.quality) == (total, Quality.DERIVED)


def test_bundle_oecd_values_for_korean_metro_and_focus_metro(bundle: AtlasBundle, find: Finder) -> None:
    assert find(bundle, "OECD-KR053", "oecd_population", 2020).value == 2553298.0
    assert find(bundle, "OECD-UK012M", "oecd_population", 2020).value == 794600.0


def test_bundle_gaps_for_korean_patents_and_rd_expenditure(bundle: AtlasBundle) -> None:
    patents = {g.region_code for g in bundle.gaps if g.indicator_code == "epo_patent_applications"}
    spending = {(g.region_code, g.period) for g in bundle.gaps if g.indicator_code == "rd_expenditure_total"}
    assert patents == {r.code for r in bundle.regions if r.level is RegionLevel.KR_SIDO}
    assert spending == {
        *(
            (code, None)
            for code in ("KR-42", "KR-43", "KR-44", "KR-45", "KR-46", "KR-47", "KR-48", "KR-49", "KR-50")
        ),
        ("KR-11", 2019),
    }


def test_bundle_gap_for_northern_ireland_bres(bundle: AtlasBundle) -> None:
    assert [
        g.region_code
        for g in bundle.gaps
        if g.indicator_code == "employment_bres" and g.region_code == "TLN0"
    ] == ["TLN0"]


def test_format_number_is_fixed_and_short() -> None:
    assert [format_number(v) for v in (1234.0, 0.5, -3.25, 1 / 3, -0.0000001, 268096999.99999997, None)] == [
        "1234",
        "0.5",
        "-3.25",
        "0.333333",
        "0",
        "268097000",
        "",
    ]


def test_catalogue_lookup_unknown_code_names_the_known_ones() -> None:
    with pytest.raises(NotFoundError, match=r"known indicators: .*population"):
        indicator("gdp_per_hed")
    assert indicator("population").name_ko == "인구"


def test_build_atlas_reports_problems_of_every_source_together(shared_data: Path, tmp_path: Path) -> None:
    farm = tmp_path / "shared"
    for entry in shared_data.iterdir():
        if entry.name != "kr_regional_rnd":
            (farm / entry.name).parent.mkdir(parents=True, exist_ok=True)
            (farm / entry.name).symlink_to(entry)
    rnd = farm / "kr_regional_rnd"
    rnd.mkdir()
    for entry in (shared_data / "kr_regional_rnd").iterdir():
        (rnd / entry.name).symlink_to(entry)
    for name in SOURCES["kr_rnd_personnel"].paths + SOURCES["kr_rnd_expenditure"].paths:
        target = farm / name
        target.unlink()
        target.write_text("sido_code,year\n21,2020\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_atlas(farm)
    assert sorted({(Path(p.file or "").name, p.field) for p in caught.value.problems}) == [
        ("kr_rnd_personnel_by_sido_2015_2020.csv", "flag"),
        ("kr_rnd_personnel_by_sido_2015_2020.csv", "rnd_personnel"),
        ("kr_rnd_personnel_by_sido_2015_2020.csv", "unit"),
        ("kr_total_rnd_expenditure_by_sido_2017_2021.csv", "flag"),
        ("kr_total_rnd_expenditure_by_sido_2017_2021.csv", "total_rnd_expenditure"),
        ("kr_total_rnd_expenditure_by_sido_2017_2021.csv", "unit"),
    ]
