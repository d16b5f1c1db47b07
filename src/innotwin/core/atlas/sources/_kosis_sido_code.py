"""Region codes from the KOSIS sido numbering used by the re-hosted industry and R&D tables."""

from __future__ import annotations

from innotwin.core.atlas.csvio import Row
from innotwin.core.atlas.geography import Geography, kr_sido_by_kosis_code
from innotwin.core.atlas.sources._common import Collector

__all__ = ["NATIONAL_KOSIS_CODE", "region_of_kosis_code"]

NATIONAL_KOSIS_CODE = "00"


def region_of_kosis_code(
    code: str, *, collector: Collector, geography: Geography, row: Row, column: str
) -> str | None:
    """``KR`` for ``00``, the sido's ISO code for a KOSIS sido code; a problem for any other code."""
    text = code.strip()
    if text == NATIONAL_KOSIS_CODE:
        return "KR"
    sido = kr_sido_by_kosis_code(text)
    if sido is None:
        collector.log.add(
            f"Unknown region code '{text}': expected a KOSIS sido code (11, 21-26, 29, 31-39) or 00.",
            line=row.line,
            field=column,
        )
        return None
    return collector.known_region(geography, sido.iso_code, row, column)
