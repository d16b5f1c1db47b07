"""Rank stability under weight perturbation and leave-one-out."""

from __future__ import annotations

import numpy as np
import pytest

from innotwin.core.errors import DataError
from innotwin.core.pairing import assess_robustness, score_pairs


def test_assess_robustness_is_reproducible_with_random_state(toy):
    result = score_pairs(toy)
    first = assess_robustness(result, k=1, n_draws=50, random_state=3)
    second = assess_robustness(result, k=1, n_draws=50, random_state=3)
    assert first.top_k_probability.tolist() == second.top_k_probability.tolist()
    assert first.rank_median == second.rank_median


def test_assess_robustness_without_spread_keeps_baseline_top_k(toy):
    # Top 2 by hand: a2·b1 and a1·b1. Without perturbation every draw is the baseline.
    robustness = assess_robustness(score_pairs(toy), k=2, n_draws=5, spread=0.0, random_state=0)
    assert robustness.baseline == (("a2", "b1"), ("a1", "b1"))
    assert robustness.top_k_probability.tolist() == [[1.0, 0.0], [1.0, 0.0]]
    assert (robustness.rank_p05, robustness.rank_p95) == ((1.0, 2.0), (1.0, 2.0))
    assert robustness.probability("a1", "b2") == 0.0


def test_assess_robustness_probabilities_sum_to_k_per_draw_without_ties(toy):
    robustness = assess_robustness(score_pairs(toy), k=2, n_draws=100, random_state=1)
    assert robustness.top_k_probability.sum() == pytest.approx(2.0)


def test_assess_robustness_leaves_out_each_dimension_and_indicator(toy):
    # Dropping structure: a2·b1 loses its 59/68, falls to (.75 + 1 + 0 + √3/4 + .5)/5 = .537 and a1·b1
    # (.875 + 1/3 + 19/44 + .75 + .25 + 1)/6 = .607 leads; both stay in the top 2.
    robustness = assess_robustness(score_pairs(toy), k=2, n_draws=10, random_state=0)
    checks = {(check.kind, check.dropped): check for check in robustness.leave_one_out}
    assert sorted(checks) == sorted(
        [("dimension", d) for d in ("scale", "structure", "shared_specialisation", "complementarity")]
        + [("dimension", d) for d in ("research", "policy", "governance")]
        + [("indicator", i) for i in ("population", "output_per_head_ppp", "rnd_personnel", "patents")]
        + [("indicator", i) for i in ("tier", "capital", "authority")]
    )
    assert (checks[("dimension", "structure")].top_k_kept, checks[("dimension", "structure")].ranks) == (
        2,
        (2, 1),
    )


def test_assess_robustness_dropping_indicator_known_on_one_side_changes_nothing(toy):
    robustness = assess_robustness(score_pairs(toy), k=2, n_draws=10, random_state=0)
    patents = next(check for check in robustness.leave_one_out if check.dropped == "patents")
    assert (patents.top_k_kept, patents.ranks) == (2, (1, 2))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"k": 0}, "The 'k' parameter of assess_robustness must be a positive integer. Got 0 instead."),
        (
            {"spread": 1.0},
            "The 'spread' parameter of assess_robustness must be a number in [0, 1). Got 1.0 instead.",
        ),
        ({"n_draws": 0}, "The 'n_draws' parameter of assess_robustness must be ≥ 1. Got 0 instead."),
    ],
)
def test_assess_robustness_with_invalid_argument_raises(toy, arguments, message):
    with pytest.raises(DataError) as error:
        assess_robustness(score_pairs(toy), **arguments)
    assert str(error.value) == message


def test_assess_robustness_accepts_a_generator(toy):
    robustness = assess_robustness(score_pairs(toy), k=1, n_draws=3, random_state=np.random.default_rng(0))
    assert robustness.random_state is None
    assert robustness.n_draws == 3
