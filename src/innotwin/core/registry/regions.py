"""Finding the region an organisation belongs to, from what an import file or a register says.

The Django side builds a :class:`RegionIndex` from the regions in the database; the index knows nothing of
Django. A file may name a region by its official code (``E08000019``, ``KR-26``), by its English or Korean
name (``Sheffield``, ``부산광역시``) or, for a Korean sido, by any name :func:`kr_sido` knows (``부산``).
A name shared by several regions (``West Midlands`` is an ITL1 region, an ITL2 region and a combined
authority) is ambiguous and must be given as a code.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from innotwin.core.atlas.geography import kr_sido
from innotwin.core.registry.vocabulary import lookup_key

__all__ = ["RegionIndex", "RegionRef", "Resolution", "distance_km"]


@dataclass(frozen=True, kw_only=True, slots=True)
class RegionRef:
    """What the registry needs to know of one region."""

    code: str
    country: str
    level: str
    name_en: str
    name_ko: str
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of looking a region up: the region, or why there is none."""

    region: RegionRef | None
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.region is None and len(self.candidates) > 1


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius 6,371 km)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True)
class RegionIndex:
    """Regions by code and by name, and the nearest region to a point."""

    regions: tuple[RegionRef, ...]
    _by_code: dict[str, RegionRef] = field(init=False, repr=False)
    _by_name: dict[str, tuple[RegionRef, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_code = {region.code: region for region in self.regions}
        by_name: dict[str, list[RegionRef]] = {}
        for region in self.regions:
            for name in {region.name_en, region.name_ko} - {""}:
                by_name.setdefault(lookup_key(name), []).append(region)
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_by_name", {key: tuple(value) for key, value in by_name.items()})

    @classmethod
    def of(cls, regions: Iterable[RegionRef]) -> RegionIndex:
        return cls(tuple(regions))

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> RegionRef | None:
        """The region with this official code, or ``None``."""
        return self._by_code.get(code.strip())

    def resolve(self, text: str) -> Resolution:
        """The region ``text`` names: a code, a unique English or Korean name, or a Korean sido name."""
        text = text.strip()
        if not text:
            return Resolution(None)
        by_code = self._by_code.get(text) or self._by_code.get(text.upper())
        if by_code is not None:
            return Resolution(by_code)
        matches = self._by_name.get(lookup_key(text), ())
        if len(matches) == 1:
            return Resolution(matches[0])
        if len(matches) > 1:
            return Resolution(None, tuple(sorted(region.code for region in matches)))
        sido = kr_sido(text)
        if sido is not None and sido.iso_code in self._by_code:
            return Resolution(self._by_code[sido.iso_code])
        return Resolution(None)

    def nearest(
        self, latitude: float, longitude: float, *, country: str, levels: Iterable[str], max_km: float
    ) -> RegionRef | None:
        """The region of ``country`` at one of ``levels`` whose centroid is nearest, within ``max_km``."""
        wanted = set(levels)
        best: tuple[float, RegionRef] | None = None
        for region in self.regions:
            if region.country != country or region.level not in wanted:
                continue
            if region.latitude is None or region.longitude is None:
                continue
            distance = distance_km(latitude, longitude, region.latitude, region.longitude)
            if distance <= max_km and (best is None or distance < best[0]):
                best = (distance, region)
        return None if best is None else best[1]
