"""OECD population and GDP per head (USD PPP) for TL3 regions and metropolitan areas, 2000–2020.

File: ``gdp_pop_00_20_imputed_agg_l.csv`` of the OECD *Regional Outlook 2023* country pages: TL3 regions,
with those forming a metropolitan area replaced by the metropolitan aggregate (codes ending in ``M``;
``MC`` for capital metros). UK TL3 regions are ITL3 regions and Korea's are sido, so units that are not
aggregated map to them; metropolitan areas become ``OECD-…`` regions (``OECD-UK004M`` Glasgow). In this
extract Korea's capital region is one metro (``KR01MC``: Seoul, Incheon, Gyeonggi) and Sejong is inside
``KR053`` with Chungcheongnam-do.
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
    ("POP", "oecd_population", "persons"),
    ("GDP_PC", "oecd_gdp_per_head_usd_ppp", "USD (PPP, constant prices)"),
)
_NAME = "Regional name (eng)"


def load(*, path: Path, geography: Geography) -> LoadResult:
    """Population and GDP per head of every TL3 region or metropolitan area and year."""
    table = read_table(path, columns=("REG_ID", "TIME", "GDP_PC", "POP", "iso3", _NAME))
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("REG_ID", "TIME"))
    equivalents = geography.oecd_equivalents()
    regions: dict[str, Region] = {}
    for row in table:
        year = collector.log.year(row, "TIME")
        code = row["REG_ID"].strip()
        mapped = oecd_region(
            code=code,
            iso3=row["iso3"].strip(),
            name=row[_NAME].strip(),
            level=RegionLevel.OECD_METRO if code.endswith(("M", "MC")) else RegionLevel.OECD_TL3,
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
