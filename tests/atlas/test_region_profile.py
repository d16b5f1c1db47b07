from __future__ import annotations

import csv

import pytest

from innotwin.atlas.domain.region_profile import region_profile
from innotwin.core.errors import NotFoundError


def test_region_profile_location_quotient_matches_kosis_published_value(atlas, shared_data) -> None:
    # KOSIS publishes the location quotient of every sido × KSIC division; water transport (KSIC 50) maps
    # one-to-one to ISIC 50, so our LQ for Busan must equal the published one to its printed precision.
    path = (
        shared_data
        / "kr_regional_industry"
        / "kosis_business_census_2023_workers_by_sido_ksic10_division.csv"
    )
    with path.open(encoding="utf-8") as handle:
        published = next(
            float(row["location_quotient"])
            for row in csv.DictReader(handle)
            if row["sido_en"] == "Busan" and row["ksic10_division"] == "50"
        )
    structure = region_profile(code="KR-26").structure
    assert structure is not None
    row = next(r for r in structure.rows if r.industry.code == "50")
    assert round(row.location_quotient, 3) == published
    assert structure.peers == 17
    assert structure.indicator.code == "workers_establishment_census"


def test_region_profile_shares_sum_to_one(atlas) -> None:
    structure = region_profile(code="TLD7").structure
    assert structure is not None
    assert round(sum(row.share for row in structure.rows), 9) == 1.0
    assert structure.indicator.code == "employment_bres"


def test_region_profile_figures_are_latest_year_with_source(atlas) -> None:
    figures = {f.indicator.code: f for f in region_profile(code="KR-26").figures}
    population = figures["population"]
    assert population.period == max(
        o.period for o in population.observation.region.observations.filter(indicator_id="population")
    )
    assert population.publisher
    assert population.licence == "KOGL-Type1"


def test_region_profile_shows_known_gaps(atlas) -> None:
    gaps = {gap.indicator_id for gap in region_profile(code="KR-26").gaps}
    assert "epo_patent_applications" in gaps


def test_region_profile_unknown_code_is_not_found(atlas) -> None:
    with pytest.raises(NotFoundError, match="no region with the code NOWHERE"):
        region_profile(code="NOWHERE")
