"""Properties every scoring must have, whatever the data (Hypothesis)."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from innotwin.core.pairing import DIMENSIONS, PairingInput, RegionSet, score_pairs
from innotwin.core.pairing._ranking import rank_of

TAGS = ("hydrogen", "fintech", "mobility", "smart_cities")
INDUSTRIES = ("10", "20", "29", "30", "50", "62")
SETTINGS = settings(max_examples=50, deadline=None)


@st.composite
def region_sets(draw, *, country: str, industries: tuple[str, ...], complete: bool) -> RegionSet:
    regions = draw(st.integers(2 if complete else 1, 5))
    employment = draw(hnp.arrays(np.int64, (regions, len(industries)), elements=st.integers(0, 30)))
    employment[employment.sum(axis=1) == 0, 0] = 1
    value = st.floats(1.0, 1e6) if complete else st.one_of(st.just(math.nan), st.floats(1.0, 1e6))

    def optional(strategy):
        return strategy if complete else st.one_of(st.none(), strategy)

    return RegionSet(
        country=country,
        codes=[f"{country}{n}" for n in range(regions)],
        names_en=[f"{country} {n}" for n in range(regions)],
        industries=industries,
        employment=employment,
        indicators={
            name: [draw(value) for _ in range(regions)]
            for name in ("population", "output_per_head_ppp", "rnd_personnel", "patents")
        },
        policy_tags=[
            draw(st.frozensets(st.sampled_from(TAGS), min_size=int(complete), max_size=3))
            for _ in range(regions)
        ],
        capital=[draw(optional(st.booleans())) for _ in range(regions)],
        tier=[draw(optional(st.integers(1, 3))) for _ in range(regions)],
        authority=[draw(optional(st.sampled_from(["metropolitan", "provincial"]))) for _ in range(regions)],
    )


@st.composite
def pairing_inputs(draw, *, complete: bool = False) -> PairingInput:
    industries = INDUSTRIES[: draw(st.integers(2, len(INDUSTRIES)))]
    return PairingInput(
        a=draw(region_sets(country="A", industries=industries, complete=complete)),
        b=draw(region_sets(country="B", industries=industries, complete=complete)),
    )


def permuted(regions: RegionSet, rows: np.ndarray, columns: np.ndarray) -> RegionSet:
    return RegionSet(
        country=regions.country,
        codes=[regions.codes[i] for i in rows],
        names_en=[regions.names_en[i] for i in rows],
        industries=[regions.industries[k] for k in columns],
        employment=regions.employment[np.ix_(rows, columns)],
        indicators={name: values[rows] for name, values in regions.indicators.items()},
        policy_tags=[regions.policy_tags[i] for i in rows],
        capital=[regions.capital[i] for i in rows],
        tier=[regions.tier[i] for i in rows],
        authority=[regions.authority[i] for i in rows],
    )


@SETTINGS
@given(data=pairing_inputs(), seed=st.integers(0, 2**32 - 1))
def test_scores_do_not_depend_on_order_of_regions_or_industries(data, seed):
    rng = np.random.default_rng(seed)
    rows_a, rows_b = rng.permutation(len(data.a)), rng.permutation(len(data.b))
    columns = rng.permutation(len(data.industries))
    base = score_pairs(data)
    shuffled = score_pairs(
        PairingInput(a=permuted(data.a, rows_a, columns), b=permuted(data.b, rows_b, columns))
    )
    np.testing.assert_allclose(shuffled.scores, base.scores[:, rows_a][:, :, rows_b], rtol=0, atol=1e-12)
    np.testing.assert_allclose(shuffled.total, base.total[np.ix_(rows_a, rows_b)], rtol=0, atol=1e-12)


@SETTINGS
@given(data=pairing_inputs())
def test_scores_are_the_same_whichever_country_comes_first(data):
    forward = score_pairs(data)
    backward = score_pairs(PairingInput(a=data.b, b=data.a))
    np.testing.assert_allclose(backward.scores, forward.scores.transpose(0, 2, 1), rtol=0, atol=1e-12)


@SETTINGS
@given(data=pairing_inputs(), profile=st.sampled_from(["balanced", "complementarity-first", "peers"]))
def test_scores_and_totals_lie_between_zero_and_one(data, profile):
    result = score_pairs(data, profile=profile)
    values = np.concatenate([result.scores.ravel(), result.total.ravel()])
    values = values[~np.isnan(values)]
    assert bool(((values >= 0.0) & (values <= 1.0)).all()) is True


@SETTINGS
@given(data=pairing_inputs(complete=True), dimension=st.sampled_from(DIMENSIONS), factor=st.floats(1.5, 20.0))
def test_raising_a_weight_never_lowers_the_pair_best_on_that_dimension(data, dimension, factor):
    base = score_pairs(data)
    assume(not np.isnan(base.scores).any())
    scores = base.dimension(dimension)
    best = np.unravel_index(int(np.argmax(scores)), scores.shape)
    raised = score_pairs(data, profile=dict.fromkeys(DIMENSIONS, 1.0) | {dimension: factor})
    assert rank_of(raised.total, *best) <= rank_of(base.total, *best)


@SETTINGS
@given(data=pairing_inputs())
def test_pair_breakdown_agrees_with_the_score_matrices(data):
    result = score_pairs(data)
    pair = result.top(1)[0]
    i, j = data.a.codes.index(pair.a), data.b.codes.index(pair.b)
    assert [part.score for part in pair.scored] == [
        float(result.scores[n, i, j]) for n in range(len(DIMENSIONS)) if not np.isnan(result.scores[n, i, j])
    ]
    for part in pair.scored:
        if part.dimension in ("scale", "research", "governance"):
            assert math.isclose(part.score, float(np.mean(list(part.components.values()))), abs_tol=1e-12)
