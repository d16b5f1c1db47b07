"""Shared parts of the two OECD regional tables: sources, country codes and region codes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from innotwin.core.atlas.csvio import Row
from innotwin.core.atlas.geography import korean_names
from innotwin.core.atlas.model import Region, RegionLevel, Source
from innotwin.core.atlas.sources._common import Collector

__all__ = ["OECD_REGIONAL_OUTLOOK", "oecd_region"]

OECD_REGIONAL_OUTLOOK = Source(
    key="oecd-ro2023",
    publisher="OECD",
    dataset="Regional Outlook 2023",
    url="https://github.com/oecd-cfe-eds/ro2023-country-pages",
    licence="CC-BY-4.0",
    via="github.com/oecd-cfe-eds/ro2023-country-pages@8c2f4c8 (latin-1 re-encoded to UTF-8)",
)
_ISO3_TO_ISO2 = {
    "AUS": "AU", "AUT": "AT", "BEL": "BE", "CAN": "CA", "CHE": "CH", "CHL": "CL", "COL": "CO", "CRI": "CR",
    "CZE": "CZ", "DEU": "DE", "DNK": "DK", "ESP": "ES", "EST": "EE", "FIN": "FI", "FRA": "FR", "GBR": "GB",
    "GRC": "GR", "HUN": "HU", "IRL": "IE", "ISL": "IS", "ISR": "IL", "ITA": "IT", "JPN": "JP", "KOR": "KR",
    "LTU": "LT", "LUX": "LU", "LVA": "LV", "MEX": "MX", "NLD": "NL", "NOR": "NO", "NZL": "NZ", "POL": "PL",
    "PRT": "PT", "SVK": "SK", "SVN": "SI", "SWE": "SE", "TUR": "TR", "USA": "US",
}  # fmt: skip
"""OECD member countries (ISO 3166-1 alpha-3 → alpha-2)."""
_OECD_PREFIX_TO_ISO2 = {"UK": "GB", "EL": "GR", "ME": "MX"}
"""OECD region codes start with a country code that differs from ISO 3166-1 for these countries."""


def oecd_region(
    *,
    code: str,
    iso3: str,
    name: str,
    level: RegionLevel,
    equivalents: Mapping[str, str],
    collector: Collector,
    row: Row,
) -> tuple[str, Region | None] | None:
    """The atlas region code for an OECD unit, and a new :class:`Region` when no national one matches it.

    The country comes from ``iso3``; when that is missing (``NA``), from the code's first two letters.
    """
    if code in equivalents:
        return equivalents[code], None
    prefix = code[:2]
    country = _ISO3_TO_ISO2.get(iso3) or _OECD_PREFIX_TO_ISO2.get(prefix, prefix if iso3 == "NA" else "")
    if not country:
        collector.log.add(f"'{iso3}' is not the ISO code of an OECD country.", line=row.line, field="iso3")
        return None
    name_en = name if name != "NA" else code
    region = Region(
        code=f"OECD-{code}",
        country=country,
        level=level,
        name_en=name_en,
        name_ko=korean_names().get(f"OECD-{code}", name_en),
    )
    return region.code, region


def record_oecd_row(
    *,
    collector: Collector,
    row: Row,
    mapped: tuple[str, Region | None],
    year: int,
    measures: Sequence[tuple[str, str, str]],
    regions: dict[str, Region],
) -> None:
    """Record the region a row maps to (when new) and one observation per ``(column, indicator, unit)``."""
    region_code, region = mapped
    if region is not None:
        regions[region_code] = region
    for column, indicator, unit in measures:
        collector.add(
            collector.log.number(row, column),
            region_code=region_code,
            indicator_code=indicator,
            period=year,
            unit=unit,
            source=OECD_REGIONAL_OUTLOOK,
        )
