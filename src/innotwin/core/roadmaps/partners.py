"""The bilateral-partner rule of a funding call: at least one partner from each of two countries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["BilateralGap", "bilateral_gap"]


@dataclass(frozen=True)
class BilateralGap:
    """The countries (ISO codes) of ``required`` that no partner comes from."""

    missing: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.missing)


def bilateral_gap(
    partner_countries: Iterable[str], *, required: Iterable[str] = ("GB", "KR")
) -> BilateralGap:
    """Which of the ``required`` countries have no partner among ``partner_countries`` (one country code
    per partner organisation, leads included). Empty when the rule is met. O(n)."""
    present = set(partner_countries)
    return BilateralGap(missing=tuple(code for code in required if code not in present))
