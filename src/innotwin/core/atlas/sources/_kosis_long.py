"""Reading KOSIS tables re-hosted in long form: ``region, year, item, value`` with Korean sido names."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, Row, UniqueKeys, read_table
from innotwin.core.atlas.geography import Geography, kr_sido
from innotwin.core.atlas.model import LoadResult, Source
from innotwin.core.atlas.sources._common import Collector

__all__ = ["NATIONAL_NAMES", "Item", "load_long", "region_of"]

NATIONAL_NAMES = frozenset({"전국", "Whole country"})
"""How KOSIS tables name the whole country."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Item:
    """How one ``item`` of a long table becomes an indicator."""

    indicator_code: str
    unit: str


def region_of(name: str, *, collector: Collector, geography: Geography, row: Row, column: str) -> str | None:
    """The region code of a KOSIS region name (``전국`` → ``KR``); a problem for an unknown name."""
    text = name.strip()
    if text in NATIONAL_NAMES:
        return "KR"
    sido = kr_sido(text)
    if sido is None:
        collector.log.add(
            f"Unknown region '{text}': expected a Korean sido name such as 부산광역시 or Busan, or 전국.",
            line=row.line,
            field=column,
        )
        return None
    return collector.known_region(geography, sido.iso_code, row, column)


def load_long(
    *, path: Path, geography: Geography, items: Mapping[str, Item | None], source: Source
) -> LoadResult:
    """Load a long KOSIS table; ``items`` maps each expected item to an :class:`Item`, or None to skip it."""
    table = read_table(path, columns=("region", "year", "item", "value"))
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("region", "year", "item"))
    choices = {name: name for name in items}
    for row in table:
        region = region_of(row["region"], collector=collector, geography=geography, row=row, column="region")
        year = collector.log.year(row, "year")
        name = collector.log.choice(row, "item", choices)
        if region is None or year is None or name is None or not keys.add((region, year, name), row):
            continue
        item = items[name]
        if item is None:
            continue
        collector.add(
            collector.log.number(row, "value"),
            region_code=region,
            indicator_code=item.indicator_code,
            period=year,
            unit=item.unit,
            source=source,
        )
    return collector.result()
