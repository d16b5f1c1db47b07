"""Reading the two small Korean R&D tables (sido code, year, value, unit, flag)."""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import Gap, LoadResult, Source
from innotwin.core.atlas.sources._common import Collector
from innotwin.core.atlas.sources._kosis_sido_code import region_of_kosis_code

__all__ = ["load_rnd_table"]


def load_rnd_table(
    *,
    path: Path,
    geography: Geography,
    value_column: str,
    expected_unit: str,
    indicator_code: str,
    unit: str,
    scale: float,
    source: Source,
) -> LoadResult:
    """Load one table; a value whose ``flag`` starts with ``suspect`` becomes a gap, not an observation."""
    table = read_table(path, columns=("sido_code", "year", value_column, "unit", "flag"))
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("sido_code", "year"))
    for row in table:
        log = collector.log
        region = region_of_kosis_code(
            row["sido_code"], collector=collector, geography=geography, row=row, column="sido_code"
        )
        year = log.year(row, "year")
        if row["unit"].strip() != expected_unit:
            log.add(
                f"The unit is '{row['unit'].strip()}' but this table must be in '{expected_unit}'; "
                "convert the values or fix the unit.",
                line=row.line,
                field="unit",
            )
            continue
        if region is None or year is None or not keys.add((region, year), row):
            continue
        value = log.number(row, value_column)
        flag = row["flag"].strip()
        if flag.lower().startswith("suspect") and value is not None:
            collector.gaps.append(
                Gap(
                    region_code=region,
                    indicator_code=indicator_code,
                    period=year,
                    reason=f"value excluded as flagged in the source: {flag}",
                    source_key=source.key,
                )
            )
            continue
        collector.add(
            value,
            region_code=region,
            indicator_code=indicator_code,
            period=year,
            unit=unit,
            source=source,
            note=flag,
            scale=scale,
        )
    return collector.result()
