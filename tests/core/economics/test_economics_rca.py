"""Golden values of RCA / the location quotient, on a toy matrix and on the published Korean LQs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from innotwin.core.economics import revealed_comparative_advantage, specialisation_matrix, symmetric_rca
from innotwin.core.errors import DataError

# X = [[2, 2], [1, 3]]. Benchmark shares (column totals / 8) = [3/8, 5/8].
# Region 0: mix [1/2, 1/2] -> RCA [(1/2)/(3/8), (1/2)/(5/8)] = [4/3, 4/5].
# Region 1: mix [1/4, 3/4] -> RCA [(1/4)/(3/8), (3/4)/(5/8)] = [2/3, 6/5].
EMPLOYMENT = np.array([[2.0, 2.0], [1.0, 3.0]])


def test_revealed_comparative_advantage_of_toy_matrix_matches_hand_computation():
    assert revealed_comparative_advantage(EMPLOYMENT) == pytest.approx(np.array([[4 / 3, 0.8], [2 / 3, 1.2]]))


def test_revealed_comparative_advantage_with_benchmark_uses_its_shares():
    # Benchmark [1, 1] -> shares [1/2, 1/2]; region 0 -> [1, 1]; region 1 -> [1/2, 3/2].
    result = revealed_comparative_advantage(EMPLOYMENT, benchmark=[1.0, 1.0])
    assert result.tolist() == [[1.0, 1.0], [0.5, 1.5]]


def test_revealed_comparative_advantage_of_empty_industry_is_zero():
    assert revealed_comparative_advantage(np.array([[1.0, 0.0], [1.0, 0.0]])).tolist() == [
        [1.0, 0.0],
        [1.0, 0.0],
    ]


def test_revealed_comparative_advantage_with_wrong_benchmark_length_raises():
    with pytest.raises(DataError) as error:
        revealed_comparative_advantage(EMPLOYMENT, benchmark=[1.0])
    assert str(error.value) == (
        "The 'benchmark' parameter of revealed_comparative_advantage "
        "must be of length 2. Got length 1 instead."
    )


def test_revealed_comparative_advantage_with_nan_raises():
    with pytest.raises(DataError) as error:
        revealed_comparative_advantage(np.array([[1.0, np.nan]]))
    assert str(error.value) == (
        "The 'values' parameter of revealed_comparative_advantage must be finite (fill suppressed cells "
        "explicitly). Got NaN or infinity instead."
    )


def test_symmetric_rca_maps_one_to_zero():
    # (4/3 - 1) / (4/3 + 1) = 1/7; (4/5 - 1) / (4/5 + 1) = -1/9; (1 - 1) / 2 = 0.
    assert symmetric_rca([[4 / 3, 0.8, 1.0]]) == pytest.approx(np.array([[1 / 7, -1 / 9, 0.0]]))


def test_specialisation_matrix_marks_rca_at_least_threshold():
    assert specialisation_matrix([[4 / 3, 0.8], [2 / 3, 1.2]]).tolist() == [[1.0, 0.0], [0.0, 1.0]]


def test_specialisation_matrix_counts_rounding_below_threshold_as_specialised():
    assert specialisation_matrix([[1.0 - 1e-13, 0.999]]).tolist() == [[1.0, 0.0]]


def test_specialisation_matrix_with_non_positive_threshold_raises():
    with pytest.raises(DataError) as error:
        specialisation_matrix([[1.0]], threshold=0.0)
    assert str(error.value) == (
        "The 'threshold' parameter of specialisation_matrix must be a positive number. Got 0.0 instead."
    )


def test_revealed_comparative_advantage_matches_published_korean_location_quotients(shared_data: Path):
    # KOSIS Census on Establishments 2023, workers by sido x KSIC-10 division; the publisher's LQ is the
    # sido share over the sum-of-17-sido share, printed to 3 decimals; suppressed cells are absent (= 0).
    table = pd.read_csv(
        shared_data
        / "kr_regional_industry"
        / "kosis_business_census_2023_workers_by_sido_ksic10_division.csv",
        dtype={"sido_code": str, "ksic10_division": str},
    )
    sido = table[table["sido_en"] != "Sum of 17 sido"]
    workers = sido.pivot(index="sido_code", columns="ksic10_division", values="workers").fillna(0.0)
    published = sido.pivot(index="sido_code", columns="ksic10_division", values="location_quotient")
    computed = np.round(revealed_comparative_advantage(workers.to_numpy()), 3)
    cells = published.notna().to_numpy()
    assert int(cells.sum()) == 1188
    assert int((computed[cells] != published.to_numpy()[cells]).sum()) == 0
