"""KOSIS gross regional domestic product per capita by sido, 1985–2021 (KOSIS table DT_1C86).

File: the English KOSIS download *Regional GDP, Gross regional income and Individual income* re-hosted by
github.com/guyabel/migest; values in thousand KRW at current prices, loaded in KRW. Sido appear from the
year they exist (Ulsan 1998, Sejong 2013).
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Source
from innotwin.core.atlas.sources._common import Collector
from innotwin.core.atlas.sources._kosis_long import region_of

__all__ = ["GRDP_PER_CAPITA", "load"]

GRDP_PER_CAPITA = Source(
    key="kosis-dt-1c86",
    publisher="KOSTAT (KOSIS)",
    dataset="KOSIS DT_1C86",
    url="https://kosis.kr/statHtml/statHtml.do?orgId=101&tblId=DT_1C86",
    licence="KOGL-Type1",
    via="github.com/guyabel/migest@690b0f7 (xlsx converted to CSV)",
)
_THOUSAND = 1000.0


def load(*, path: Path, geography: Geography) -> LoadResult:
    """GRDP per capita (KRW, current prices) per sido and year."""
    table = read_table(path, columns=("year", "region_en", "grdp_per_capita_thousand_krw"))
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("year", "region_en"))
    for row in table:
        region = region_of(
            row["region_en"], collector=collector, geography=geography, row=row, column="region_en"
        )
        year = collector.log.year(row, "year")
        if region is None or year is None or not keys.add((year, region), row):
            continue
        collector.add(
            collector.log.number(row, "grdp_per_capita_thousand_krw"),
            region_code=region,
            indicator_code="gdp_per_head",
            period=year,
            unit="KRW",
            source=GRDP_PER_CAPITA,
            scale=_THOUSAND,
        )
    return collector.result()
