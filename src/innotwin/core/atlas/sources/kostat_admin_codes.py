"""KOSTAT administrative-area codes of 2010 with Korean, English and Chinese names: Korean sigungu.

File: the code book of the 2010 Population and Housing Census (KOSTAT statistical codes: 2-digit sido,
5-digit sigungu, 7-digit eupmyeondong), re-hosted by Team POPONG (southkorea/southkorea-population). Only
sigungu (5 digits) are read. Codes ending in 1–9 are the districts (gu) of a city (si); their parent is
that city. The 2010 code book predates Sejong (2012) and later mergers, which the sido table covers.
"""

from __future__ import annotations

import re
from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import kr_sido_by_kosis_code
from innotwin.core.atlas.model import Region, RegionLevel, Source

__all__ = ["KOSTAT_CODES_2010", "read_regions"]

KOSTAT_CODES_2010 = Source(
    key="kostat-codes-2010",
    publisher="Statistics Korea (KOSTAT)",
    dataset="Administrative area codes, 2010 Census (ko/en/zh translation)",
    url="https://github.com/southkorea/southkorea-population",
    licence="CC-BY-3.0 (translation); codes KOGL-Type1",
    via="github.com/southkorea/southkorea-population@5e1388e",
)


def read_regions(*, path: Path) -> tuple[Region, ...]:
    """Every sigungu of the 2010 code book, coded ``KR-`` + its 5-digit KOSTAT code."""
    table = read_table(path, columns=("code", "ko", "en"))
    log = ProblemLog(table.file)
    keys = UniqueKeys(log, columns=("code",))
    codes = {row["code"].strip() for row in table}
    regions = []
    for row in table:
        code = row["code"].strip()
        if not re.fullmatch(r"\d{2}|\d{5}|\d{7}", code):
            log.add(f"'{code}' is not a KOSTAT area code (2, 5 or 7 digits).", line=row.line, field="code")
            continue
        if len(code) != 5 or not keys.add(code, row):
            continue
        sido = kr_sido_by_kosis_code(code[:2])
        if sido is None:
            log.add(
                f"'{code}' starts with '{code[:2]}', which is not a KOSTAT sido code.",
                line=row.line,
                field="code",
            )
            continue
        city = code[:4] + "0"
        parent = f"KR-{city}" if code[4] != "0" and city in codes else sido.iso_code
        regions.append(
            Region(
                code=f"KR-{code}",
                country="KR",
                level=RegionLevel.KR_SIGUNGU,
                name_en=row["en"].strip(),
                name_ko=row["ko"].strip(),
                parent_code=parent,
            )
        )
    log.raise_if_any()
    return tuple(regions)
