"""Golden values of diversity and ubiquity."""

from __future__ import annotations

import pytest

from innotwin.core.economics import diversity, ubiquity
from innotwin.core.errors import DataError

# M = [[1, 1, 1], [1, 1, 0], [1, 0, 0]]: row sums 3, 2, 1; column sums 3, 2, 1.
M = [[1, 1, 1], [1, 1, 0], [1, 0, 0]]


def test_diversity_counts_specialisations_per_region():
    assert diversity(M).tolist() == [3.0, 2.0, 1.0]


def test_ubiquity_counts_specialised_regions_per_industry():
    assert ubiquity(M).tolist() == [3.0, 2.0, 1.0]


def test_diversity_of_non_binary_matrix_raises():
    with pytest.raises(DataError) as error:
        diversity([[0.5, 1.0]])
    assert str(error.value) == (
        "The 'specialisation' parameter of diversity must be "
        "binary (0 or 1 in every cell). Got other values instead."
    )
