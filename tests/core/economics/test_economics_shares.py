"""Golden values of the shares formulas."""

from __future__ import annotations

import numpy as np
import pytest

from innotwin.core.economics import shares
from innotwin.core.errors import DataError

# X = [[2, 2], [1, 3]]: region totals 4 and 4, industry totals 3 and 5, grand total 8.
EMPLOYMENT = np.array([[2.0, 2.0], [1.0, 3.0]])


def test_shares_within_region_divides_by_region_totals():
    # [[2/4, 2/4], [1/4, 3/4]]
    assert shares(EMPLOYMENT).tolist() == [[0.5, 0.5], [0.25, 0.75]]


def test_shares_within_industry_divides_by_industry_totals():
    # [[2/3, 2/5], [1/3, 3/5]]
    assert shares(EMPLOYMENT, within="industry") == pytest.approx(np.array([[2 / 3, 0.4], [1 / 3, 0.6]]))


def test_shares_within_total_divides_by_grand_total():
    # [[2/8, 2/8], [1/8, 3/8]]
    assert shares(EMPLOYMENT, within="total").tolist() == [[0.25, 0.25], [0.125, 0.375]]


def test_shares_within_industry_of_empty_industry_is_zero():
    assert shares(np.array([[1.0, 0.0], [3.0, 0.0]]), within="industry").tolist() == [
        [0.25, 0.0],
        [0.75, 0.0],
    ]


def test_shares_within_region_of_empty_region_raises():
    with pytest.raises(DataError) as error:
        shares(np.array([[1.0, 1.0], [0.0, 0.0]]))
    assert str(error.value) == (
        "The 'values' parameter of shares must be positive in "
        "every region's total. Got zero totals in rows [1] instead."
    )


def test_shares_with_negative_cell_raises():
    with pytest.raises(DataError) as error:
        shares(np.array([[1.0, -1.0]]))
    assert (
        str(error.value) == "The 'values' parameter of shares must be non-negative. Got minimum -1.0 instead."
    )


def test_shares_with_unknown_within_raises():
    with pytest.raises(DataError) as error:
        shares(EMPLOYMENT, within="country")
    assert str(error.value) == (
        "The 'within' parameter of shares must be one of "
        "'region', 'industry', 'total'. Got 'country' instead."
    )
