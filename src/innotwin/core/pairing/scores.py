"""One pair's score: the total, each dimension's part in it, and what was left out and why."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["DimensionScore", "PairScore"]


@dataclass(frozen=True, kw_only=True)
class DimensionScore:
    """One dimension of one pair.

    ``share`` is the profile's weight renormalised over the dimensions the pair has data for, so the
    ``contribution`` values (``share × score``) add up to the pair's total. A dimension left out has a
    NaN score, a share and contribution of 0, and ``left_out`` says why.
    """

    dimension: str
    score: float
    weight: float
    share: float
    contribution: float
    components: Mapping[str, float]
    left_out: str | None


@dataclass(frozen=True, kw_only=True)
class PairScore:
    """The score of the pair (``a`` in the first country, ``b`` in the second) and its breakdown."""

    a: str
    b: str
    name_a: str
    name_b: str
    name_a_ko: str
    name_b_ko: str
    profile: str
    total: float
    #: 1 + the number of pairs with a higher total.
    rank: int
    dimensions: tuple[DimensionScore, ...]

    @property
    def left_out(self) -> tuple[DimensionScore, ...]:
        """The dimensions without data on both sides, with the reason in each ``left_out``."""
        return tuple(part for part in self.dimensions if part.left_out is not None)

    @property
    def scored(self) -> tuple[DimensionScore, ...]:
        """The dimensions that count in the total."""
        return tuple(part for part in self.dimensions if part.left_out is None)

    def dimension(self, name: str) -> DimensionScore:
        """The part of the dimension called ``name``."""
        return next(part for part in self.dimensions if part.dimension == name)

    @property
    def has_score(self) -> bool:
        """False when no dimension has data for both regions."""
        return not math.isnan(self.total)
