from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from innotwin.atlas.models import Observation
from innotwin.cli.main import cli


def test_atlas_show_as_json_lists_values_with_sources(atlas) -> None:
    result = CliRunner().invoke(cli, ["atlas", "show", "KR-26", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    population = next(row for row in rows if row["indicator"] == "population")
    assert population["licence"] == "KOGL-Type1"
    assert population["source"].startswith("MOIS")


def test_atlas_list_as_csv(atlas) -> None:
    result = CliRunner().invoke(cli, ["atlas", "list", "--level", "kr-sido", "--format", "csv"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert lines[0] == "code,country_id,level,name_en,name_ko,parent_id"
    assert len(lines) == 18


def test_atlas_indicators_table(atlas) -> None:
    result = CliRunner().invoke(cli, ["atlas", "indicators"])
    assert result.exit_code == 0
    assert "population" in result.output


def test_atlas_import_of_a_real_file_replaces_that_source(atlas, shared_data: Path, settings) -> None:
    settings.SHARED_DATA_DIR = shared_data
    path = shared_data / "kr_regional" / "kosis_population_by_sido_gender_long.csv"
    result = CliRunner().invoke(cli, ["atlas", "import", str(path), "--source", "kosis_population"])
    assert result.exit_code == 0, result.output
    assert "Imported" in result.output
    assert Observation.objects.filter(region_id="KR-26", indicator_id="population").exists()


def test_atlas_import_of_a_broken_file_stores_nothing(
    atlas, shared_data: Path, settings, tmp_path: Path
) -> None:
    settings.SHARED_DATA_DIR = shared_data
    source = shared_data / "kr_regional" / "kosis_population_by_sido_gender_long.csv"
    broken = tmp_path / "population.csv"
    lines = source.read_text(encoding="utf-8").splitlines()
    busan = next(
        i for i, line in enumerate(lines) if line.startswith("부산광역시,") and "total_population" in line
    )
    lines[busan] = lines[busan].rsplit(",", 1)[0] + ",many"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = Observation.objects.count()
    result = CliRunner().invoke(cli, ["atlas", "import", str(broken), "--source", "kosis_population"])
    assert result.exit_code != 0
    assert f"{broken}:{busan + 1}:value" in str(result.exception)
    assert Observation.objects.count() == before


def test_atlas_import_unknown_source_names_the_known_ones(atlas, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["atlas", "import", str(tmp_path / "x.csv"), "--source", "nope"])
    assert result.exit_code != 0
    assert "No source is named 'nope'" in str(result.exception)


def test_atlas_build_reproduces_the_committed_bundle(shared_data: Path, tmp_path: Path) -> None:
    from innotwin.core.atlas.bundle_read import bundled_atlas_dir

    result = CliRunner().invoke(cli, ["atlas", "build", "--from", str(shared_data), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    committed = bundled_atlas_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in committed.glob("*.csv"))
    for path in committed.glob("*.csv"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
