"""University lists: Korean four-year universities (대학알리미) and UK university campuses.

Korean universities: the register number is the 대학알리미 school code; the region is the sido of the
address (``sido``); the website and coordinates are kept. UK campuses: the list has one row per campus
and no identifier, so the university's name is its register number and its first campus places it: in
the local authority district whose centroid is nearest, within 20 km (see
:func:`~innotwin.core.registry.registers._common.place_uk_point`). A university whose campus is near no
region of the atlas is skipped.
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.geography import kr_sido
from innotwin.core.errors import DataError, Problem
from innotwin.core.registry.records import OrganisationRecord
from innotwin.core.registry.regions import RegionIndex
from innotwin.core.registry.registers._common import RegisterReader, header_of, number, place_uk_point

__all__ = ["KoreanUniversitiesReader", "UkCampusesReader", "universities_reader"]


class KoreanUniversitiesReader(RegisterReader):
    source = "kr-universities"
    columns = ("code", "name", "link", "location", "longitude", "latitude", "sido")

    def record(self, line: int, row: dict[str, str]) -> OrganisationRecord | None:
        sido = kr_sido(row["sido"]) if row["sido"] else None
        region = self.regions.get(sido.iso_code) if sido is not None else None
        if region is None:
            self.skip(f"sido {row['sido'] or '(none)'} is not in the atlas")
            return None
        parts = row["location"].split()
        return OrganisationRecord(
            line=line,
            name_en="",
            name_ko=row["name"][:200],
            type="university",
            region=region.code,
            website=self.website(row["link"]),
            external_id=row["code"],
            locality=parts[1][:100] if len(parts) > 1 else "",
            latitude=number(row["latitude"]),
            longitude=number(row["longitude"]),
        )


class UkCampusesReader(RegisterReader):
    source = "uk-university-campuses"
    columns = ("name", "latitude", "longitude")

    def __init__(self, path: Path, *, regions: RegionIndex) -> None:
        super().__init__(path, regions=regions)
        self._seen: set[str] = set()

    def record(self, line: int, row: dict[str, str]) -> OrganisationRecord | None:
        name = row["name"]
        if name in self._seen:
            self.skip("further campus of a university already read")
            return None
        self._seen.add(name)
        latitude, longitude = number(row["latitude"]), number(row["longitude"])
        region = (
            None
            if latitude is None or longitude is None
            else place_uk_point(self.regions, latitude, longitude)
        )
        if region is None:
            self.skip("campus is not within 20 km of a region in the atlas")
            return None
        return OrganisationRecord(
            line=line,
            name_en=name[:200],
            name_ko="",
            type="university",
            region=region.code,
            external_id=name[:64],
            latitude=latitude,
            longitude=longitude,
        )


def universities_reader(path: Path, *, regions: RegionIndex) -> RegisterReader:
    """The reader for a university list, chosen by its columns."""
    header = set(header_of(Path(path)))
    if "sido" in header and "code" in header:
        return KoreanUniversitiesReader(path, regions=regions)
    if {"name", "latitude", "longitude"} <= header:
        return UkCampusesReader(path, regions=regions)
    raise DataError(
        [
            Problem(
                "This is not a university list innotwin knows: expected the Korean 4-year university list "
                "(code, name, link, location, longitude, latitude, sido) or the UK campus list (name, "
                "latitude, longitude).",
                file=Path(path).name,
                line=1,
            )
        ]
    )
