"""The theme map: the shipped file and its validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from innotwin.core.errors import ConfigurationError
from innotwin.core.pairing import load_theme_map
from innotwin.core.pairing.themes import BUILTIN_THEMES_FILE

EXPECTED_THEMES = [
    "maritime_ports",
    "advanced_manufacturing",
    "digital_cyber",
    "net_zero_clean_energy",
    "health_life_sciences",
    "mobility",
    "creative_industries",
    "fintech",
    "space_satellites",
    "smart_cities",
    "hydrogen",
]


def test_load_theme_map_reads_every_theme_with_both_names_and_pillars():
    themes = load_theme_map()
    assert [theme.id for theme in themes.themes] == EXPECTED_THEMES
    assert all(theme.name_en and theme.name_ko and theme.pillars for theme in themes.themes)
    assert [pillar.id for pillar in themes.pillars] == ["civic", "academic", "business"]
    assert themes.pillar("civic").name_ko == "행정·정책 교류"


def test_theme_map_divisions_are_isic_division_codes():
    divisions = {division for theme in load_theme_map().themes for division in theme.isic_divisions}
    assert all(len(code) == 2 and code.isdigit() for code in divisions)


def test_themes_for_grouped_label_unions_its_divisions():
    # 26 (electronics) and 32 (other manufacturing incl. medical instruments).
    themes = load_theme_map().themes_for("26+32")
    assert [theme.id for theme in themes] == [
        "advanced_manufacturing",
        "digital_cyber",
        "health_life_sciences",
        "space_satellites",
    ]


def test_membership_marks_industries_of_each_theme():
    themes = load_theme_map()
    membership = themes.membership(["50", "64", "01"])
    assert membership[EXPECTED_THEMES.index("maritime_ports")].tolist() == [True, False, False]
    assert membership[EXPECTED_THEMES.index("fintech")].tolist() == [False, True, False]
    assert membership[:, 2].sum() == 0


def test_load_theme_map_with_unknown_pillar_names_file_and_key(tmp_path: Path):
    path = tmp_path / "themes.yaml"
    text = BUILTIN_THEMES_FILE.read_text(encoding="utf-8").replace(
        "pillars: [civic, business]", "pillars: [civic, trade]"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigurationError) as error:
        load_theme_map(path)
    assert str(error.value) == (
        f"{path}: themes.fintech.pillars: must name pillars from ['civic', 'academic', 'business']. "
        "Got ['trade'] instead."
    )


def test_load_theme_map_with_missing_korean_name_names_file_and_key(tmp_path: Path):
    path = tmp_path / "themes.yaml"
    path.write_text(
        BUILTIN_THEMES_FILE.read_text(encoding="utf-8").replace("name_ko: 수소", "name_ko: ''"),
        encoding="utf-8",
    )
    with pytest.raises(ConfigurationError) as error:
        load_theme_map(path)
    assert str(error.value) == f"{path}: themes.hydrogen.name_ko: must be a non-empty string. Got '' instead."
