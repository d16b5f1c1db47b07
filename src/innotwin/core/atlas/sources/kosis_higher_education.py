"""KOSIS higher-education statistics by sido, 2000–2024: universities and graduate schools.

Files: Ministry of Education / KEDI *Statistical Yearbook of Education* tables on KOSIS, re-hosted in long
form by github.com/yun0612/region-insight, one for (4-year) universities (일반대학) and one for graduate
schools (대학원). Which one a file is comes from its name (``_university_statistics_`` or
``_graduate_school_statistics_``). Values are as of 1 April of each year (education statistics date).
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Source
from innotwin.core.atlas.sources._kosis_long import Item, load_long
from innotwin.core.errors import DataError, Problem

__all__ = ["EDUCATION_STATISTICS", "load"]

EDUCATION_STATISTICS = Source(
    key="kosis-education-statistics",
    publisher="MOE/KEDI (KOSIS)",
    dataset="Education statistics",
    url="https://kosis.kr/",
    licence="KOGL-Type1",
    via="github.com/yun0612/region-insight@d767bb1 (JSON converted to CSV)",
)
_FILES = {
    "_university_statistics_": {
        "schools": Item(indicator_code="universities", unit="institutions"),
        "students_total": Item(indicator_code="university_students", unit="persons"),
        "departments": None,
        "admissions_total": None,
        "staff_total": None,
    },
    "_graduate_school_statistics_": {
        "schools": Item(indicator_code="graduate_schools", unit="institutions"),
        "students_total": Item(indicator_code="graduate_students", unit="persons"),
        "admissions_total": None,
    },
}


def load(*, path: Path, geography: Geography) -> LoadResult:
    """Institutions and enrolled students per sido and year, for universities or graduate schools."""
    kinds = [items for fragment, items in _FILES.items() if fragment in path.name]
    if len(kinds) != 1:
        fragments = " or ".join(f"'{fragment}'" for fragment in _FILES)
        raise DataError(
            [Problem(f"The file name must contain {fragments} to say what it holds.", file=str(path))]
        )
    return load_long(path=path, geography=geography, items=kinds[0], source=EDUCATION_STATISTICS)
