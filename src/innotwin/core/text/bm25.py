"""Okapi BM25 over analysed terms (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25
and Beyond", Foundations and Trends in IR 3(4), 2009).

For a query q and a document d of length |d| in a collection of N documents of mean length avgdl::

    score(q, d) = Σ_{t ∈ q} idf(t) · tf(t, d) · (k1 + 1) / (tf(t, d) + k1 · (1 − b + b · |d| / avgdl))
    idf(t)      = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))

(the non-negative idf of Lucene). A term repeated in the query counts once per occurrence.
Fitting is O(total terms); scoring one query is O(Σ postings of its terms).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Self

import numpy as np
import numpy.typing as npt

from innotwin.core.errors import ConfigurationError, DataError

__all__ = ["BM25"]


class BM25:
    """BM25 index of tokenised documents. ``fit`` learns the index; ``score`` ranks the documents."""

    def __init__(self, *, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b

    def fit(self, documents: Sequence[Sequence[str]]) -> Self:
        """Index ``documents`` (each a sequence of terms) and return ``self``."""
        if self.k1 < 0:
            raise ConfigurationError(
                f"The 'k1' parameter of BM25 must be at least 0. Got {self.k1!r} instead."
            )
        if not 0 <= self.b <= 1:
            raise ConfigurationError(
                f"The 'b' parameter of BM25 must be between 0 and 1. Got {self.b!r} instead."
            )
        if not documents:
            raise DataError("BM25 needs at least one document to index; the collection is empty.")
        lengths = np.array([len(document) for document in documents], dtype=np.float64)
        mean_length = float(lengths.mean()) or 1.0
        postings: dict[str, list[tuple[int, int]]] = {}
        for index, document in enumerate(documents):
            for term, count in Counter(document).items():
                postings.setdefault(term, []).append((index, count))
        size = len(documents)
        self.idf_ = {
            term: math.log(1.0 + (size - len(docs) + 0.5) / (len(docs) + 0.5))
            for term, docs in postings.items()
        }
        self.postings_ = postings
        self.length_norm_ = self.k1 * (1.0 - self.b + self.b * lengths / mean_length)
        self.size_ = size
        return self

    def score(self, query: Sequence[str]) -> npt.NDArray[np.float64]:
        """BM25 score of every indexed document for ``query`` (a sequence of terms)."""
        scores = np.zeros(self.size_, dtype=np.float64)
        for term in query:
            for index, count in self.postings_.get(term, ()):
                scores[index] += (
                    self.idf_[term] * count * (self.k1 + 1.0) / (count + self.length_norm_[index])
                )
        return scores

    def score_many(self, queries: Sequence[Sequence[str]]) -> npt.NDArray[np.float64]:
        """Scores of every query (rows) against every indexed document (columns)."""
        if not queries:
            return np.zeros((0, self.size_), dtype=np.float64)
        return np.vstack([self.score(query) for query in queries])
