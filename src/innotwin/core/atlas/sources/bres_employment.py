"""BRES employment by ITL2 region and SIC 2007 division, Great Britain (2015–2021).

File: NOMIS *Business Register and Employment Survey* open-access extract (employment = employees plus
working owners, rounded by NOMIS), converted from an RDS file of github.com/DanOlner/ukcompare. Regions
are given by NUTS2 2016 codes (``UKD7``), which name the same areas as ITL2 codes (``TLD7``). BRES
covers Great Britain only: Northern Ireland's BRES is published separately by NISRA.
"""

from __future__ import annotations

import re
from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.industries import SIC2007_CLASSIFICATION
from innotwin.core.atlas.model import LoadResult, Source
from innotwin.core.atlas.sources._common import Collector
from innotwin.core.errors import NotFoundError

__all__ = ["BRES", "load"]

BRES = Source(
    key="nomis-bres",
    publisher="ONS/NOMIS",
    dataset="BRES open access",
    url="https://www.nomisweb.co.uk/datasets/newbrespub",
    licence="OGL-3.0",
    via="github.com/DanOlner/ukcompare@10ed219 (RDS converted to CSV)",
)
_COLUMNS = ("DATE", "GEOGRAPHY_CODE", "INDUSTRY_CODE", "COUNT")
_NUTS_VERSION = 2016


def load(*, path: Path, geography: Geography) -> LoadResult:
    """Employment (persons) per ITL2 region, SIC 2007 division and year."""
    table = read_table(path, columns=_COLUMNS)
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("DATE", "GEOGRAPHY_CODE", "INDUSTRY_CODE"))
    for row in table:
        log = collector.log
        year = log.year(row, "DATE")
        nuts = row["GEOGRAPHY_CODE"].strip()
        try:
            region = geography.itl2_for_nuts2(nuts, nuts_version=_NUTS_VERSION)
        except NotFoundError as error:
            log.add(f"Unknown region code: {error}", line=row.line, field="GEOGRAPHY_CODE")
            continue
        division = row["INDUSTRY_CODE"].strip()
        if not re.fullmatch(r"\d{2}", division):
            log.add(
                f"'{division}' is not a two-digit SIC 2007 division.", line=row.line, field="INDUSTRY_CODE"
            )
            continue
        if region is None or year is None or not keys.add((year, region, division), row):
            continue
        collector.add(
            log.number(row, "COUNT"),
            region_code=region,
            indicator_code="employment_bres",
            period=year,
            unit="persons",
            source=BRES,
            industry_classification=SIC2007_CLASSIFICATION,
            industry_code=division,
        )
    return collector.result()
