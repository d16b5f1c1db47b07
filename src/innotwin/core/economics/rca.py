"""Revealed comparative advantage (the location quotient) and the specialisation matrix.

Balassa's index of revealed comparative advantage, known in regional science as the location quotient,
compares an industry's share of a region with its share of a benchmark (by default the sum of the
regions given)::

    RCA[r, i] = (X[r, i] / X[r, :].sum()) / (B[i] / B.sum())

where ``B`` is the benchmark's industry totals. ``RCA >= 1`` means the region holds at least its "fair
share" of the industry: it is *specialised* in it. An industry with no activity in the benchmark has
``RCA = 0`` everywhere (nobody is specialised in it).

RCA is unbounded above and squeezed into [0, 1) below; the symmetric form of Dalum et al. maps it onto
[-1, 1) with 0 meaning "exactly the benchmark share"::

    SRCA = (RCA - 1) / (RCA + 1)

References:
    Balassa, B. (1965). Trade liberalisation and "revealed" comparative advantage. *The Manchester
    School*, 33(2), 99–123.
    Dalum, B., Laursen, K., & Villumsen, G. (1998). Structural change in OECD export specialisation
    patterns: de-specialisation and "stickiness". *International Review of Applied Economics*, 12(3),
    423–443.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from innotwin.core.economics._validation import as_matrix, as_vector, floats, invalid
from innotwin.core.economics.shares import shares

__all__ = [
    "SPECIALISATION_TOLERANCE",
    "revealed_comparative_advantage",
    "specialisation_matrix",
    "symmetric_rca",
]

#: Relative tolerance under which an RCA counts as reaching the threshold, so that the order in which
#: floating-point sums were taken never decides whether a region is specialised.
SPECIALISATION_TOLERANCE = 1e-9


def revealed_comparative_advantage(
    values: ArrayLike, *, benchmark: ArrayLike | None = None
) -> NDArray[np.float64]:
    """Balassa's RCA (the location quotient) of each region in each industry.

    ``values`` is a regions × industries matrix of a size measure (employment, output, exports).
    ``benchmark`` is the industry totals of the reference economy; by default the column sums of
    ``values`` (the regions given are the whole economy). Pass national totals when ``values`` holds
    only some of a country's regions.

    Complexity: O(R·K). Reference: Balassa (1965).
    """
    owner = "revealed_comparative_advantage"
    matrix = as_matrix(values, parameter="values", owner=owner)
    if benchmark is None:
        reference = matrix.sum(axis=0)
    else:
        reference = as_vector(benchmark, parameter="benchmark", owner=owner, length=matrix.shape[1])
        if not np.isfinite(reference).all() or (reference < 0).any():
            raise invalid("benchmark", owner, "finite and non-negative", "NaN, infinity or a negative value")
    if reference.sum() == 0:
        raise invalid("benchmark", owner, "positive in total", "an all-zero benchmark")
    reference_shares = reference / reference.sum()
    region_mix = shares(matrix, within="region")
    present = reference_shares[np.newaxis, :] > 0
    return floats(np.divide(region_mix, reference_shares, out=np.zeros_like(region_mix), where=present))


def symmetric_rca(rca: ArrayLike) -> NDArray[np.float64]:
    """Dalum et al.'s symmetric RCA, ``(RCA - 1) / (RCA + 1)``, in [-1, 1). Complexity: O(R·K)."""
    matrix = as_matrix(rca, parameter="rca", owner="symmetric_rca")
    return (matrix - 1.0) / (matrix + 1.0)


def specialisation_matrix(rca: ArrayLike, *, threshold: float = 1.0) -> NDArray[np.float64]:
    """The binary matrix ``M[r, i] = 1`` where ``RCA[r, i] >= threshold`` (Hidalgo & Hausmann's M).

    An RCA within :data:`SPECIALISATION_TOLERANCE` (relative) below the threshold counts as reaching it.
    Complexity: O(R·K).
    """
    matrix = as_matrix(rca, parameter="rca", owner="specialisation_matrix")
    if not (np.isfinite(threshold) and threshold > 0):
        raise invalid("threshold", "specialisation_matrix", "a positive number", repr(threshold))
    return (matrix >= threshold * (1.0 - SPECIALISATION_TOLERANCE)).astype(np.float64)
