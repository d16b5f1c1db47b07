"""ONS lookup from local authority districts to combined authorities in England (May 2024).

File: ONS Open Geography *Local Authority District to Combined Authority (May 2024) Lookup in EN*,
re-hosted in github.com/DanOlner/FirmAnalysis. It defines the combined authorities (for example
Liverpool City Region, E47000004) and which districts form each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.model import Region, RegionLevel, Source

__all__ = ["LAD_TO_COMBINED_AUTHORITY", "CombinedAuthorities", "read_combined_authorities"]

LAD_TO_COMBINED_AUTHORITY = Source(
    key="ons-lad-cauth-2024",
    publisher="ONS Open Geography Portal",
    dataset="Local Authority District to Combined Authority (May 2024) Lookup in EN",
    url="https://geoportal.statistics.gov.uk/",
    licence="OGL-3.0",
    via="github.com/DanOlner/FirmAnalysis@bcf06e4",
)


@dataclass(frozen=True, kw_only=True, slots=True)
class CombinedAuthorities:
    """The combined authorities and the authority of each member district."""

    regions: tuple[Region, ...]
    lad_to_combined_authority: Mapping[str, str]


def read_combined_authorities(*, path: Path) -> CombinedAuthorities:
    """Combined authorities (without centroids) and the district → authority lookup."""
    table = read_table(path, columns=("LAD24CD", "LAD24NM", "CAUTH24CD", "CAUTH24NM"))
    log = ProblemLog(table.file)
    keys = UniqueKeys(log, columns=("LAD24CD",))
    lookup: dict[str, str] = {}
    names: dict[str, str] = {}
    for row in table:
        district, authority = row["LAD24CD"].strip(), row["CAUTH24CD"].strip()
        if not authority.startswith("E47"):
            log.add(
                f"'{authority}' is not a combined authority code (E47 and 6 digits).",
                line=row.line,
                field="CAUTH24CD",
            )
            continue
        if keys.add(district, row):
            lookup[district] = authority
            names[authority] = row["CAUTH24NM"].strip()
    log.raise_if_any()
    regions = tuple(
        Region(code=code, country="GB", level=RegionLevel.UK_COMBINED_AUTHORITY, name_en=name, name_ko=name)
        for code, name in sorted(names.items())
    )
    return CombinedAuthorities(regions=regions, lad_to_combined_authority=lookup)
