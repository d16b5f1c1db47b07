"""Shares of a region × industry matrix: the building block of every specialisation measure.

For a matrix ``X`` of regions (rows) by industries (columns), e.g. employment:

* ``within="region"``: ``s[r, i] = X[r, i] / X[r, :].sum()``, the industry's share of the region (the
  "industry mix"; each row sums to 1);
* ``within="industry"``: ``s[r, i] = X[r, i] / X[:, i].sum()``, the region's share of the industry
  (each column sums to 1);
* ``within="total"``: ``s[r, i] = X[r, i] / X.sum()``.

A region with no activity at all has no industry mix; ``within="region"`` raises for it. An industry
with no activity anywhere has shares of 0 under ``within="industry"`` (nobody holds any of it).

Reference: Isard, W. (1960). *Methods of Regional Analysis: An Introduction to Regional Science*. MIT Press.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from innotwin.core.economics._validation import as_matrix, floats, invalid

__all__ = ["shares"]

Within = Literal["region", "industry", "total"]


def shares(values: ArrayLike, *, within: Within = "region") -> NDArray[np.float64]:
    """Shares of ``values`` (regions × industries) within each region, each industry, or the total.

    Complexity: O(R·K) time and memory for R regions and K industries.

    Raises :class:`~innotwin.core.errors.DataError` for a negative or non-finite cell, and for a region
    with a zero total when ``within="region"``.
    """
    matrix = as_matrix(values, parameter="values", owner="shares")
    if within == "region":
        totals = matrix.sum(axis=1, keepdims=True)
        if (totals == 0).any():
            rows = np.flatnonzero(totals[:, 0] == 0).tolist()
            raise invalid(
                "values", "shares", "positive in every region's total", f"zero totals in rows {rows}"
            )
        return floats(matrix / totals)
    if within == "industry":
        totals = matrix.sum(axis=0, keepdims=True)
        return floats(np.divide(matrix, totals, out=np.zeros_like(matrix), where=totals > 0))
    if within == "total":
        total = matrix.sum()
        if total == 0:
            raise invalid("values", "shares", "positive in total", "an all-zero matrix")
        return floats(matrix / total)
    raise invalid("within", "shares", "one of 'region', 'industry', 'total'", repr(within))
