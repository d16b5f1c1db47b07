from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from innotwin.core.errors import DataError
from innotwin.core.library import IndexedPassage, MemoEmbedder, PassageIndex, decode_vector, encode_vector
from innotwin.core.text import BM25, analyse, get_embedder, read_lines

USE_DIM = 512


def _unit(*values: float) -> np.ndarray:
    vector = np.zeros(USE_DIM, dtype=np.float32)
    vector[: len(values)] = values
    return vector / np.linalg.norm(vector)


def test_encode_then_decode_vector_round_trips() -> None:
    vector = np.linspace(-1, 1, 7, dtype=np.float32)
    assert np.array_equal(decode_vector(encode_vector(vector)), vector)
    assert len(encode_vector(vector)) == 28


def test_lexical_scores_equal_the_text_packages_bm25() -> None:
    documents = [("busan", "port", "hydrogen"), ("port", "port", "shore", "power"), ("sejong", "bus")]
    passages = [
        IndexedPassage(key=k, group=k, language="en", terms=terms, vector=_unit(1.0))
        for k, terms in enumerate(documents)
    ]
    index = PassageIndex(embedder="use-multilingual").fit(passages)
    expected = BM25().fit(documents).score(["port", "hydrogen"])
    assert np.allclose(index.lexical_scores(["port", "hydrogen"]), expected)


def test_semantic_scores_are_standardised_within_each_language() -> None:
    passages = [
        IndexedPassage(key=1, group=1, language="en", terms=(), vector=_unit(1.0, 0.0)),
        IndexedPassage(key=2, group=2, language="en", terms=(), vector=_unit(0.0, 1.0)),
        IndexedPassage(key=3, group=3, language="ko", terms=(), vector=_unit(1.0, 1.0)),
        IndexedPassage(key=4, group=4, language="ko", terms=(), vector=_unit(1.0, 3.0)),
    ]
    index = PassageIndex(embedder="use-multilingual", hubness=False, min_language_rows=1).fit(passages)
    # Each language's two scores become -1 and +1: the best passage of each language ties.
    assert np.allclose(index.semantic_scores(_unit(1.0, 0.0)), [1.0, -1.0, 1.0, -1.0])


def test_fusion_adds_weighted_max_normalised_bm25() -> None:
    passages = [
        IndexedPassage(key=1, group=1, language="en", terms=("port",), vector=_unit(1.0, 0.0)),
        IndexedPassage(key=2, group=2, language="en", terms=("bus",), vector=_unit(0.0, 1.0)),
    ]
    index = PassageIndex(embedder="use-multilingual", lexical_weight=0.5, min_language_rows=1).fit(passages)
    hits = index.search_vector(_unit(0.0, 1.0), terms=("port",), language="en", top=2)
    # semantic: standardised cosines (1, 0) -> passage 2 is +1, passage 1 is -1; lexical: (1, 0) * 0.5.
    assert [(h.key, h.score) for h in hits] == [(2, 1.0), (1, -0.5)]


def test_fit_refuses_vectors_of_another_length() -> None:
    bad = IndexedPassage(key=1, group=1, language="en", terms=(), vector=np.ones(3, dtype=np.float32))
    with pytest.raises(DataError, match="length 512"):
        PassageIndex(embedder="use-multilingual").fit([bad])


def test_fit_refuses_a_repeated_key() -> None:
    row = IndexedPassage(key=1, group=1, language="en", terms=(), vector=_unit(1.0))
    with pytest.raises(DataError, match="distinct passage keys"):
        PassageIndex(embedder="use-multilingual").fit([row, row])


def test_search_of_an_empty_index_finds_nothing() -> None:
    assert PassageIndex(embedder="use-multilingual").fit([]).search("anything") == ()


@pytest.fixture(scope="module")
def news(shared_data: Path) -> list[IndexedPassage]:
    """40 real news sentences, 20 English (groups 0-19) and the Korean of 20 others (groups 20-39)."""
    en = read_lines(shared_data / "parallel_en_ko" / "news_dev.en")[:40]
    ko = read_lines(shared_data / "parallel_en_ko" / "news_dev.ko")[:40]
    texts = [(k, "en", en[k]) for k in range(20)] + [(k, "ko", ko[k]) for k in range(20, 40)]
    vectors = get_embedder("use-multilingual").embed([text for _, _, text in texts])
    return [
        IndexedPassage(key=k, group=k, language=lang, terms=analyse(text), vector=vector)
        for (k, lang, text), vector in zip(texts, vectors, strict=True)
    ]


def test_search_finds_the_english_passage_for_its_korean_translation(shared_data: Path, news) -> None:
    ko = read_lines(shared_data / "parallel_en_ko" / "news_dev.ko")
    index = PassageIndex(embedder="use-multilingual").fit(news)
    found = [index.search(ko[k], top=1)[0].key for k in range(20)]
    assert sum(key == k for k, key in enumerate(found)) >= 18


def test_search_respects_groups_exclusions_and_per_group(news) -> None:
    index = PassageIndex(embedder="use-multilingual").fit(news)
    vector = news[3].vector
    assert {h.group for h in index.search_vector(vector, top=5, groups={1, 2, 3})} == {1, 2, 3}
    assert 3 not in {h.group for h in index.search_vector(vector, top=40, exclude_groups={3})}


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), query=st.integers(0, 39))
def test_search_results_do_not_depend_on_the_order_passages_were_added(news, seed: int, query: int) -> None:
    shuffled = list(news)
    random.Random(seed).shuffle(shuffled)  # noqa: S311 - a test's permutation, not a secret
    first = PassageIndex(embedder="use-multilingual", hubness=True).fit(news)
    second = PassageIndex(embedder="use-multilingual", hubness=True).fit(shuffled)
    terms = news[query].terms
    assert first.search_vector(news[query].vector, terms=terms, top=10) == second.search_vector(
        news[query].vector, terms=terms, top=10
    )


def test_memo_embedder_gives_the_same_vectors_and_remembers_them() -> None:
    base = get_embedder("use-multilingual")
    memo = MemoEmbedder(base, max_items=3)
    texts = ["부산항", "port of Busan", "부산항"]
    assert np.allclose(memo.embed(texts), base.embed(texts), atol=1e-6)
    assert list(memo._memory) == ["port of Busan", "부산항"]
    memo.embed(["a", "b"])
    assert len(memo._memory) == 3
