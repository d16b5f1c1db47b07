"""Golden values of the ECI and PCI, by both algorithms."""

from __future__ import annotations

import math

import numpy as np
import pytest

from innotwin.core.economics import economic_complexity
from innotwin.core.errors import DataError

# Hand computation for the nested matrix M = [[1, 1, 1], [1, 1, 0], [1, 0, 0]] (k = u = [3, 2, 1]):
#   M̃[c, c'] = (1 / k[c]) * sum_p M[c, p] M[c', p] / u[p]
#            = [[11/18, 5/18, 2/18], [5/12, 5/12, 2/12], [1/3, 1/3, 1/3]]
#   trace = 49/36 and det = 1/36, and 1 is an eigenvalue (rows sum to 1), so the other two solve
#   36λ² - 13λ + 1 = 0: λ = 1/4 and 1/9. For λ₂ = 1/4, (M̃ - I/4) v = 0 gives v ∝ (-2, 1, 4).
#   Signed to correlate with diversity: (2, -1, -4); mean -1; deviations (3, 0, -3); population
#   standard deviation √6; ECI = (3/√6, 0, -3/√6) = (√1.5, 0, -√1.5).
#   PCI = standardised U⁻¹ Mᵀ ECI = standardised (0, √1.5/2, √1.5) = (-√1.5, 0, √1.5).
M = np.array([[1, 1, 1], [1, 1, 0], [1, 0, 0]])
ROOT = math.sqrt(1.5)


@pytest.mark.parametrize("method", ["eigenvector", "reflections"])
def test_economic_complexity_of_nested_matrix_matches_hand_computation(method):
    result = economic_complexity(M, method=method)
    assert result.eci == pytest.approx(np.array([ROOT, 0.0, -ROOT]), abs=1e-12)
    assert result.pci == pytest.approx(np.array([-ROOT, 0.0, ROOT]), abs=1e-12)
    assert result.eigenvalue == pytest.approx(0.25, abs=1e-12)
    assert result.converged is True


def test_economic_complexity_by_reflections_agrees_with_eigenvector_on_random_matrix():
    rng = np.random.default_rng(7)
    matrix = (rng.random((30, 12)) < 0.35).astype(float)
    eigen = economic_complexity(matrix)
    reflections = economic_complexity(matrix, method="reflections")
    assert reflections.converged is True
    assert reflections.eci == pytest.approx(eigen.eci, abs=1e-6, nan_ok=True)
    assert reflections.pci == pytest.approx(eigen.pci, abs=1e-6, nan_ok=True)


def test_economic_complexity_leaves_out_empty_regions_and_industries():
    padded = np.zeros((4, 4))
    padded[:3, :3] = M
    result = economic_complexity(padded)
    assert np.isnan(result.eci[3])
    assert np.isnan(result.pci[3])
    assert result.eci[:3] == pytest.approx(np.array([ROOT, 0.0, -ROOT]), abs=1e-12)


def test_economic_complexity_without_variation_raises():
    with pytest.raises(DataError) as error:
        economic_complexity(np.eye(3), method="reflections")
    assert str(error.value) == (
        "The 'specialisation' parameter of economic_complexity "
        "must be a matrix whose regions differ in their "
        "specialisations. Got no variation instead."
    )


def test_economic_complexity_with_unknown_method_raises():
    with pytest.raises(DataError) as error:
        economic_complexity(M, method="power")
    assert str(error.value) == (
        "The 'method' parameter of economic_complexity must be one of 'eigenvector', 'reflections'. "
        "Got 'power' instead."
    )
