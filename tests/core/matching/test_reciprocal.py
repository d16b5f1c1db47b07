"""Batch reciprocal top-k: exact where every pair is scored, high recall with probing, sane edges."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest

from innotwin.core.errors import ConfigurationError
from innotwin.core.matching import clustered_profiles, reciprocal, reciprocal_top_k, spherical_kmeans

Matrix = npt.NDArray[np.float32]


def _unit(rows: int, dim: int, seed: int) -> Matrix:
    data = np.random.default_rng(seed).standard_normal((rows, dim)).astype(np.float32)
    return data / np.linalg.norm(data, axis=1, keepdims=True)


def _brute_force(oa: Matrix, na: Matrix, ob: Matrix, nb: Matrix, k: int) -> list[list[tuple[int, float]]]:
    """Each A's top k by scoring.reciprocal over every B, ties by key; pairs scoring 0 left out."""
    out = []
    for i in range(len(oa)):
        ab, ba = ob @ na[i], nb @ oa[i]
        scored = [
            (j, reciprocal(float(np.clip(ab[j], 0, 1)), float(np.clip(ba[j], 0, 1)))) for j in range(len(ob))
        ]
        ranked = sorted((item for item in scored if item[1] > 0), key=lambda item: (-item[1], item[0]))
        out.append(ranked[:k])
    return out


def _as_lists(pairs: npt.NDArray[np.int64], scores: Matrix) -> list[list[tuple[int, float]]]:
    return [
        [(int(key), float(score)) for key, score in zip(row_keys, row_scores, strict=True) if key >= 0]
        for row_keys, row_scores in zip(pairs, scores, strict=True)
    ]


def _assert_same(found: list[list[tuple[int, float]]], truth: list[list[tuple[int, float]]]) -> None:
    assert len(found) == len(truth)
    for got, expected in zip(found, truth, strict=True):
        assert [key for key, _ in got] == [key for key, _ in expected]
        assert [score for _, score in got] == pytest.approx([score for _, score in expected], abs=1e-5)


def test_small_pools_are_scored_exactly_with_every_pair() -> None:
    oa, na, ob, nb = _unit(40, 16, 1), _unit(40, 16, 2), _unit(300, 16, 3), _unit(300, 16, 4)
    result = reciprocal_top_k(oa, na, ob, nb, k=7)
    assert (result.clusters, result.probes, result.scored_share) == (1, 1, 1.0)
    _assert_same(_as_lists(result.pairs, result.scores), _brute_force(oa, na, ob, nb, 7))


def test_probing_every_cluster_is_exact() -> None:
    oa, na = clustered_profiles(200, 32, clusters=8, seed=5, centre_seed=5)
    ob, nb = clustered_profiles(1500, 32, clusters=8, seed=6, centre_seed=5)
    result = reciprocal_top_k(oa, na, ob, nb, k=10, clusters=16, probes=16, exact_limit=0)
    assert result.clusters == 16
    assert result.scored_share == pytest.approx(1.0)
    _assert_same(_as_lists(result.pairs, result.scores), _brute_force(oa, na, ob, nb, 10))


def test_default_probing_finds_at_least_99_percent_of_the_exact_top_10() -> None:
    oa, na = clustered_profiles(2000, 128, clusters=256, seed=11, centre_seed=10)
    ob, nb = clustered_profiles(30_000, 128, clusters=256, seed=12, centre_seed=10)
    result = reciprocal_top_k(oa, na, ob, nb, k=10)
    assert result.clusters == 128
    assert result.probes == 8
    assert result.scored_share < 0.1
    truth = reciprocal_top_k(oa, na, ob, nb, k=10, exact_limit=len(ob)).pairs
    hits = sum(len(set(f) & set(t)) for f, t in zip(result.pairs.tolist(), truth.tolist(), strict=True))
    assert hits / truth.size >= 0.99


def test_a_match_good_for_one_side_only_ranks_below_one_good_for_both() -> None:
    e = np.eye(4, dtype=np.float32)
    # A needs e0 and offers e1. B0 offers e0 but needs e3 (A's offer is of no use to it); B1 offers e0
    # less well but needs e1; B2 offers nothing A needs.
    na, oa = e[[0]], e[[1]]
    ob = np.stack([e[0], (0.8 * e[0] + 0.6 * e[2]), e[3]])
    nb = np.stack([e[3], e[1], e[1]])
    result = reciprocal_top_k(oa, na, ob, nb, k=3)
    assert result.pairs[0].tolist() == [1, -1, -1]
    assert result.scores[0, 0] == pytest.approx(2 * 0.8 * 1.0 / 1.8)


def test_empty_sides_give_empty_rows() -> None:
    some, none = _unit(3, 8, 0), np.zeros((0, 8), dtype=np.float32)
    assert reciprocal_top_k(some, some, none, none, k=2).pairs.tolist() == [[-1, -1]] * 3
    assert reciprocal_top_k(none, none, some, some, k=2).pairs.shape == (0, 2)


def test_bad_arguments_are_refused_with_the_reason() -> None:
    oa, na, ob, nb = _unit(3, 8, 1), _unit(3, 8, 2), _unit(5, 8, 3), _unit(5, 8, 4)
    with pytest.raises(ConfigurationError, match="one row per profile"):
        reciprocal_top_k(oa, _unit(4, 8, 9), ob, nb)
    with pytest.raises(ConfigurationError, match="differ in dimension"):
        reciprocal_top_k(oa, na, _unit(5, 6, 9), _unit(5, 6, 8))
    with pytest.raises(ConfigurationError, match="k must be at least 1"):
        reciprocal_top_k(oa, na, ob, nb, k=0)


def test_spherical_kmeans_separates_clear_groups() -> None:
    centres = np.eye(3, 12, dtype=np.float32)
    rng = np.random.default_rng(0)
    members = np.repeat(centres, 50, axis=0) + 0.05 * rng.standard_normal((150, 12)).astype(np.float32)
    members /= np.linalg.norm(members, axis=1, keepdims=True)
    found = spherical_kmeans(members, 3, seed=1)
    assert np.allclose(np.linalg.norm(found, axis=1), 1.0, atol=1e-5)
    # each true centre has one found centre close to it
    assert sorted(np.argmax(centres @ found.T, axis=1).tolist()) == [0, 1, 2]
    assert (centres @ found.T).max(axis=1).min() > 0.95
    with pytest.raises(ConfigurationError, match="Cannot make 200 clusters of 150 vectors"):
        spherical_kmeans(members, 200)
