"""Regions of the atlas and the code systems that name them.

Region codes are the official codes of each country's statistical geography, so that they stay unique
across countries:

* **UK** — ``UK`` (the country), ITL 2021 codes for ITL1/2/3 (``TLD``, ``TLD7``, ``TLD72``), GSS codes for
  local authority districts (``E08000012``) and combined authorities (``E47000004``). The parent of an ITL
  region is the code one character shorter. A district's parent is its combined authority where it has
  one; the shared data has no district→ITL lookup, so other districts have no parent.
* **Korea** — ``KR`` (the country); sido by their ISO 3166-2 code (``KR-26`` Busan), which is stable across
  the 2023–24 renamings; sigungu by ``KR-`` and their 5-digit KOSTAT statistical code from the 2010 code
  book (``KR-21010`` Busan Jung-gu; the first two digits are KOSTAT's sido number, 21 = Busan, not ISO's).
  Each sido's KOSIS code (``21``), administrative code (``26``) and OECD codes are in
  ``reference/kr_sido.csv`` and looked up with :func:`kr_sido`.
* **OECD units** that match no national region (Korea's TL2 macro-regions, metropolitan areas) are named
  ``OECD-`` + the OECD code (``OECD-KR01``, ``OECD-UK004M``). ``oecd_tl2``/``oecd_tl3`` of a region name
  the OECD units that contain or equal it: UK ITL regions take ``UK`` + their ITL code's letters (ITL 2021
  codes are the NUTS-based codes the OECD uses, with ``TL`` for ``UK``: ITL1 ``TLC`` = TL2 ``UKC``, ITL3
  ``TLD72`` = TL3 ``UKD72``); Korean sido take theirs from ``reference/kr_sido.csv``.

Korean names of UK regions come from ``reference/region_names_ko.csv`` (ITL1 and the programme's focus
places); other UK regions fall back to their English name. Centroids: districts have the ONS centroid;
combined authorities the mean of their districts' centroids; an ITL3 region that has the same name as
one district (e.g. ``Liverpool``) takes that district's centroid; sido take the point of their most
populous GeoNames city (a proxy). Other regions have no centroid.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache

from innotwin.core.atlas.model import Region, RegionLevel
from innotwin.core.atlas.reference import read_reference
from innotwin.core.errors import NotFoundError

__all__ = [
    "OECD_TL2_LEVELS",
    "OECD_TL3_LEVELS",
    "UK_AGGREGATES_NOT_REGIONS",
    "City",
    "Geography",
    "KoreanSido",
    "assemble_geography",
    "korean_names",
    "korean_sidos",
    "kr_sido",
    "kr_sido_by_kosis_code",
]

UK_AGGREGATES_NOT_REGIONS = frozenset({"TLB", "TLZ", "UKX"})
"""ONS codes of statistical aggregates that are not atlas regions: England (TLB, a UK country, for which
the atlas has no level), Extra-Regio (TLZ, activity no region can be given) and UK less Extra-Regio (UKX)."""

OECD_TL2_LEVELS = frozenset({RegionLevel.UK_ITL1})
"""Levels whose regions are OECD TL2 units (the UK's TL2 are ITL1; Korea's TL2 are macro-regions)."""
OECD_TL3_LEVELS = frozenset({RegionLevel.UK_ITL3, RegionLevel.KR_SIDO})
"""Levels whose regions are OECD TL3 units (the UK's TL3 are ITL3; Korea's TL3 are sido)."""

_RETIRED_NUTS2 = frozenset({"UKD2", "UKD5", "UKI1", "UKI2", "UKM2", "UKM3"})
"""NUTS2 codes of the 2006/2010 versions whose areas no ITL2 region has (Cheshire, Merseyside, London and
Scotland were redrawn in 2013 and 2016)."""
_FIRST_NUTS_WITH_CURRENT_SCOTLAND = 2016


@dataclass(frozen=True, kw_only=True, slots=True)
class KoreanSido:
    """One of the 17 Korean sido with every code system that numbers it."""

    iso_code: str
    kosis_code: str
    admin_code: str
    admin_code_previous: str
    name_ko: str
    name_ko_short: str
    name_en: str
    aliases: tuple[str, ...]
    oecd_tl2: str
    oecd_tl3: str
    geonames_admin1: str
    note: str


@dataclass(frozen=True, kw_only=True, slots=True)
class City:
    """A GeoNames populated place (population ≥ 5,000)."""

    geonameid: int
    name: str
    name_ko: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, kw_only=True)
class Geography:
    """All regions known to the atlas, with lookups between code systems."""

    regions: Mapping[str, Region]
    lad_to_combined_authority: Mapping[str, str] = field(default_factory=dict)
    cities: tuple[City, ...] = ()

    def __contains__(self, code: object) -> bool:
        return code in self.regions

    def region(self, code: str) -> Region:
        """The region with this code; :class:`NotFoundError` when there is none."""
        try:
            return self.regions[code]
        except KeyError:
            raise NotFoundError(f"No region has the code '{code}'.") from None

    def at_level(self, level: RegionLevel) -> tuple[Region, ...]:
        """Every region of one level, in code order."""
        return tuple(region for code, region in sorted(self.regions.items()) if region.level is level)

    def oecd_equivalents(self) -> Mapping[str, str]:
        """OECD TL2/TL3 code → code of the national region with exactly the same area.

        A region's ``oecd_tl2``/``oecd_tl3`` name the OECD units that contain *or equal* it; they equal it
        for the levels in :data:`OECD_TL2_LEVELS` and :data:`OECD_TL3_LEVELS`.
        """
        index: dict[str, str] = {}
        for code, region in self.regions.items():
            if region.level in OECD_TL2_LEVELS and region.oecd_tl2:
                index[region.oecd_tl2] = code
            if region.level in OECD_TL3_LEVELS and region.oecd_tl3:
                index[region.oecd_tl3] = code
        return index

    def itl2_for_nuts2(self, code: str, *, nuts_version: int) -> str | None:
        """The ITL2 code with the same area as NUTS2 ``code`` of the given NUTS version, or None.

        None for the extra-regio code ``UKZZ``, for codes retired before ITL 2021, and for Scottish codes of
        versions before 2016 (Scotland's NUTS2 regions were redrawn in 2016). Raises
        :class:`NotFoundError` for a code that is none of these and names no ITL2 region.
        """
        if code == "UKZZ" or code in _RETIRED_NUTS2:
            return None
        if code.startswith("UKM") and nuts_version < _FIRST_NUTS_WITH_CURRENT_SCOTLAND:
            return None
        itl = "TL" + code[2:] if code.startswith("UK") else code
        region = self.regions.get(itl)
        if region is None or region.level is not RegionLevel.UK_ITL2:
            raise NotFoundError(f"'{code}' is not a UK NUTS2 code that matches an ITL2 region.")
        return itl

    def find_city(self, name: str, *, country: str) -> City | None:
        """The most populous city of ``country`` whose English or Korean name is ``name``."""
        matches = [
            city
            for city in self.cities
            if city.country == country and (city.name == name or name in city.name_ko.split(";"))
        ]
        return max(matches, key=lambda city: city.population, default=None)


@cache
def korean_sidos() -> tuple[KoreanSido, ...]:
    """The 17 Korean sido from ``reference/kr_sido.csv``, in ISO code order."""
    columns = (
        "iso_code",
        "kosis_code",
        "admin_code",
        "admin_code_previous",
        "name_ko",
        "name_ko_short",
        "name_en",
        "aliases",
        "oecd_tl2",
        "oecd_tl3",
        "geonames_admin1",
        "note",
    )
    table = read_reference("kr_sido.csv", columns=columns)
    sidos = [
        KoreanSido(
            iso_code=row["iso_code"],
            kosis_code=row["kosis_code"],
            admin_code=row["admin_code"],
            admin_code_previous=row["admin_code_previous"],
            name_ko=row["name_ko"],
            name_ko_short=row["name_ko_short"],
            name_en=row["name_en"],
            aliases=tuple(alias for alias in row["aliases"].split(";") if alias),
            oecd_tl2=row["oecd_tl2"],
            oecd_tl3=row["oecd_tl3"],
            geonames_admin1=row["geonames_admin1"],
            note=row["note"],
        )
        for row in table
    ]
    return tuple(sorted(sidos, key=lambda sido: sido.iso_code))


@cache
def _sido_index() -> Mapping[str, KoreanSido]:
    index: dict[str, KoreanSido] = {}
    for sido in korean_sidos():
        names = (sido.iso_code, sido.name_ko, sido.name_ko_short, sido.name_en, *sido.aliases)
        for name in names:
            index[name] = sido
    return index


def kr_sido(name: str) -> KoreanSido | None:
    """The sido named by an ISO code, a full or short Korean name, or an English name or variant.

    ``'부산광역시'``, ``'부산'``, ``'Busan'`` and ``'KR-26'`` all give Busan; numeric codes are not accepted
    here because KOSIS and administrative numbering disagree (26 is Ulsan for KOSIS, Busan for MOIS):
    use :func:`kr_sido_by_kosis_code`.
    """
    return _sido_index().get(name.strip())


def kr_sido_by_kosis_code(code: str) -> KoreanSido | None:
    """The sido with this KOSIS (KOSTAT statistical) code, such as ``21`` for Busan."""
    return next((sido for sido in korean_sidos() if sido.kosis_code == code.strip()), None)


@cache
def korean_names() -> Mapping[str, str]:
    """Korean names of UK regions and OECD units, by region code (``reference/region_names_ko.csv``)."""
    table = read_reference("region_names_ko.csv", columns=("code", "name_en", "name_ko", "basis"))
    return {row["code"]: row["name_ko"] for row in table}


def assemble_geography(
    *,
    uk_regions: Iterable[Region],
    districts: Iterable[Region],
    combined_authorities: Iterable[Region],
    lad_to_combined_authority: Mapping[str, str],
    sigungu: Iterable[Region],
    cities: Iterable[City],
) -> Geography:
    """Join the regions read from each geography source, and add Korean sido, names and centroids."""
    city_list = tuple(sorted(cities, key=lambda city: city.geonameid))
    names_ko = korean_names()
    regions: dict[str, Region] = {}
    district_list = list(districts)
    for region in (*uk_regions, *district_list):
        regions[region.code] = replace(region, name_ko=names_ko.get(region.code, region.name_ko))
    members: dict[str, list[Region]] = {}
    for district in district_list:
        authority_code = lad_to_combined_authority.get(district.code)
        if authority_code is not None:
            regions[district.code] = replace(regions[district.code], parent_code=authority_code)
            members.setdefault(authority_code, []).append(district)
    for authority in combined_authorities:
        points = [
            (d.lat, d.lon) for d in members.get(authority.code, []) if d.lat is not None and d.lon is not None
        ]
        lat, lon = _mean_point(points)
        regions[authority.code] = replace(
            authority, name_ko=names_ko.get(authority.code, authority.name_ko), lat=lat, lon=lon
        )
    by_name: dict[str, list[Region]] = {}
    for district in district_list:
        by_name.setdefault(district.name_en, []).append(district)
    for code, region in list(regions.items()):
        same = by_name.get(region.name_en, [])
        if region.level is RegionLevel.UK_ITL3 and len(same) == 1:
            regions[code] = replace(region, lat=same[0].lat, lon=same[0].lon)
    regions["KR"] = Region(
        code="KR", country="KR", level=RegionLevel.COUNTRY, name_en="Republic of Korea", name_ko="대한민국"
    )
    for sido in korean_sidos():
        in_sido = [city for city in city_list if city.country == "KR" and city.admin1 == sido.geonames_admin1]
        largest = max(in_sido, key=lambda city: city.population, default=None)
        regions[sido.iso_code] = Region(
            code=sido.iso_code,
            country="KR",
            level=RegionLevel.KR_SIDO,
            name_en=sido.name_en,
            name_ko=sido.name_ko,
            parent_code="KR",
            lat=None if largest is None else largest.lat,
            lon=None if largest is None else largest.lon,
            oecd_tl2=sido.oecd_tl2 or None,
            oecd_tl3=sido.oecd_tl3 or None,
        )
    for region in sigungu:
        regions[region.code] = region
    return Geography(
        regions=dict(sorted(regions.items())),
        lad_to_combined_authority=dict(sorted(lad_to_combined_authority.items())),
        cities=city_list,
    )


def _mean_point(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return (
        round(sum(lat for lat, _ in points) / len(points), 5),
        round(sum(lon for _, lon in points) / len(points), 5),
    )
