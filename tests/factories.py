"""Real objects for tests, made through the domain functions (no mocks)."""

from __future__ import annotations

from innotwin.pairs.domain.create_twin_pair import create_twin_pair
from innotwin.pairs.enums import PairStatus
from innotwin.pairs.models import TwinPair
from innotwin.regions.domain.save_region import save_country, save_region


def make_pair(*, slug: str, status: PairStatus = PairStatus.ACTIVE, suffix: str = "1") -> TwinPair:
    """A twin pair of two fresh regions, one in Great Britain and one in Korea."""
    save_country(code="GB", name_en="United Kingdom", name_ko="영국")
    save_country(code="KR", name_en="Republic of Korea", name_ko="대한민국")
    save_region(
        code=f"GBX{suffix}", country="GB", level="uk-lad", name_en=f"Town {suffix}", name_ko=f"타운 {suffix}"
    )
    save_region(
        code=f"KRX{suffix}", country="KR", level="kr-sido", name_en=f"City {suffix}", name_ko=f"시티 {suffix}"
    )
    return create_twin_pair(region_a=f"GBX{suffix}", region_b=f"KRX{suffix}", status=status, slug=slug)
