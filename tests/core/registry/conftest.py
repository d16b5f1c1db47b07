"""A region index like the full atlas's for the register readers: the 17 Korean sido and every UK local
authority district with its ONS centroid, read from the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from innotwin.core.atlas.geography import korean_sidos
from innotwin.core.atlas.sources.ons_lad_centroids import read_regions
from innotwin.core.registry.regions import RegionIndex, RegionRef


@pytest.fixture(scope="session")
def atlas_index(shared_data: Path) -> RegionIndex:
    sido = [
        RegionRef(code=s.iso_code, country="KR", level="kr-sido", name_en=s.name_en, name_ko=s.name_ko)
        for s in korean_sidos()
    ]
    districts = [
        RegionRef(
            code=r.code,
            country="GB",
            level="uk-lad",
            name_en=r.name_en,
            name_ko=r.name_ko,
            latitude=r.lat,
            longitude=r.lon,
        )
        for r in read_regions(path=shared_data / "geo" / "ons_LAD_Dec2022_UK_centroids.csv")
    ]
    return RegionIndex.of([*sido, *districts])
