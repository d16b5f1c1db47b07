"""KOSIS registered resident population by sido and sex, 2000–2024 (31 December of each year).

File: resident registration population (주민등록인구, Ministry of the Interior and Safety, published on
KOSIS), re-hosted in long form by github.com/yun0612/region-insight. Only the total is loaded; Sejong has
no value before it was created in 2012 (recorded as gaps).
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Source
from innotwin.core.atlas.sources._kosis_long import Item, load_long

__all__ = ["REGISTERED_POPULATION", "load"]

REGISTERED_POPULATION = Source(
    key="kosis-registered-population",
    publisher="MOIS (KOSIS)",
    dataset="Resident registration",
    url="https://kosis.kr/",
    licence="KOGL-Type1",
    via="github.com/yun0612/region-insight@d767bb1 (JSON converted to CSV)",
)
_ITEMS = {
    "total_population": Item(indicator_code="population", unit="persons"),
    "male_population": None,
    "female_population": None,
}


def load(*, path: Path, geography: Geography) -> LoadResult:
    """Registered population (persons) of Korea and each sido per year."""
    return load_long(path=path, geography=geography, items=_ITEMS, source=REGISTERED_POPULATION)
