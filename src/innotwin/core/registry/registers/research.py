"""Research-institute lists: the NST government research institutes, and the curated innovation anchors.

NST institutes: the register number is the institute's acronym (``KIST``); the region is the sido
(``sido_ko``); the type is research institute. Curated anchors (Catapult centres and research and
innovation anchors in the twin regions): Korean rows are placed by the sido named in ``city_or_site`` or
``target_region``; UK rows by their coordinates, as UK campuses are. The type is read from the free-text
``org_type``: a university stays a university, a cluster, technopark, science park, innovation centre or
district is a cluster or intermediary, an agency, authority or partnership is a public body, and anything
else (Catapults, institutes, laboratories, facilities) a research institute.
"""

from __future__ import annotations

import re
from pathlib import Path

from innotwin.core.atlas.geography import kr_sido
from innotwin.core.errors import DataError, Problem
from innotwin.core.registry.records import OrganisationRecord
from innotwin.core.registry.regions import RegionIndex, RegionRef
from innotwin.core.registry.registers._common import RegisterReader, header_of, number, place_uk_point

__all__ = ["AnchorsReader", "NstInstitutesReader", "anchor_type", "research_reader"]


class NstInstitutesReader(RegisterReader):
    source = "nst-institutes"
    columns = ("code", "name_ko", "name_en", "city_ko", "sido_ko", "lon", "lat")

    def record(self, line: int, row: dict[str, str]) -> OrganisationRecord | None:
        sido = kr_sido(row["sido_ko"]) if row["sido_ko"] else None
        region = self.regions.get(sido.iso_code) if sido is not None else None
        if region is None:
            self.skip(f"sido {row['sido_ko'] or '(none)'} is not in the atlas")
            return None
        return OrganisationRecord(
            line=line,
            name_en=row["name_en"][:200],
            name_ko=row["name_ko"][:200],
            type="research_institute",
            region=region.code,
            external_id=row["code"][:64],
            locality=row["city_ko"][:100],
            latitude=number(row["lat"]),
            longitude=number(row["lon"]),
        )


_UNIVERSITY = re.compile(r"universit", re.IGNORECASE)
_NOT_A_UNIVERSITY = re.compile(r"facility|centre|institute|catapult", re.IGNORECASE)
_TYPE_RULES = (
    (
        "cluster",
        re.compile(r"cluster|technopark|science park|innovation (centre|district|hub)|start-up", re.I),
    ),
    ("public_body", re.compile(r"agency|authority|partnership|government(?!-funded)", re.IGNORECASE)),
)


def anchor_type(text: str) -> str:
    """The organisation type of a curated anchor's free-text ``org_type`` (rules in the module docstring)."""
    if _UNIVERSITY.search(text) and not _NOT_A_UNIVERSITY.search(text):
        return "university"
    for kind, pattern in _TYPE_RULES:
        if pattern.search(text):
            return kind
    return "research_institute"


class AnchorsReader(RegisterReader):
    source = "innovation-anchors"
    columns = (
        "country",
        "target_region",
        "org_name_en",
        "org_name_ko",
        "org_type",
        "city_or_site",
        "lat",
        "lon",
    )

    def _region(self, row: dict[str, str]) -> RegionRef | None:
        if row["country"] == "KR":
            for text in (row["city_or_site"], row["target_region"]):
                sido = kr_sido(text.split(",")[0].strip()) if text else None
                if sido is not None:
                    return self.regions.get(sido.iso_code)
            return None
        latitude, longitude = number(row["lat"]), number(row["lon"])
        if latitude is None or longitude is None:
            return None
        return place_uk_point(self.regions, latitude, longitude)

    def record(self, line: int, row: dict[str, str]) -> OrganisationRecord | None:
        name = row["org_name_en"] or row["org_name_ko"]
        if not name:
            self.skip("no name")
            return None
        region = self._region(row)
        if region is None:
            self.skip("place is not in a region of the atlas")
            return None
        return OrganisationRecord(
            line=line,
            name_en=row["org_name_en"][:200],
            name_ko=row["org_name_ko"][:200],
            type=anchor_type(row["org_type"]),
            region=region.code,
            external_id=name[:64],
            locality=row["city_or_site"][:100],
            latitude=number(row["lat"]),
            longitude=number(row["lon"]),
        )


def research_reader(path: Path, *, regions: RegionIndex) -> RegisterReader:
    """The reader for a research-institute list, chosen by its columns."""
    header = set(header_of(Path(path)))
    if {"code", "sido_ko"} <= header:
        return NstInstitutesReader(path, regions=regions)
    if {"org_name_en", "org_type"} <= header:
        return AnchorsReader(path, regions=regions)
    raise DataError(
        [
            Problem(
                "This is not a research-institute list innotwin knows: expected the NST institute list "
                "(code, name_ko, name_en, sido_ko, …) or the curated anchors (country, org_name_en, "
                "org_type, …).",
                file=Path(path).name,
                line=1,
            )
        ]
    )
