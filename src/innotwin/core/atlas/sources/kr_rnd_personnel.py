"""Korean R&D personnel (headcount) by sido, 2015–2020, all 17 sido.

File: ``pages/rnd_population.csv`` of github.com/jinkonu/sparcs-mission, which cites the Busan S&T
information service's republication of the MSIT/KISTEP *Survey of Research and Development in Korea*
regional tables. The page does not say whether technicians and support staff are included; the value is
treated as total R&D personnel headcount.
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Source
from innotwin.core.atlas.sources._kr_rnd import load_rnd_table

__all__ = ["RND_SURVEY_PERSONNEL", "load"]

RND_SURVEY_PERSONNEL = Source(
    key="kistep-rnd-personnel",
    publisher="MSIT / KISTEP",
    dataset="R&D survey: personnel",
    url="https://www.ntis.go.kr/",
    licence="KOGL-Type1",
    via="github.com/jinkonu/sparcs-mission@200c9f8 (citing Busan S&T information service)",
)


def load(*, path: Path, geography: Geography) -> LoadResult:
    """R&D personnel (persons) per sido and year."""
    return load_rnd_table(
        path=path,
        geography=geography,
        value_column="rnd_personnel",
        expected_unit="persons",
        indicator_code="rd_personnel",
        unit="persons",
        scale=1.0,
        source=RND_SURVEY_PERSONNEL,
    )
