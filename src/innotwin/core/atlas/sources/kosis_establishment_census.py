"""Workers (persons engaged) by sido and KSIC 10th-revision division, Census on Establishments 2023.

File: KOSIS table DT_1K52D01 (전국사업체조사: 시도·산업별 사업체수 및 종사자수), workers at the
establishment's location, via github.com/a99621522-cell/dalgubul-ai-note and transcribed for the shared
data. Cells KOSIS suppresses (``X``) have no row; each division of the national rows that a sido lacks is
recorded as a gap. National rows (``00``) are the transcriber's sums of the 17 sido (derived).
"""

from __future__ import annotations

import re
from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import Geography, korean_sidos
from innotwin.core.atlas.industries import KSIC10_CLASSIFICATION, harmonised_group_of_ksic
from innotwin.core.atlas.model import Gap, LoadResult, Quality, Source
from innotwin.core.atlas.sources._common import Collector
from innotwin.core.atlas.sources._kosis_sido_code import region_of_kosis_code
from innotwin.core.errors import NotFoundError

__all__ = ["ESTABLISHMENT_CENSUS", "load"]

ESTABLISHMENT_CENSUS = Source(
    key="kosis-dt-1k52d01",
    publisher="KOSTAT (KOSIS)",
    dataset="KOSIS DT_1K52D01",
    url="https://kosis.kr/statHtml/statHtml.do?orgId=101&tblId=DT_1K52D01",
    licence="KOGL-Type1",
    via="github.com/a99621522-cell/dalgubul-ai-note@f87a7ff, transcribed",
)
_COLUMNS = ("year", "sido_code", "ksic10_division", "workers")
_INDICATOR = "workers_establishment_census"


def load(*, path: Path, geography: Geography) -> LoadResult:
    """Workers per sido (and Korea), KSIC 10th-revision division and year."""
    table = read_table(path, columns=_COLUMNS)
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("year", "sido_code", "ksic10_division"))
    present: dict[tuple[int, str], set[str]] = {}
    for row in table:
        log = collector.log
        region = region_of_kosis_code(
            row["sido_code"], collector=collector, geography=geography, row=row, column="sido_code"
        )
        year = log.year(row, "year")
        division = row["ksic10_division"].strip()
        try:
            if not re.fullmatch(r"\d{2}", division):
                raise NotFoundError(f"'{division}' is not a two-digit KSIC division.")
            harmonised_group_of_ksic(division)
        except NotFoundError as error:
            log.add(str(error), line=row.line, field="ksic10_division")
            continue
        if region is None or year is None or not keys.add((year, region, division), row):
            continue
        present.setdefault((year, region), set()).add(division)
        national = region == "KR"
        collector.add(
            log.number(row, "workers"),
            region_code=region,
            indicator_code=_INDICATOR,
            period=year,
            unit="persons",
            source=ESTABLISHMENT_CENSUS,
            quality=Quality.DERIVED if national else Quality.OFFICIAL,
            note="sum of the 17 sido rows" if national else "",
            industry_classification=KSIC10_CLASSIFICATION,
            industry_code=division,
        )
    for (year, region), divisions in sorted(present.items()):
        if region != "KR":
            continue
        for sido in korean_sidos():
            for division in sorted(divisions - present.get((year, sido.iso_code), set())):
                collector.gaps.append(
                    Gap(
                        region_code=sido.iso_code,
                        indicator_code=_INDICATOR,
                        period=year,
                        reason=f"KSIC {division}: no row in the source ('X' suppressed in KOSIS, or none)",
                        source_key=ESTABLISHMENT_CENSUS.key,
                    )
                )
    return collector.result()
