"""ONS business demography by local authority district, 2017–2022: active, 10+ employee, born, dead and
high-growth enterprises.

Files: five long tables (``code, region, year, count``), one per measure, from ONS *Business demography,
UK* (2022 edition) re-hosted in github.com/DanOlner/FirmAnalysis. The measure is read from the file name
(``..._active_enterprises_...``, ``..._active10plus_...``, ``..._births_...``, ``..._deaths_...``,
``..._highgrowth_...``).
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Source
from innotwin.core.atlas.sources._common import Collector

__all__ = ["BUSINESS_DEMOGRAPHY", "MEASURES", "load"]

BUSINESS_DEMOGRAPHY = Source(
    key="ons-business-demography",
    publisher="ONS",
    dataset="Business demography 2022",
    url="https://www.ons.gov.uk/businessindustryandtrade/business/activitysizeandlocation/datasets/businessdemographyreferencetable",
    licence="OGL-3.0",
    via="github.com/DanOlner/FirmAnalysis@bcf06e4",
)
MEASURES = {
    "_active10plus_": "enterprises_active_10plus",
    "_active_enterprises_": "enterprises_active",
    "_births_": "enterprise_births",
    "_deaths_": "enterprise_deaths",
    "_highgrowth_": "enterprises_high_growth",
}
"""File-name fragment → indicator code."""


def load(*, path: Path, geography: Geography) -> LoadResult:
    """The file's measure (a count of enterprises) per district and year."""
    table = read_table(path, columns=("code", "region", "year", "count"))
    collector = Collector(ProblemLog(table.file))
    indicators = [code for fragment, code in MEASURES.items() if fragment in path.name]
    if len(indicators) != 1:
        fragments = ", ".join(f"'{fragment}'" for fragment in MEASURES)
        collector.log.add(
            f"The file name must contain exactly one of {fragments} to say which measure it holds."
        )
        return collector.result()
    keys = UniqueKeys(collector.log, columns=("code", "year"))
    for row in table:
        region = collector.known_region(geography, row["code"].strip(), row, "code")
        year = collector.log.year(row, "year")
        if region is None or year is None or not keys.add((region, year), row):
            continue
        collector.add(
            collector.log.number(row, "count"),
            region_code=region,
            indicator_code=indicators[0],
            period=year,
            unit="enterprises",
            source=BUSINESS_DEMOGRAPHY,
        )
    return collector.result()
