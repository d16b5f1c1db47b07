"""ONS regional gross value added (balanced) by industry, current basic prices, ITL1/ITL2/ITL3 (1998–2021).

Files: ONS *Regional gross value added (balanced) by industry: all ITL regions* (April 2023 release),
Tables 1c, 2c and 3c (one per ITL level), re-hosted in github.com/DanOlner/regionalGVAbyindustry. Wide:
one row per region × ONS industry code, one column per year; values in GBP million with thousands
separators. Industry codes are kept as ONS publishes them (``CA (10-12)``, ``45``, ``68IMP``); the
``Total`` row becomes the regional total (no industry). Harmonising them to the 25 GVA sectors is done by
the build, with :func:`innotwin.core.atlas.industries.merge_into_targets`.
"""

from __future__ import annotations

import re
from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import UK_AGGREGATES_NOT_REGIONS, Geography
from innotwin.core.atlas.model import LoadResult, Source
from innotwin.core.atlas.sources._common import Collector

__all__ = ["ONS_GVA_INDUSTRY", "ONS_REGIONAL_GVA", "load"]

ONS_GVA_INDUSTRY = "ons-gva-industry"
"""Industry classification tag of the ONS regional GVA industry codes."""
ONS_REGIONAL_GVA = Source(
    key="ons-rgva-industry",
    publisher="ONS",
    dataset="Regional GVA(B), Tables 1c-3c",
    url=(
        "https://www.ons.gov.uk/economy/grossvalueaddedgva/datasets/"
        "nominalandrealregionalgrossvalueaddedbalancedbyindustry"
    ),
    licence="OGL-3.0",
    via="github.com/DanOlner/regionalGVAbyindustry@215f8a7",
)
_COLUMNS = ("ITL region code", "ITL region name", "SIC07 code", "SIC07 description")
_TOTAL = "Total"
_LATEST_PROVISIONAL_YEAR = 2021


def load(*, path: Path, geography: Geography) -> LoadResult:
    """GVA in GBP million per region, ONS industry code and year (the ``Total`` row without industry)."""
    table = read_table(path, columns=_COLUMNS)
    collector = Collector(ProblemLog(table.file))
    years = [column for column in table.header if re.fullmatch(r"\d{4}", column)]
    if not years:
        collector.log.add("The header has no year columns (such as 2021).", line=1)
    keys = UniqueKeys(collector.log, columns=("ITL region code", "SIC07 code"))
    for row in table:
        code = row["ITL region code"].strip()
        if code in UK_AGGREGATES_NOT_REGIONS:
            continue
        region = collector.known_region(geography, code, row, "ITL region code")
        industry = row["SIC07 code"].strip()
        if region is None or not keys.add((region, industry), row):
            continue
        for year in years:
            collector.add(
                collector.log.number(row, year),
                region_code=region,
                indicator_code="gva",
                period=int(year),
                unit="GBP million",
                source=ONS_REGIONAL_GVA,
                note="provisional" if int(year) == _LATEST_PROVISIONAL_YEAR else "",
                industry_classification="" if industry == _TOTAL else ONS_GVA_INDUSTRY,
                industry_code="" if industry == _TOTAL else industry,
            )
    return collector.result()
