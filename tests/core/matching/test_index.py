"""The exact and HNSW indexes: recall against exact, incremental add/replace/remove, save and load."""

from __future__ import annotations

import json

import numpy as np
import pytest

from innotwin.core.errors import ConfigurationError, DataError, NotFoundError
from innotwin.core.matching import BACKENDS, ExactIndex, clustered_vectors, load_index, make_index, recall_at


@pytest.fixture(scope="module")
def vectors() -> np.ndarray:
    return clustered_vectors(20_000, 384, clusters=64, spread=0.6, seed=7)


def test_hnsw_recall_at_10_against_exact_is_at_least_099(vectors: np.ndarray) -> None:
    queries = clustered_vectors(300, 384, clusters=64, spread=0.6, seed=8, centre_seed=7)
    keys = list(range(len(vectors)))
    exact, approximate = make_index("exact", 384), make_index("hnsw", 384)
    exact.add(keys, vectors)
    approximate.add(keys, vectors)
    truth = exact.search(queries, 10).keys
    found = approximate.search(queries, 10).keys
    assert recall_at(found, truth, 10) >= 0.99


def test_exact_search_is_brute_force_truth() -> None:
    rng = np.random.default_rng(0)
    data = rng.standard_normal((50, 8)).astype(np.float32)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    index = ExactIndex(8)
    index.add(list(range(100, 150)), data)
    result = index.search(data[3], 5)
    expected = np.argsort(-(data @ data[3]))[:5] + 100
    assert result.keys[0].tolist() == expected.tolist()
    assert result.row(0)[0] == (103, pytest.approx(1.0, abs=1e-5))


@pytest.mark.parametrize("backend", BACKENDS)
def test_incremental_add_replace_remove(backend: str) -> None:
    data = clustered_vectors(400, 32, seed=1)
    index = make_index(backend, 32)
    index.add(list(range(400)), data)
    assert len(index) == 400
    assert 17 in index
    assert index.remove([17, 18, 9999]) == 2
    assert 17 not in index
    assert len(index) == 398
    assert 17 not in [key for key, _ in index.search(data[17], 10).row(0)]
    index.add([17], data[250])  # back, with another vector
    assert index.search(data[250], 2).row(0)[0][1] == pytest.approx(1.0, abs=1e-4)
    assert {key for key, _ in index.search(data[250], 2).row(0)} == {17, 250}
    np.testing.assert_allclose(index.vectors_of([17])[0], data[250], atol=1e-6)
    index.add([5], data[300])  # replace a live key
    assert len(index) == 399
    np.testing.assert_allclose(index.vectors_of([5])[0], data[300], atol=1e-6)


@pytest.mark.parametrize("backend", BACKENDS)
def test_save_and_load_keep_keys_and_answers(backend: str, tmp_path) -> None:
    data = clustered_vectors(300, 16, seed=2)
    index = make_index(backend, 16)
    index.add(list(range(300)), data)
    index.remove([4])
    before = index.search(data[:20], 5)
    index.save(tmp_path / "idx")
    loaded = load_index(tmp_path / "idx")
    assert loaded.backend == backend
    assert loaded.keys() == index.keys()
    after = loaded.search(data[:20], 5)
    assert after.keys.tolist() == before.keys.tolist()
    loaded.add([4], data[4])  # a loaded index keeps growing
    assert loaded.search(data[4], 1).row(0)[0][0] == 4


@pytest.mark.parametrize("backend", BACKENDS)
def test_search_pads_when_fewer_vectors_than_k(backend: str) -> None:
    index = make_index(backend, 4)
    assert index.search(np.ones(4, dtype=np.float32), 3).row(0) == []
    index.add([1, 2], np.eye(4, dtype=np.float32)[:2])
    result = index.search(np.eye(4, dtype=np.float32)[0], 5)
    assert [key for key, _ in result.row(0)] == [1, 2]
    assert result.keys[0, 2:].tolist() == [-1, -1, -1]


def test_bad_input_is_refused_clearly() -> None:
    index = make_index("exact", 4)
    with pytest.raises(DataError, match="rows of 4"):
        index.add([1], np.ones(3))
    with pytest.raises(DataError, match="NaN"):
        index.add([1], np.array([np.nan, 0, 0, 0]))
    with pytest.raises(DataError, match="must all differ"):
        index.add([1, 1], np.ones((2, 4)))
    with pytest.raises(DataError, match="one key per vector"):
        index.add([1, 2, 3], np.ones((2, 4)))
    with pytest.raises(NotFoundError):
        index.vectors_of([42])
    with pytest.raises(ConfigurationError, match="no index backend called 'faiss'"):
        make_index("faiss", 4)


def test_loading_a_missing_or_damaged_index_says_where(tmp_path) -> None:
    with pytest.raises(NotFoundError, match="no saved index"):
        load_index(tmp_path)
    (tmp_path / "index.json").write_text(json.dumps({"format": 99, "backend": "exact", "dim": 4}))
    with pytest.raises(DataError, match="format 99"):
        load_index(tmp_path)


def test_hnsw_builds_with_every_cpu_unless_told_otherwise() -> None:
    import os

    from innotwin.core.matching import HnswIndex

    assert HnswIndex(8).threads == (os.cpu_count() or 1)
    assert HnswIndex(8, threads=1).threads == 1
