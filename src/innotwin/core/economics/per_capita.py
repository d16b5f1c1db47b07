"""Per-capita values: a regional total divided by the region's population.

``per_capita(values, population, per=1)`` is ``values / population * per`` (``per=1_000_000`` gives "per
million inhabitants"). Missing values (NaN) stay missing, and so does every value whose population is
missing; a population of zero or less is an error, not a missing value.

Reference: OECD (2022). *OECD Regions and Cities at a Glance 2022*, Reader's guide (per-capita
indicators use the resident population of the same year).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from innotwin.core.economics._validation import as_vector, invalid

__all__ = ["per_capita"]


def per_capita(values: ArrayLike, population: ArrayLike, *, per: float = 1.0) -> NDArray[np.float64]:
    """``values / population * per`` per region, NaN where either is missing. Complexity: O(R)."""
    owner = "per_capita"
    numerator = as_vector(values, parameter="values", owner=owner)
    denominator = as_vector(population, parameter="population", owner=owner, length=numerator.shape[0])
    if (denominator <= 0).any():
        raise invalid("population", owner, "positive where given (NaN marks a missing value)", "zero or less")
    if not (np.isfinite(per) and per > 0):
        raise invalid("per", owner, "a positive number", repr(per))
    return numerator / denominator * per
