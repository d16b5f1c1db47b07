"""Economic complexity: the Economic Complexity Index (ECI) of regions and the Product (here: industry)
Complexity Index (PCI).

With the binary specialisation matrix ``M`` (regions × industries), diversity ``k = M.sum(1)`` and
ubiquity ``u = M.sum(0)``, the region–region matrix

    M̃ = D⁻¹ M U⁻¹ Mᵀ      (D = diag(k), U = diag(u))

is row-stochastic; its largest eigenvalue is 1 with a constant eigenvector. The ECI is the eigenvector of
its *second* largest eigenvalue, standardised (mean 0, population standard deviation 1) and signed to
correlate positively with diversity (Hausmann et al. 2014; Mealy et al. 2019). The PCI is the
standardised mean ECI of the regions specialised in each industry, ``U⁻¹ Mᵀ ECI``, which is the
eigenvector of ``U⁻¹ Mᵀ D⁻¹ M`` for the same eigenvalue.

Two algorithms, chosen with ``method``:

* ``"eigenvector"`` (default): the symmetric form ``S = D^-½ M U⁻¹ Mᵀ D^-½`` (similar to M̃, so real,
  non-negative eigenvalues) solved with :func:`numpy.linalg.eigh`; ``ECI ∝ D^-½ v₂``. O(R²·K + R³).
* ``"reflections"``: Hidalgo & Hausmann's method of reflections, ``k_{c,N} = M̃ k_{c,N-2}`` from
  ``k_{c,0} = k``, standardising after every step. Standardising removes the constant (first)
  eigenvector, so the iteration converges to the same vector as ``"eigenvector"`` at the rate
  ``λ₃ / λ₂``. O(N·R·K) for N iterations. It needs regions of different diversity to start from.

Regions with no specialisation and industries nobody is specialised in are left out of the computation
and get NaN. When the network falls apart into disconnected blocks the second eigenvalue is 1 and the
ECI only says which block a region is in; ``eigenvalue`` reports it so that callers can check.

References:
    Hidalgo, C. A., & Hausmann, R. (2009). The building blocks of economic complexity. *PNAS*, 106(26),
    10570–10575.
    Hausmann, R., Hidalgo, C. A., et al. (2014). *The Atlas of Economic Complexity*. MIT Press.
    Mealy, P., Farmer, J. D., & Teytelboym, A. (2019). Interpreting economic complexity. *Science
    Advances*, 5(1), eaau1705.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from innotwin.core.economics._validation import as_binary_matrix, floats, invalid

__all__ = ["ComplexityResult", "economic_complexity"]

Method = Literal["eigenvector", "reflections"]
OWNER = "economic_complexity"


@dataclass(frozen=True, eq=False)
class ComplexityResult:
    """ECI per region and PCI per industry (NaN where left out), with how they were obtained."""

    eci: NDArray[np.float64]
    pci: NDArray[np.float64]
    method: Method
    #: The second largest eigenvalue of M̃ (estimated from the last step for ``"reflections"``).
    eigenvalue: float
    #: Reflection steps taken (0 for ``"eigenvector"``).
    iterations: int
    converged: bool


def _standardise(vector: NDArray[np.float64]) -> NDArray[np.float64]:
    spread = float(vector.std())
    if spread <= 1e-12 * max(1.0, float(np.abs(vector).max())):
        raise invalid(
            "specialisation", OWNER, "a matrix whose regions differ in their specialisations", "no variation"
        )
    return floats((vector - vector.mean()) / spread)


def _orient(eci: NDArray[np.float64], diversity: NDArray[np.float64]) -> NDArray[np.float64]:
    """Sign ``eci`` to correlate positively with diversity (ties: the first non-zero value positive)."""
    covariance = float(np.dot(eci, diversity - diversity.mean()))
    if covariance == 0.0:
        covariance = float(eci[np.flatnonzero(np.abs(eci) > 1e-12)[0]])
    return eci if covariance > 0 else -eci


def economic_complexity(
    specialisation: ArrayLike,
    *,
    method: Method = "eigenvector",
    max_iterations: int = 1000,
    tolerance: float = 1e-12,
) -> ComplexityResult:
    """The ECI of each region and the PCI of each industry from the binary specialisation matrix.

    ``max_iterations`` and ``tolerance`` (largest change of the standardised vector between steps) apply
    to ``method="reflections"`` only. Complexity: see the module docstring.
    References: Hidalgo & Hausmann (2009); Mealy, Farmer & Teytelboym (2019).
    """
    full = as_binary_matrix(specialisation, parameter="specialisation", owner=OWNER)
    if method not in ("eigenvector", "reflections"):
        raise invalid("method", OWNER, "one of 'eigenvector', 'reflections'", repr(method))
    rows = full.sum(axis=1) > 0
    columns = full.sum(axis=0) > 0
    matrix = full[np.ix_(rows, columns)]
    if matrix.shape[0] < 2:
        raise invalid(
            "specialisation", OWNER, "a matrix with at least two specialised regions", matrix.shape[0]
        )
    diversity = matrix.sum(axis=1)
    ubiquity = matrix.sum(axis=0)

    def reflect(vector: NDArray[np.float64]) -> NDArray[np.float64]:
        """One region → industry → region reflection, M̃ · vector."""
        return floats((matrix @ ((matrix.T @ vector) / ubiquity)) / diversity)

    iterations = 0
    converged = True
    if method == "eigenvector":
        scaled = matrix / np.sqrt(diversity)[:, np.newaxis] / np.sqrt(ubiquity)[np.newaxis, :]
        values, vectors = np.linalg.eigh(scaled @ scaled.T)
        eigenvalue = float(values[-2])
        eci = _standardise(vectors[:, -2] / np.sqrt(diversity))
    else:
        eci = _standardise(diversity)
        converged = False
        while iterations < max_iterations and not converged:
            following = _standardise(reflect(eci))
            converged = bool(np.abs(following - eci).max() < tolerance)
            eci = following
            iterations += 1
        # M̃ maps the standardised v₂ to λ₂·v₂ plus a constant, so λ₂ is the spread of its image.
        eigenvalue = float(reflect(eci).std())
    eci = _orient(eci, diversity)
    pci = _standardise((matrix.T @ eci) / ubiquity)

    eci_full = np.full(full.shape[0], np.nan)
    eci_full[rows] = eci
    pci_full = np.full(full.shape[1], np.nan)
    pci_full[columns] = pci
    return ComplexityResult(
        eci=eci_full,
        pci=pci_full,
        method=method,
        eigenvalue=eigenvalue,
        iterations=iterations,
        converged=converged,
    )
