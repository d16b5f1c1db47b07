"""What the bundled default atlas contains: which regions, which years.

The bundle is a *data selection*, not a score: it keeps every UK ITL1 and ITL2 region, every Korean sido,
both countries, the OECD units of both countries that no national region equals, and — for the places the
UK–Korea Innovation Twins programme works with today — their finest statistical units. Those places are
listed in :data:`PROGRAMME_FOCUS` by official codes; districts of a listed combined authority are added
from the ONS lookup. Changing the programme's places means changing this list, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from innotwin.core.atlas.model import RegionLevel

__all__ = ["DEFAULT_SELECTION", "PROGRAMME_FOCUS", "BundleSelection", "FocusPlace"]


@dataclass(frozen=True, kw_only=True, slots=True)
class FocusPlace:
    """A place the programme works with, given by the codes of its finest statistical units."""

    name: str
    region_codes: tuple[str, ...]


PROGRAMME_FOCUS: tuple[FocusPlace, ...] = (
    FocusPlace(name="Belfast", region_codes=("TLN06", "N09000003")),
    FocusPlace(name="Glasgow", region_codes=("TLM82", "S12000049")),
    FocusPlace(name="Liverpool City Region", region_codes=("TLD71", "TLD72", "TLD73", "TLD74", "E47000004")),
    FocusPlace(
        name="West Midlands",
        region_codes=("TLG31", "TLG32", "TLG33", "TLG36", "TLG37", "TLG38", "TLG39", "E47000007"),
    ),
)
"""UK focus places of the programme in 2024 (pairs: Belfast–Sejong, Liverpool City Region–Busan, West
Midlands–Ulsan, Glasgow–Daegu): ITL3 regions, districts and combined authorities. Their ITL2 regions
(TLN0, TLM8, TLD7, TLG3) are in the bundle as every ITL2 region is; Korean sido all are."""


@dataclass(frozen=True, kw_only=True, slots=True)
class BundleSelection:
    """Regions and years of a bundle."""

    countries: tuple[str, ...] = ("GB", "KR")
    levels: frozenset[RegionLevel] = frozenset(
        {RegionLevel.COUNTRY, RegionLevel.UK_ITL1, RegionLevel.UK_ITL2, RegionLevel.KR_SIDO}
    )
    oecd_levels: frozenset[RegionLevel] = frozenset(
        {RegionLevel.OECD_TL2, RegionLevel.OECD_TL3, RegionLevel.OECD_METRO}
    )
    """OECD-only units (no national region equals them) of these levels are kept for the countries."""
    focus: tuple[FocusPlace, ...] = PROGRAMME_FOCUS
    first_year: int = 2010
    """Annual series start here; earlier years stay available through the loaders."""
    gva_sector_years: tuple[int, ...] = (2015, 2019, 2021)
    """Years of UK GVA by sector (Korean GVA shares are for 2015, 2019 and 2023)."""
    employment_years: tuple[int, ...] = (2015, 2021)
    """Years of UK BRES employment by ISIC group (first and last of the file)."""


DEFAULT_SELECTION = BundleSelection()
