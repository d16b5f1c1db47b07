from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from innotwin.atlas.domain.store_atlas import store_bundle
from innotwin.atlas.models import Gap, Observation
from innotwin.core.atlas.bundle_read import bundled_atlas_dir, read_bundle
from innotwin.core.errors import DataError
from innotwin.regions.models import Region


def test_store_bundle_stores_every_row_with_its_source(atlas) -> None:
    bundle = read_bundle(bundled_atlas_dir())
    assert atlas.observations == len(bundle.observations) == Observation.objects.count()
    assert atlas.regions == len(bundle.regions) == Region.objects.count()
    assert Gap.objects.count() == len(bundle.gaps)
    assert Observation.objects.filter(source__licence="").count() == 0


def test_store_bundle_twice_keeps_one_copy(atlas) -> None:
    again = store_bundle(bundle=read_bundle(bundled_atlas_dir()))
    assert Observation.objects.count() == again.observations == atlas.observations


def test_stored_population_matches_the_published_figure(atlas, shared_data: Path) -> None:
    # ONS mid-year estimate for Merseyside (ITL2 TLD7), 2021, as printed in the ONS regional GDP workbook.
    path = shared_data / "uk_regional" / "ons_gdp_population_all_itl_regions_1998_2021_long.csv"
    with path.open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["itl_code"] == "TLD7" and r["year"] == "2021")
    observation = Observation.objects.get(region_id="TLD7", indicator_id="population", period=2021)
    assert observation.source.publisher == "ONS"
    assert observation.value == float(row["population"]) == 1_551_722


def test_read_bundle_with_a_bad_cell_lists_file_line_and_field_and_stores_nothing(
    atlas, tmp_path: Path
) -> None:
    broken = tmp_path / "bundle"
    shutil.copytree(bundled_atlas_dir(), broken)
    lines = (broken / "observations.csv").read_text(encoding="utf-8").splitlines()
    fields = lines[5].split(",")
    fields[5] = "lots"
    lines[5] = ",".join(fields)
    (broken / "observations.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = Observation.objects.count()
    with pytest.raises(DataError) as caught:
        store_bundle(bundle=read_bundle(broken))
    problem = caught.value.problems[0]
    assert (Path(problem.file or "").name, problem.line, problem.field) == ("observations.csv", 6, "value")
    assert Observation.objects.count() == before


def test_store_bundle_with_unknown_region_stores_nothing(atlas, tmp_path: Path) -> None:
    broken = tmp_path / "bundle"
    shutil.copytree(bundled_atlas_dir(), broken)
    text = (broken / "observations.csv").read_text(encoding="utf-8")
    header, first, rest = text.split("\n", 2)
    (broken / "observations.csv").write_text(
        "\n".join([header, "ZZ99" + first[first.index(",") :], rest]), encoding="utf-8"
    )
    before = Observation.objects.count()
    with pytest.raises(DataError, match="unknown region ZZ99"):
        store_bundle(bundle=read_bundle(broken))
    assert Observation.objects.count() == before
