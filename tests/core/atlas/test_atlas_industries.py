"""Industry harmonisation: SIC 2007 and KSIC to ISIC Rev.4 divisions, groups and GVA sectors."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from innotwin.core.atlas.industries import (
    BridgeLink,
    _bridge_problems,
    gva_sectors,
    harmonised_group_of_isic4,
    harmonised_group_of_ksic,
    harmonised_groups,
    isic4_divisions,
    ksic10_bridge,
    merge_into_targets,
    ons_gva_industry_divisions,
    sic2007_division_to_isic4,
)
from innotwin.core.atlas.registry import SOURCES, load_isic_labels
from innotwin.core.errors import NotFoundError


def _ksic_divisions(shared_data: Path, revision: str) -> set[str]:
    path = shared_data / "classifications" / "ksic_9th_10th_11th_codes_korean_english_names.csv"
    with path.open(encoding="utf-8-sig") as file:
        return {
            row["cd"] for row in csv.DictReader(file) if row["ksic_C"] == revision and row["digit"] == "2"
        }


def test_every_ksic10_division_maps_to_isic_divisions(shared_data: Path) -> None:
    divisions = _ksic_divisions(shared_data, "C10")
    groups = {division: harmonised_group_of_ksic(division) for division in sorted(divisions)}
    assert len(groups) == 77
    assert all(set(group.split("+")) <= isic4_divisions() for group in groups.values())
    assert {link.ksic_division for link in ksic10_bridge()} == divisions


def test_every_ksic11_division_maps_to_isic_divisions(shared_data: Path) -> None:
    divisions = _ksic_divisions(shared_data, "C11")
    groups = {harmonised_group_of_ksic(division) for division in divisions}
    assert (len(divisions), len(groups)) == (77, 76)


def test_every_isic_division_is_in_exactly_one_group(shared_data: Path) -> None:
    labels = load_isic_labels(shared_dir=shared_data)
    groups = harmonised_groups(labels=labels)
    members = [division for group in groups for division in group.isic_divisions]
    assert sorted(members) == sorted(labels.divisions)
    assert len(members) == len(set(members)) == 88


def test_harmonised_groups_that_merge_divisions(shared_data: Path) -> None:
    groups = harmonised_groups(labels=load_isic_labels(shared_dir=shared_data))
    assert [(g.code, g.sections, g.ksic_divisions) for g in groups if "+" in g.code] == [
        ("05+06", "B", ("05",)),
        ("41+42", "F", ("41",)),
        ("53+61", "H+J", ("61",)),
        ("69+70+73", "M", ("71",)),
        ("74+75", "M", ("73",)),
        ("78+79+80+82", "N", ("75",)),
        ("87+88", "Q", ("87",)),
        ("90+91", "R", ("90",)),
        ("92+93", "R", ("91",)),
    ]


def test_harmonised_group_names_come_from_isic_and_ksic(shared_data: Path) -> None:
    groups = {g.code: g for g in harmonised_groups(labels=load_isic_labels(shared_dir=shared_data))}
    assert (groups["41+42"].name_ko, groups["26"].name_ko, groups["26"].ksic_divisions) == (
        "종합 건설업",
        "전자 부품, 컴퓨터, 영상, 음향 및 통신장비 제조업; 의료, 정밀, 광학 기기 및 시계 제조업",
        ("26", "27"),
    )
    assert groups["62"].name_en == "Computer programming, consultancy and related activities"


@pytest.mark.parametrize(
    ("ksic", "group"),
    [
        ("27", "26"),
        ("33", "32"),
        ("34", "33"),
        ("42", "43"),
        ("70", "72"),
        ("76", "77"),
        ("95", "95"),
        ("06", "07"),
    ],
)
def test_reviewed_bridge_decisions(ksic: str, group: str) -> None:
    assert harmonised_group_of_ksic(ksic) == group


def test_unknown_ksic_division_raises_not_found() -> None:
    with pytest.raises(NotFoundError, match="not a KSIC"):
        harmonised_group_of_ksic("04")


def test_uk_sic2007_divisions_are_isic_divisions_with_the_same_section(shared_data: Path) -> None:
    labels = load_isic_labels(shared_dir=shared_data)
    with (shared_data / "classifications" / "uk_sic2007_2digit_with_sections.csv").open(
        encoding="utf-8"
    ) as file:
        sic = {row["SIC_2DIGIT_CODE"]: row["SIC_SECTION"] for row in csv.DictReader(file)}
    assert {code: labels.section_of[code] for code in sic} == sic
    with (shared_data / SOURCES["bres_employment"].paths[0]).open(encoding="utf-8") as file:
        bres = {row["INDUSTRY_CODE"] for row in csv.DictReader(file)}
    assert bres == set(labels.divisions)


def test_sic2007_division_to_isic4_checks_the_code(shared_data: Path) -> None:
    labels = load_isic_labels(shared_dir=shared_data)
    assert sic2007_division_to_isic4("62", labels=labels) == "62"
    with pytest.raises(NotFoundError):
        sic2007_division_to_isic4("04", labels=labels)


def test_isic_division_outside_any_merge_is_its_own_group() -> None:
    assert [harmonised_group_of_isic4("62"), harmonised_group_of_isic4("42")] == ["62", "41+42"]


def test_gva_sectors_partition_isic_divisions_except_extraterritorial() -> None:
    sectors = gva_sectors()
    members = [division for sector in sectors for division in sector.isic_divisions]
    assert len(sectors) == 25
    assert len(members) == len(set(members))
    assert set(members) == isic4_divisions() - {"99"}
    assert {s.code: sorted(s.isic_divisions) for s in sectors if s.code in ("S08", "S16")} == {
        "S08": ["26", "27"],
        "S16": ["53", "58", "59", "60", "61", "62", "63"],
    }


@pytest.mark.parametrize(
    ("code", "divisions"),
    [
        ("CA (10-12)", {"10", "11", "12"}),
        ("2-3", {"02", "03"}),
        ("45", {"45"}),
        ("AB (1-9)", {"01", "02", "03", "05", "06", "07", "08", "09"}),
        ("CD-CG (19-23)", {"19", "20", "21", "22", "23"}),
    ],
)
def test_ons_gva_industry_divisions_parses_ranges(code: str, divisions: set[str]) -> None:
    assert ons_gva_industry_divisions(code) == frozenset(divisions)


@pytest.mark.parametrize("code", ["Total", "A-E", "G-T", "68IMP"])
def test_ons_gva_industry_divisions_aggregates_give_none(code: str) -> None:
    assert ons_gva_industry_divisions(code) is None


def test_merge_into_targets_prefers_exact_codes_and_merges_shared_ones() -> None:
    available = {
        "A (1-2)": frozenset({"01", "02"}),
        "1": frozenset({"01"}),
        "2": frozenset({"02"}),
        "B (3-5)": frozenset({"03", "04", "05"}),
        "L (6)": frozenset({"06"}),
        "6": frozenset({"06"}),
    }
    targets = {
        "T1": frozenset({"01", "02"}),
        "T2": frozenset({"03"}),
        "T3": frozenset({"04", "05"}),
        "T4": frozenset({"06"}),
        "T5": frozenset({"07"}),
    }
    assert merge_into_targets(targets=targets, available=available) == (
        (("T1",), ("A (1-2)",)),
        (("T2", "T3"), ("B (3-5)",)),
        (("T4",), ("L (6)",)),
    )


def test_bridge_rules_flag_inconsistent_links() -> None:
    def link(ksic: str, isic: str, kind: str, group: str) -> BridgeLink:
        return BridgeLink(
            ksic_division=ksic,
            ksic_section="C",
            ksic_name_ko="",
            isic_division=isic,
            link=kind,
            harmonised_group=group,
            decision="accept",
            note="",
        )

    links = [
        link("26", "26", "full", "26"),
        link("26", "27", "full", "26"),
        link("27", "26", "part", "26+32"),
    ]
    links.append(link("27", "32", "part", "26+32"))
    assert [p.message.split(" ")[:4] for p in _bridge_problems(links, file="b.csv")] == [
        ["KSIC", "division", "26", "needs"],
        ["KSIC", "division", "26:", "harmonised_group"],
        ["ISIC", "division", "26", "is"],
    ]
