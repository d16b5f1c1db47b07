"""ONS local authority districts (December 2022, UK) with their centroids.

File: the ONS Open Geography *Local Authority Districts (December 2022) Boundaries UK* attribute table
(codes, names, British National Grid and WGS84 centroid), re-hosted in github.com/DanOlner/FirmAnalysis.
"""

from __future__ import annotations

import re
from pathlib import Path

from innotwin.core.atlas.csvio import Missing, ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.model import Region, RegionLevel, Source

__all__ = ["LAD_CENTROIDS", "read_regions"]

LAD_CENTROIDS = Source(
    key="ons-lad-2022",
    publisher="ONS Open Geography Portal",
    dataset="Local Authority Districts (December 2022) UK",
    url="https://geoportal.statistics.gov.uk/",
    licence="OGL-3.0",
    via="github.com/DanOlner/FirmAnalysis@bcf06e4",
)
_LAD_CODE = re.compile(r"^[ENSW]\d{8}$")


def read_regions(*, path: Path) -> tuple[Region, ...]:
    """Every UK local authority district with its WGS84 centroid."""
    table = read_table(path, columns=("LAD22CD", "LAD22NM", "LAT", "LONG"))
    log = ProblemLog(table.file)
    keys = UniqueKeys(log, columns=("LAD22CD",))
    regions = []
    for row in table:
        code = row["LAD22CD"].strip()
        if not _LAD_CODE.match(code):
            log.add(
                f"'{code}' is not a GSS district code (a letter E, N, S or W and 8 digits).",
                line=row.line,
                field="LAD22CD",
            )
            continue
        lat, lon = log.number(row, "LAT"), log.number(row, "LONG")
        if not keys.add(code, row) or lat is None or lon is None:
            continue
        name = row["LAD22NM"].strip()
        regions.append(
            Region(
                code=code,
                country="GB",
                level=RegionLevel.UK_LAD,
                name_en=name,
                name_ko=name,
                lat=None if isinstance(lat, Missing) else lat,
                lon=None if isinstance(lon, Missing) else lon,
            )
        )
    log.raise_if_any()
    return tuple(regions)
