"""KOSIS economically active population by sido, 2000–2024 (annual averages of the monthly survey).

File: Statistics Korea *Economically Active Population Survey* (경제활동인구조사) by sido, re-hosted in
long form by github.com/yun0612/region-insight; counts are persons (KOSIS publishes thousands) and
rates are percentages. Sejong is surveyed separately from 2017.
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Source
from innotwin.core.atlas.sources._kosis_long import Item, load_long

__all__ = ["ECONOMICALLY_ACTIVE_POPULATION", "load"]

ECONOMICALLY_ACTIVE_POPULATION = Source(
    key="kosis-eaps",
    publisher="KOSTAT (KOSIS)",
    dataset="EA Population Survey",
    url="https://kosis.kr/",
    licence="KOGL-Type1",
    via="github.com/yun0612/region-insight@d767bb1 (JSON converted to CSV)",
)
_ITEMS = {
    "employed": Item(indicator_code="employed_persons", unit="persons"),
    "economically_active": Item(indicator_code="economically_active_persons", unit="persons"),
    "unemployment_rate": Item(indicator_code="unemployment_rate", unit="%"),
    "employment_rate_15_64": Item(indicator_code="employment_rate_15_64", unit="%"),
    "population_15_over": None,
    "unemployed": None,
    "economically_inactive": None,
    "labor_force_participation_rate": None,
    "employment_rate": None,
}


def load(*, path: Path, geography: Geography) -> LoadResult:
    """Employed and economically active persons, unemployment and employment rates per sido and year."""
    return load_long(path=path, geography=geography, items=_ITEMS, source=ECONOMICALLY_ACTIVE_POPULATION)
