"""Golden values of every dimension and of the total, on the toy input of conftest.py.

Hand computation
----------------
Employment A: a1 = [30, 10, 10], a2 = [10, 30, 10]; country shares [.4, .4, .2].
  RCA a1 = [.6/.4, .2/.4, .2/.2] = [1.5, .5, 1]; a2 = [.5, 1.5, 1].
Employment B: b1 = [10, 10, 30], b2 = [30, 10, 10]; country shares [.4, .2, .4].
  RCA b1 = [.5, 1, 1.5]; b2 = [1.5, 1, .5].
Specialisations (RCA >= 1): a1 {10, 30}; a2 {29, 30}; b1 {29, 30}; b2 {10, 29}.

structure: SRCA = (RCA-1)/(RCA+1): 1.5 -> 1/5, .5 -> -1/3, 1 -> 0;
  every vector has |v|² = 1/25 + 1/9 = 34/225.
  cos(a1, b1) = (1/5)(-1/3) / (34/225) = -15/34 -> (1 - 15/34)/2 = 19/68
  cos(a1, b2) = (1/25) / (34/225) = 9/34 -> 43/68;  cos(a2, b1) = (1/9)/(34/225) = 25/34 -> 59/68
  cos(a2, b2) = -15/34 -> 19/68
shared_specialisation (Jaccard): a1·b1 = |{30}|/|{10,29,30}| = 1/3; a1·b2 = 1/3; a2·b1 = 2/2 = 1; a2·b2 = 1/3.
complementarity: pooled M rows a1 [1,0,1], a2 [0,1,1], b1 [0,1,1], b2 [1,1,0]; ubiquity [2, 3, 3];
  co-occurrence C01 = 1, C02 = 1, C12 = 2 -> φ01 = 1/3, φ02 = 1/3, φ12 = 2/3.
  density (self excluded; denominators 2/3, 1, 1):
    a1 [1/2, 1, 1/3]; a2 [1, 2/3, 2/3]; b1 [1, 2/3, 2/3]; b2 [1/2, 1/3, 1]
  percentiles over the 12 cells, (average rank - 1)/11: 1/3 -> 1/22, 1/2 -> 5/22, 2/3 -> 1/2, 1 -> 19/22.
  a1·b1: a lacks-in-b {10}: b1's percentile 19/22, over |S_a1| = 2 -> 19/44; b's {29}: a1's 19/22 / 2
    -> 19/44; mean 19/44.  a1·b2: {30} -> 19/44 and {29} -> 19/44: 19/44.  a2·b1: nothing one-sided: 0.
  a2·b2: {30} -> b2's 19/22 / 2, {10} -> a2's 19/22 / 2: 19/44.
scale (min/max, mean over indicators known on both sides):
  a1·b1: population 1/1, output per head 30/40 -> (1 + .75)/2 = .875; a1·b2: population 1/4 -> .25
  a2·b1: 1/2 and 30/30 -> .75; a2·b2: 2/4 -> .5
research (R&D personnel per head, mid-rank percentile within country, geometric mean; patents are
  known on one side only and never count): A: a1 .003 -> .75, a2 .001 -> .25; B: b1 .005 -> .75,
  b2 .001 -> .25. a1·b1 = .75; a1·b2 = a2·b1 = √(.75 · .25) = √3/4; a2·b2 = .25.
policy (Jaccard; a2 recorded none): a1·b1 = |{net zero}|/4 = .25; a1·b2 = |{maritime}|/2 = .5.
governance (mean of tier 1/(1+|Δ|), same capital, same authority over those known on both sides):
  a1·b1 = (1 + 1 + 1)/3 = 1; a1·b2 = (capital 0 + authority 1)/2 = .5; a2·b1 = (1/2 + 1 + 0)/3 = .5;
  a2·b2 = (0 + 0)/2 = 0.
total ("balanced", equal weights, mean over the dimensions present):
  a1·b1 = (.875 + 19/68 + 1/3 + 19/44 + .75 + .25 + 1)/7
  a2·b1 = (.75 + 59/68 + 1 + 0 + √3/4 + .5)/6      (policy left out)
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from innotwin.core.pairing import DIMENSIONS, score_pairs

NAN = math.nan
ROOT = math.sqrt(3) / 4
EXPECTED = {
    "scale": [[0.875, 0.25], [0.75, 0.5]],
    "structure": [[19 / 68, 43 / 68], [59 / 68, 19 / 68]],
    "shared_specialisation": [[1 / 3, 1 / 3], [1.0, 1 / 3]],
    "complementarity": [[19 / 44, 19 / 44], [0.0, 19 / 44]],
    "research": [[0.75, ROOT], [ROOT, 0.25]],
    "policy": [[0.25, 0.5], [NAN, NAN]],
    "governance": [[1.0, 0.5], [0.5, 0.0]],
}


@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_dimension_of_toy_input_matches_hand_computation(toy, dimension):
    result = score_pairs(toy)
    assert result.dimension(dimension) == pytest.approx(np.array(EXPECTED[dimension]), abs=1e-12, nan_ok=True)


def test_total_of_toy_input_is_mean_of_present_dimensions(toy):
    result = score_pairs(toy)
    a1_b1 = (0.875 + 19 / 68 + 1 / 3 + 19 / 44 + 0.75 + 0.25 + 1.0) / 7
    a2_b1 = (0.75 + 59 / 68 + 1.0 + 0.0 + ROOT + 0.5) / 6
    assert result.total[0, 0] == pytest.approx(a1_b1, abs=1e-12)
    assert result.total[1, 0] == pytest.approx(a2_b1, abs=1e-12)


def test_total_with_custom_weights_is_weighted_mean(toy):
    # Only structure (weight 3) and shared specialisation (weight 1): a2·b1 = (3·59/68 + 1·1)/4.
    weights = dict.fromkeys(DIMENSIONS, 0.0) | {"structure": 3.0, "shared_specialisation": 1.0}
    result = score_pairs(toy, profile=weights)
    assert result.total[1, 0] == pytest.approx((3 * 59 / 68 + 1.0) / 4, abs=1e-12)


def test_total_without_any_weighted_dimension_present_is_nan(toy):
    # Policy alone: a2 recorded no policy priorities, so its pairs have no score at all.
    result = score_pairs(toy, profile=dict.fromkeys(DIMENSIONS, 0.0) | {"policy": 1.0})
    assert result.total[0].tolist() == [0.25, 0.5]
    assert np.isnan(result.total[1]).all()
