"""Ranking every UK ITL2 × Korean sido pair of the bundled atlas, its robustness and its cache."""

from __future__ import annotations

import numpy as np
import pytest

from innotwin.atlas.models import Observation, Source
from innotwin.core.pairing import assess_robustness, score_pairs
from innotwin.discovery.domain.atlas_fingerprint import atlas_fingerprint
from innotwin.discovery.domain.build_pairing_input import build_pairing_input
from innotwin.discovery.domain.rank_pairs import Ranking, rank_pairs


@pytest.fixture
def ranking(atlas, cold_cache) -> Ranking:
    return rank_pairs(country_a="GB", country_b="KR")


def test_ranking_has_every_pair_once_best_first(ranking: Ranking) -> None:
    assert len(ranking.pairs) == 680
    assert len({(p.a, p.b) for p in ranking.pairs}) == 680
    totals = [p.total for p in ranking.pairs]
    assert totals == sorted(totals, reverse=True)
    assert [p.rank for p in ranking.pairs[:3]] == [1, 2, 3]


def test_ranking_equals_the_engine_run_on_the_same_input(ranking: Ranking) -> None:
    result = score_pairs(build_pairing_input(country_a="GB", country_b="KR").data)
    best = result.top(10)
    assert [(p.a, p.b, p.total) for p in ranking.pairs[:10]] == [(p.a, p.b, p.total) for p in best]


def test_ranking_robustness_is_the_engines_top_k_probability(ranking: Ranking) -> None:
    result = score_pairs(build_pairing_input(country_a="GB", country_b="KR").data)
    robustness = assess_robustness(result, k=10, n_draws=200, spread=0.5, random_state=0)
    for pair in ranking.pairs[:12]:
        assert pair.top_k_probability == robustness.probability(pair.a, pair.b)
    assert (ranking.k, ranking.n_draws, ranking.random_state) == (10, 200, 0)


def test_ranking_says_which_dimensions_each_pair_lacks(ranking: Ranking) -> None:
    # Policy priorities are recorded for three scored UK regions and four sido only.
    best = ranking.pair("TLG1", "KR-43")
    programme = ranking.pair("TLD7", "KR-26")
    assert best is not None
    assert programme is not None
    assert (best.left_out, best.present, best.scores["policy"]) == (("policy",), 6, None)
    assert (programme.left_out, programme.present) == ((), 7)


def test_ranking_heat_map_grid_holds_every_pair_in_region_order(ranking: Ranking) -> None:
    grid = ranking.grid()
    assert (len(grid), {len(cells) for _region, cells in grid}) == (40, {17})
    region, cells = grid[0]
    assert [(cell.a, cell.b) for cell in cells] == [(region[0], b[0]) for b in ranking.regions_b]


def test_ranking_is_served_from_the_cache_while_the_atlas_is_unchanged(ranking: Ranking) -> None:
    again = rank_pairs(country_a="GB", country_b="KR")
    assert (again.key, again.computed_at) == (ranking.key, ranking.computed_at)


def test_ranking_is_recomputed_when_the_atlas_changes(ranking: Ranking) -> None:
    before = atlas_fingerprint()
    Observation.objects.create(
        region_id="KR-26",
        indicator_id="population",
        period=2030,
        value=3_000_000,
        unit="persons",
        source=Source.objects.get(key="kosis-registered-population"),
        quality="official",
    )
    again = rank_pairs(country_a="GB", country_b="KR")
    assert atlas_fingerprint() != before
    assert again.key != ranking.key
    assert again.b.values["population"]["KR-26"].period == 2024  # the best-covered year is still 2024
    assert again.computed_at > ranking.computed_at


def test_ranking_profiles_reweigh_the_same_dimension_scores(ranking: Ranking) -> None:
    peers = rank_pairs(country_a="GB", country_b="KR", profile="peers")
    assert peers.key != ranking.key
    assert peers.profile.weights["scale"] == 2.0
    pair, same = ranking.pair("TLD7", "KR-26"), peers.pair("TLD7", "KR-26")
    assert pair is not None
    assert same is not None
    assert pair.scores == same.scores
    assert pair.total != same.total


def test_ranking_swapping_the_countries_transposes_it(ranking: Ranking) -> None:
    swapped = rank_pairs(country_a="KR", country_b="GB")
    forward = {(p.a, p.b): p.total for p in ranking.pairs}
    backward = {(p.b, p.a): p.total for p in swapped.pairs}
    assert forward.keys() == backward.keys()
    assert np.allclose([forward[k] for k in forward], [backward[k] for k in forward], rtol=1e-12)


def test_ranking_leave_one_out_covers_every_weighted_dimension(ranking: Ranking) -> None:
    dimensions = [row.dropped for row in ranking.leave_one_out if row.kind == "dimension"]
    assert dimensions == [
        "scale",
        "structure",
        "shared_specialisation",
        "complementarity",
        "research",
        "policy",
        "governance",
    ]
    assert all(0 <= row.kept <= 10 for row in ranking.leave_one_out)
