"""Korean total R&D expenditure by sido, 2017–2021 — eight metropolitan units only.

File: ``pages/rnd_money.csv`` of github.com/jinkonu/sparcs-mission (MSIT/KISTEP *Survey of Research and
Development in Korea*, KOSIS orgId 127), in 100 million KRW (억원), loaded in million KRW. Only Seoul,
Busan, Daegu, Incheon, Gwangju, Daejeon, Ulsan and Gyeonggi are in the file. A value the file flags as
suspect (Seoul 2019: 13,449, a dropped digit) is recorded as a gap.
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Source
from innotwin.core.atlas.sources._kr_rnd import load_rnd_table

__all__ = ["RND_SURVEY_EXPENDITURE", "load"]

RND_SURVEY_EXPENDITURE = Source(
    key="kistep-rnd-expenditure",
    publisher="MSIT / KISTEP",
    dataset="R&D survey: expenditure",
    url="https://www.ntis.go.kr/",
    licence="KOGL-Type1",
    via="github.com/jinkonu/sparcs-mission@200c9f8",
)
_HUNDRED_MILLION_IN_MILLIONS = 100.0


def load(*, path: Path, geography: Geography) -> LoadResult:
    """Total R&D expenditure (million KRW) per sido and year."""
    return load_rnd_table(
        path=path,
        geography=geography,
        value_column="total_rnd_expenditure",
        expected_unit="100 million KRW (억원)",
        indicator_code="rd_expenditure_total",
        unit="KRW million",
        scale=_HUNDRED_MILLION_IN_MILLIONS,
        source=RND_SURVEY_EXPENDITURE,
    )
