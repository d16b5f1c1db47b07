"""BM25 golden values on a toy corpus, computed by hand from Robertson & Zaragoza (2009)."""

from __future__ import annotations

import math

import pytest

from innotwin.core.errors import ConfigurationError, DataError
from innotwin.core.text import BM25

# Three documents of lengths 2, 3 and 1: avgdl = 2. With k1 = 1.2 and b = 0.75 the length factor
# K(d) = 1.2 · (0.25 + 0.75 · |d| / 2) is 1.2, 1.65 and 0.75.
DOCUMENTS = (("a", "b"), ("a", "c", "c"), ("d",))


def test_bm25_single_term_golden_value() -> None:
    # "c": df = 1, idf = ln(1 + 2.5 / 1.5) = ln(8/3); document 2 has tf = 2: 2 · 2.2 / (2 + 1.65).
    scores = BM25().fit(DOCUMENTS).score(["c"])
    assert scores.tolist() == pytest.approx([0.0, math.log(8 / 3) * 4.4 / 3.65, 0.0], abs=1e-12)


def test_bm25_two_terms_golden_value() -> None:
    # "a": df = 2, idf = ln(1 + 1.5 / 2.5) = ln(1.6); "b": idf = ln(8/3).
    scores = BM25().fit(DOCUMENTS).score(["a", "b"])
    expected = [
        math.log(1.6) * 2.2 / 2.2 + math.log(8 / 3) * 2.2 / 2.2,
        math.log(1.6) * 2.2 / 2.65,
        0.0,
    ]
    assert scores.tolist() == pytest.approx(expected, abs=1e-12)


def test_bm25_score_many_stacks_queries() -> None:
    index = BM25().fit(DOCUMENTS)
    assert index.score_many([["d"], ["zzz"]]).tolist() == [
        [0.0, 0.0, pytest.approx(math.log(8 / 3) * 2.2 / 1.75)],
        [0.0, 0.0, 0.0],
    ]


def test_bm25_empty_collection_is_a_data_error() -> None:
    with pytest.raises(DataError, match="at least one document"):
        BM25().fit([])


def test_bm25_invalid_b_names_the_parameter() -> None:
    with pytest.raises(ConfigurationError) as error:
        BM25(b=1.5).fit(DOCUMENTS)
    assert str(error.value) == "The 'b' parameter of BM25 must be between 0 and 1. Got 1.5 instead."
