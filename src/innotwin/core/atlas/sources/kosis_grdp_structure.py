"""Structure of Korean regional GVA by sido and 25 sectors, 2015, 2019 and 2023 (nominal shares, %).

File: shares of each sector in sido GVA, derived from KOSIS *GRDP by economic activity* (시도별 경제활동별
지역내총생산, nominal, million KRW) by github.com/a99621522-cell/dalgubul-ai-note and transcribed for the
shared data (each sido-year sums to 100 ± 0.5). The 25 sectors are those of KOSIS regional accounts; their
KSIC definitions must agree with ``reference/gva_sectors.csv``. 2023 values were provisional (잠정).
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.industries import GVA25_CLASSIFICATION, gva_sectors
from innotwin.core.atlas.model import LoadResult, Quality, Source
from innotwin.core.atlas.sources._common import Collector
from innotwin.core.atlas.sources._kosis_sido_code import region_of_kosis_code

__all__ = ["GRDP_STRUCTURE", "load"]

GRDP_STRUCTURE = Source(
    key="kosis-grdp-structure",
    publisher="KOSTAT (KOSIS)",
    dataset="GRDP by activity (shares)",
    url="https://kosis.kr/",
    licence="KOGL-Type1",
    via="github.com/a99621522-cell/dalgubul-ai-note@d9650c5 (shares), transcribed",
)
_COLUMNS = ("year", "sido_code", "sector_code", "ksic_sections_or_divisions", "gva_share_pct")
_PROVISIONAL_FROM = 2023


def load(*, path: Path, geography: Geography) -> LoadResult:
    """Share (%) of each sector in the GVA of Korea and each sido, per year."""
    table = read_table(path, columns=_COLUMNS)
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("year", "sido_code", "sector_code"))
    sectors = {sector.code: sector for sector in gva_sectors()}
    for row in table:
        log = collector.log
        region = region_of_kosis_code(
            row["sido_code"], collector=collector, geography=geography, row=row, column="sido_code"
        )
        year = log.year(row, "year")
        code = row["sector_code"].strip()
        sector = sectors.get(code)
        if sector is None:
            log.add(f"Unknown sector '{code}': expected S01 to S25.", line=row.line, field="sector_code")
            continue
        if row["ksic_sections_or_divisions"].strip() != sector.ksic_definition:
            log.add(
                f"Sector {code} is defined as '{row['ksic_sections_or_divisions']}' here but as "
                f"'{sector.ksic_definition}' in reference/gva_sectors.csv; fix whichever is wrong.",
                line=row.line,
                field="ksic_sections_or_divisions",
            )
            continue
        if region is None or year is None or not keys.add((year, region, code), row):
            continue
        collector.add(
            log.number(row, "gva_share_pct"),
            region_code=region,
            indicator_code="gva_share",
            period=year,
            unit="%",
            source=GRDP_STRUCTURE,
            quality=Quality.DERIVED,
            note="provisional" if year >= _PROVISIONAL_FROM else "",
            industry_classification=GVA25_CLASSIFICATION,
            industry_code=code,
        )
    return collector.result()
