"""Relatedness density: how much of what a region already does well is related to an industry.

For a region ``r`` and an industry ``i``, with the binary specialisation matrix ``M`` and an industry
proximity matrix ``φ`` (see :mod:`innotwin.core.economics.proximity`)::

    ω[r, i] = sum_{j != i} M[r, j] φ[i, j] / sum_{j != i} φ[i, j]

the share of ``i``'s proximity mass that falls on industries the region is specialised in; in [0, 1].
Regions are more likely to enter industries of high density (the principle of relatedness). The
industry itself is left out of both sums (``exclude_self=True``, the default) so that density measures
support from *other* capabilities: a region's own specialisation in ``i`` does not raise its density in
``i``. An industry unrelated to every other industry has density 0.

References:
    Hidalgo, C. A., Klinger, B., Barabási, A.-L., & Hausmann, R. (2007). The product space conditions
    the development of nations. *Science*, 317(5837), 482–487 (density).
    Hidalgo, C. A., Balland, P.-A., Boschma, R., et al. (2018). The principle of relatedness. In
    *Unifying Themes in Complex Systems IX*, Springer Proceedings in Complexity, 451–457.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from innotwin.core.economics._validation import as_binary_matrix, as_matrix, floats, invalid

__all__ = ["relatedness_density"]


def relatedness_density(
    specialisation: ArrayLike, proximity: ArrayLike, *, exclude_self: bool = True
) -> NDArray[np.float64]:
    """The regions × industries relatedness density ω from ``M`` and a symmetric proximity ``φ``.

    Complexity: O(R·K²) time (one matrix product), O(R·K + K²) memory.
    References: Hidalgo et al. (2007); Hidalgo et al. (2018).
    """
    owner = "relatedness_density"
    matrix = as_binary_matrix(specialisation, parameter="specialisation", owner=owner)
    phi = as_matrix(proximity, parameter="proximity", owner=owner)
    industries = matrix.shape[1]
    if phi.shape != (industries, industries):
        raise invalid("proximity", owner, f"a {industries} × {industries} matrix", f"shape {phi.shape}")
    if not np.allclose(phi, phi.T):
        raise invalid("proximity", owner, "symmetric", "an asymmetric matrix")
    if exclude_self:
        np.fill_diagonal(phi, 0.0)
    mass = phi.sum(axis=0)
    support = matrix @ phi
    related = mass[np.newaxis, :] > 0
    return floats(np.divide(support, mass[np.newaxis, :], out=np.zeros_like(support), where=related))
