"""Proximity between industries from co-location: how often regions are specialised in both.

With the binary specialisation matrix ``M`` (regions × industries), the co-occurrence of industries
``i`` and ``j`` is ``C[i, j] = sum_r M[r, i] M[r, j]`` and the ubiquity of ``i`` is ``u[i] = C[i, i]``.

* ``method="min_conditional"`` (default; Hidalgo et al. 2007): the minimum of the two conditional
  probabilities of being specialised in one industry given the other,
  ``φ[i, j] = min(C[i, j] / u[i], C[i, j] / u[j]) = C[i, j] / max(u[i], u[j])``. Taking the minimum
  stops a rare industry from looking close to everything that happens to be common.
* ``method="cosine"``: ``φ[i, j] = C[i, j] / sqrt(u[i] u[j])``, the cosine (Salton) normalisation of
  co-occurrence counts discussed by van Eck & Waltman (2009).

Both are symmetric and in [0, 1]; the diagonal is 1 for an industry someone is specialised in and 0
for one nobody is (as are its off-diagonal entries).

References:
    Hidalgo, C. A., Klinger, B., Barabási, A.-L., & Hausmann, R. (2007). The product space conditions
    the development of nations. *Science*, 317(5837), 482–487.
    van Eck, N. J., & Waltman, L. (2009). How to normalize cooccurrence data? An analysis of some
    well-known similarity measures. *JASIST*, 60(8), 1635–1651.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from innotwin.core.economics._validation import as_binary_matrix, invalid

__all__ = ["proximity"]

Method = Literal["min_conditional", "cosine"]


def proximity(specialisation: ArrayLike, *, method: Method = "min_conditional") -> NDArray[np.float64]:
    """The industries × industries proximity matrix from the binary specialisation matrix.

    Complexity: O(R·K²) time, O(K²) memory for R regions and K industries.
    References: Hidalgo et al. (2007) for ``"min_conditional"``; van Eck & Waltman (2009) for ``"cosine"``.
    """
    matrix = as_binary_matrix(specialisation, parameter="specialisation", owner="proximity")
    cooccurrence = matrix.T @ matrix
    ubiquity = np.diag(cooccurrence).copy()
    if method == "min_conditional":
        scale = np.maximum.outer(ubiquity, ubiquity)
    elif method == "cosine":
        scale = np.sqrt(np.outer(ubiquity, ubiquity))
    else:
        raise invalid("method", "proximity", "one of 'min_conditional', 'cosine'", repr(method))
    return np.divide(cooccurrence, scale, out=np.zeros_like(cooccurrence), where=scale > 0)
