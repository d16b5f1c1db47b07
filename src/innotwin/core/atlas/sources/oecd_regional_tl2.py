"""OECD regional GDP (USD PPP), population and GDP per head for TL2 regions, 2000–2020.

File: ``gdp_pop_tl2_00_20_imputed_l.csv`` of the OECD *Regional Outlook 2023* country pages
(github.com/oecd-cfe-eds/ro2023-country-pages), every OECD country. GDP is in USD million at constant
prices and PPP (the extract does not state the base year). UK TL2 regions are ITL1 regions; Korea's TL2
are seven macro-regions (capital region, Gyeongnam, …), which become ``OECD-KR01`` … regions.
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Region, RegionLevel
from innotwin.core.atlas.sources._common import Collector
from innotwin.core.atlas.sources._oecd import oecd_region, record_oecd_row

__all__ = ["load"]

_MEASURES = (
    ("GDP", "oecd_gdp_usd_ppp", "USD million (PPP, constant prices)"),
    ("POP", "oecd_population", "persons"),
    ("GDP_PC", "oecd_gdp_per_head_usd_ppp", "USD (PPP, constant prices)"),
)


def load(*, path: Path, geography: Geography) -> LoadResult:
    """GDP, population and GDP per head of every TL2 region and year; new regions for OECD-only units."""
    table = read_table(path, columns=("REG_ID", "TIME", "GDP", "POP", "GDP_PC", "iso3", "reg_name"))
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("REG_ID", "TIME"))
    equivalents = geography.oecd_equivalents()
    regions: dict[str, Region] = {}
    for row in table:
        year = collector.log.year(row, "TIME")
        mapped = oecd_region(
            code=row["REG_ID"].strip(),
            iso3=row["iso3"].strip(),
            name=row["reg_name"].strip(),
            level=RegionLevel.OECD_TL2,
            equivalents=equivalents,
            collector=collector,
            row=row,
        )
        if mapped is None or year is None or not keys.add((mapped[0], year), row):
            continue
        record_oecd_row(
            collector=collector, row=row, mapped=mapped, year=year, measures=_MEASURES, regions=regions
        )
    collector.regions.extend(regions[code] for code in sorted(regions))
    return collector.result()
