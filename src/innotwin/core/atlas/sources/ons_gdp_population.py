"""ONS regional GDP, resident population and GDP per head for all ITL regions (1998–2021).

File: a long table derived in the shared data from the ONS workbook *Regional gross domestic product:
all ITL regions* (published 25 April 2023), Tables 5, 6 and 7. It also defines the UK's ITL1/2/3
regions (read with :func:`read_regions`). Rows for England, Extra-Regio and UK less Extra-Regio are
skipped: they are not regions of the atlas geography (see ``UK_AGGREGATES_NOT_REGIONS``).
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import UK_AGGREGATES_NOT_REGIONS, Geography
from innotwin.core.atlas.model import LoadResult, Region, RegionLevel, Source
from innotwin.core.atlas.sources._common import Collector

__all__ = ["GDP", "GDP_PER_HEAD", "POPULATION", "load", "read_regions"]

_URL = (
    "https://www.ons.gov.uk/economy/grossdomesticproductgdp/datasets/"
    "regionalgrossdomesticproductallnutslevelregions"
)
_VIA = "github.com/DanOlner/ukcompare@10ed219 (workbook); long table derived in the shared data"
GDP = Source(
    key="ons-rgdp-t5",
    publisher="ONS",
    dataset="Regional GDP: ITL, Table 5",
    url=_URL,
    licence="OGL-3.0",
    via=_VIA,
)
POPULATION = Source(
    key="ons-rgdp-t6",
    publisher="ONS",
    dataset="Regional GDP: ITL, Table 6",
    url=_URL,
    licence="OGL-3.0",
    via=_VIA,
)
GDP_PER_HEAD = Source(
    key="ons-rgdp-t7",
    publisher="ONS",
    dataset="Regional GDP: ITL, Table 7",
    url=_URL,
    licence="OGL-3.0",
    via=_VIA,
)
_COLUMNS = (
    "itl_level",
    "itl_code",
    "region_name",
    "year",
    "gdp_current_prices_gbp_million",
    "population",
    "gdp_per_head_gbp",
)
_LEVELS = {
    "UK": RegionLevel.COUNTRY,
    "ITL1": RegionLevel.UK_ITL1,
    "ITL2": RegionLevel.UK_ITL2,
    "ITL3": RegionLevel.UK_ITL3,
}
_CODE_LENGTH = {RegionLevel.UK_ITL1: 3, RegionLevel.UK_ITL2: 4, RegionLevel.UK_ITL3: 5}
_LATEST_PROVISIONAL_YEAR = 2021
_MEASURES = (
    ("gdp_current_prices_gbp_million", "gdp", "GBP million", GDP),
    ("population", "population", "persons", POPULATION),
    ("gdp_per_head_gbp", "gdp_per_head", "GBP", GDP_PER_HEAD),
)


def read_regions(*, path: Path) -> tuple[Region, ...]:
    """The UK and its ITL1/ITL2/ITL3 regions, with parents, as the file names them."""
    table = read_table(path, columns=_COLUMNS)
    log = ProblemLog(table.file)
    regions: dict[str, Region] = {}
    for row in table:
        if row["itl_code"].strip() in UK_AGGREGATES_NOT_REGIONS:
            continue
        level = log.choice(row, "itl_level", {name: name for name in _LEVELS})
        if level is None:
            continue
        region_level = _LEVELS[level]
        code = row["itl_code"].strip()
        length = _CODE_LENGTH.get(region_level)
        if length is not None and not (code.startswith("TL") and len(code) == length):
            log.add(
                f"'{code}' is not an {level} code: expected 'TL' and {length - 2} more characters.",
                line=row.line,
                field="itl_code",
            )
            continue
        parent = None if region_level is RegionLevel.COUNTRY else (code[:-1] if length != 3 else "UK")
        regions[code] = Region(
            code=code,
            country="GB",
            level=region_level,
            name_en=row["region_name"].strip(),
            name_ko=row["region_name"].strip(),
            parent_code=parent,
            oecd_tl2=None if region_level is RegionLevel.COUNTRY else "UK" + code[2],
            oecd_tl3="UK" + code[2:] if region_level is RegionLevel.UK_ITL3 else None,
        )
    for region in regions.values():
        if region.parent_code is not None and region.parent_code not in regions:
            log.add(
                f"Region {region.code} has no parent region {region.parent_code} in the file.",
                field="itl_code",
            )
    log.raise_if_any()
    return tuple(regions[code] for code in sorted(regions))


def load(*, path: Path, geography: Geography) -> LoadResult:
    """GDP (GBP million), population (persons) and GDP per head (GBP) for every ITL region and year."""
    table = read_table(path, columns=_COLUMNS)
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("itl_code", "year"))
    for row in table:
        if row["itl_code"].strip() in UK_AGGREGATES_NOT_REGIONS:
            continue
        code = collector.known_region(geography, row["itl_code"].strip(), row, "itl_code")
        year = collector.log.year(row, "year")
        if code is None or year is None or not keys.add((code, year), row):
            continue
        note = "provisional" if year == _LATEST_PROVISIONAL_YEAR else ""
        for column, indicator, unit, source in _MEASURES:
            collector.add(
                collector.log.number(row, column),
                region_code=code,
                indicator_code=indicator,
                period=year,
                unit=unit,
                source=source,
                note=note,
            )
    return collector.result()
