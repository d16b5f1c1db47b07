"""Diversity and ubiquity: the two degrees of the region–industry specialisation network.

With the binary specialisation matrix ``M`` (``M[r, i] = 1`` where ``RCA >= 1``):

* diversity ``k[r] = sum_i M[r, i]``, the number of industries region ``r`` is specialised in;
* ubiquity ``u[i] = sum_r M[r, i]``, the number of regions specialised in industry ``i``.

They are the zeroth reflections ``k_{c,0}`` and ``k_{p,0}`` of the method of reflections.

Reference: Hidalgo, C. A., & Hausmann, R. (2009). The building blocks of economic complexity. *PNAS*,
106(26), 10570–10575.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from innotwin.core.economics._validation import as_binary_matrix, floats

__all__ = ["diversity", "ubiquity"]


def diversity(specialisation: ArrayLike) -> NDArray[np.float64]:
    """The number of industries each region is specialised in (row sums of ``M``). Complexity: O(R·K)."""
    matrix = as_binary_matrix(specialisation, parameter="specialisation", owner="diversity")
    return floats(matrix.sum(axis=1))


def ubiquity(specialisation: ArrayLike) -> NDArray[np.float64]:
    """The number of regions specialised in each industry (column sums of ``M``). Complexity: O(R·K)."""
    matrix = as_binary_matrix(specialisation, parameter="specialisation", owner="ubiquity")
    return floats(matrix.sum(axis=0))
