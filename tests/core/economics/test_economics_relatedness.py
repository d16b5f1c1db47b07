"""Golden values of proximity (co-location) and relatedness density."""

from __future__ import annotations

import math

import numpy as np
import pytest

from innotwin.core.economics import proximity, relatedness_density
from innotwin.core.errors import DataError

# M = [[1, 1, 1], [1, 1, 0], [1, 0, 0]]: co-occurrence C = MᵀM = [[3, 2, 1], [2, 2, 1], [1, 1, 1]],
# ubiquity u = [3, 2, 1].
M = np.array([[1, 1, 1], [1, 1, 0], [1, 0, 0]])


def test_proximity_min_conditional_divides_by_larger_ubiquity():
    # φ01 = 2/max(3, 2) = 2/3; φ02 = 1/max(3, 1) = 1/3; φ12 = 1/max(2, 1) = 1/2; diagonal 1.
    expected = np.array([[1, 2 / 3, 1 / 3], [2 / 3, 1, 1 / 2], [1 / 3, 1 / 2, 1]])
    assert proximity(M) == pytest.approx(expected)


def test_proximity_cosine_divides_by_geometric_mean_ubiquity():
    # φ01 = 2/√6; φ02 = 1/√3; φ12 = 1/√2.
    expected = np.array(
        [
            [1, 2 / math.sqrt(6), 1 / math.sqrt(3)],
            [2 / math.sqrt(6), 1, 1 / math.sqrt(2)],
            [1 / math.sqrt(3), 1 / math.sqrt(2), 1],
        ]
    )
    assert proximity(M, method="cosine") == pytest.approx(expected)


def test_proximity_of_industry_nobody_is_specialised_in_is_zero():
    assert proximity([[1, 0], [1, 0]]).tolist() == [[1.0, 0.0], [0.0, 0.0]]


def test_relatedness_density_excluding_self_matches_hand_computation():
    # ω[r, i] = Σ_{j≠i} M[r, j] φ[i, j] / Σ_{j≠i} φ[i, j] with φ from the test above:
    # region 1 (specialised in 0, 1): ω10 = (2/3)/(2/3 + 1/3) = 2/3; ω11 = (2/3)/(2/3 + 1/2) = 4/7;
    #   ω12 = (1/3 + 1/2)/(1/3 + 1/2) = 1.
    # region 2 (specialised in 0): ω20 = 0/(1) = 0; ω21 = (2/3)/(7/6) = 4/7; ω22 = (1/3)/(1/3 + 1/2) = 2/5.
    density = relatedness_density(M, proximity(M))
    assert density[1] == pytest.approx(np.array([2 / 3, 4 / 7, 1.0]))
    assert density[2] == pytest.approx(np.array([0.0, 4 / 7, 0.4]))
    assert density[0] == pytest.approx(np.array([1.0, 1.0, 1.0]))


def test_relatedness_density_including_self_counts_own_specialisation():
    # region 2, industry 0, with the diagonal: (1·1 + 0 + 0)/(1 + 2/3 + 1/3) = 1/2.
    assert relatedness_density(M, proximity(M), exclude_self=False)[2, 0] == pytest.approx(0.5)


def test_relatedness_density_with_asymmetric_proximity_raises():
    with pytest.raises(DataError) as error:
        relatedness_density(M, np.triu(np.ones((3, 3))))
    assert str(error.value) == (
        "The 'proximity' parameter of relatedness_density "
        "must be symmetric. Got an asymmetric matrix instead."
    )
