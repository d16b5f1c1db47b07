"""The full scorer: CSLS and Sinkhorn golden values, parameter checks, and order invariance."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from innotwin.core.errors import ConfigurationError, DataError
from innotwin.core.text import HybridScorer, csls, get_embedder, sinkhorn, standardise

KOREAN = (
    "울산은 수소 도시 비전을 발표했다.",
    "벨파스트와 세종은 스마트시티 협력 양해각서를 체결했다.",
    "리버풀 대학은 감염 예방 연구로 유명하다.",
    "대구는 도심항공교통(UAM) 실증을 추진한다.",
    "글래스고는 혁신 지구 세 곳을 지정했다.",
    "부산 에코델타시티는 국가 시범 스마트시티다.",
)
ENGLISH = (
    "Ulsan announced its hydrogen city vision.",
    "Belfast and Sejong signed a memorandum of understanding on smart cities.",
    "The University of Liverpool is known for research on infection prevention.",
    "Daegu is pushing ahead with urban air mobility (UAM) trials.",
    "Glasgow designated three innovation districts.",
    "Busan Eco Delta City is a national pilot smart city.",
)


def test_csls_golden_value() -> None:
    scores = np.array([[0.9, 0.1], [0.5, 0.7]])
    # k = 1: row maxima 0.9, 0.7; column maxima 0.9, 0.7.
    assert csls(scores, neighbours=1).round(12).tolist() == [[0.0, -1.4], [-0.6, 0.0]]


def test_sinkhorn_balances_rows_and_columns() -> None:
    plan = np.exp(
        sinkhorn(
            np.array([[2.0, 0.0, 1.0], [0.0, 1.0, 0.5], [1.0, 1.0, 3.0]]), temperature=1.0, iterations=200
        )
    )
    assert plan.sum(axis=0).round(9).tolist() == [1.0, 1.0, 1.0]
    assert plan.sum(axis=1).round(6).tolist() == [1.0, 1.0, 1.0]


def test_standardise_constant_matrix_is_zero() -> None:
    assert standardise(np.full((2, 3), 4.0)).tolist() == [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]


def test_hybrid_scorer_finds_every_translation() -> None:
    scores = HybridScorer(embedder="use-multilingual").score(KOREAN, ENGLISH)
    assert scores.argmax(axis=1).tolist() == [0, 1, 2, 3, 4, 5]


def test_hybrid_scorer_invalid_temperature_names_the_parameter() -> None:
    with pytest.raises(ConfigurationError) as error:
        HybridScorer(temperature=0)
    assert (
        str(error.value)
        == "The 'temperature' parameter of HybridScorer must be greater than 0. Got 0 instead."
    )


def test_hybrid_scorer_empty_side_is_a_data_error() -> None:
    with pytest.raises(DataError, match="at least one text on each side"):
        HybridScorer(embedder="use-multilingual").score(KOREAN, [])


@settings(max_examples=25, deadline=None)
@given(
    order_a=st.permutations(range(len(KOREAN))),
    order_b=st.permutations(range(len(ENGLISH))),
    balance=st.sampled_from(["sinkhorn", "csls"]),
)
def test_hybrid_scorer_ranking_does_not_depend_on_input_order(
    order_a: list[int], order_b: list[int], balance: Literal["sinkhorn", "csls"]
) -> None:
    scorer = HybridScorer(embedder=get_embedder("use-multilingual"), balance=balance)
    reference = scorer.score(KOREAN, ENGLISH)
    permuted = scorer.score([KOREAN[i] for i in order_a], [ENGLISH[j] for j in order_b])
    best_in_permuted = [order_b[j] for j in permuted.argmax(axis=1)]
    assert best_in_permuted == [int(reference[i].argmax()) for i in order_a]
    np.testing.assert_allclose(permuted, reference[np.ix_(order_a, order_b)], atol=1e-5)  # float32 embeddings
