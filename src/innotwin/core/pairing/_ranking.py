"""Ranks, percentiles and top-k selection shared by the engine and the robustness checks."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

__all__ = ["RANK_TOLERANCE", "average_ranks", "in_top_k", "percentile_ranks", "rank_of", "top_pairs"]

#: Totals closer than this count as tied, so that rounding never reorders pairs that are equal.
RANK_TOLERANCE = 1e-12


def average_ranks(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """1-based ranks of ``values`` (ascending), ties sharing their mean rank. O(n log n)."""
    order = np.argsort(values)
    first = np.concatenate([[0], np.flatnonzero(np.diff(values[order])) + 1])
    counts = np.diff(np.concatenate([first, [values.shape[0]]]))
    ranks = np.empty(values.shape[0], dtype=np.float64)
    ranks[order] = np.repeat(first + (counts + 1) / 2.0, counts)
    return ranks


def percentile_ranks(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """``(rank - 1) / (n - 1)`` of every value, in [0, 1] (0.5 for a single value). O(n log n).

    Values are rounded to 12 decimals first so that floating-point noise does not split ties.
    """
    if values.shape[0] == 1:
        return np.full(1, 0.5)
    return np.asarray((average_ranks(np.round(values, 12)) - 1.0) / (values.shape[0] - 1), dtype=np.float64)


def _filled(total: NDArray[np.float64]) -> NDArray[np.float64]:
    return np.where(np.isnan(total), -np.inf, total).ravel()


def in_top_k(total: NDArray[np.float64], k: int) -> NDArray[np.bool_]:
    """Which pairs are in the top ``k`` by total (ties with the k-th all count; NaN never does). O(n)."""
    flat = _filled(total)
    if k >= flat.shape[0]:
        return np.isfinite(flat).reshape(total.shape)
    kth = np.partition(flat, flat.shape[0] - k)[flat.shape[0] - k]
    return np.asarray((flat >= kth - RANK_TOLERANCE) & np.isfinite(flat), dtype=np.bool_).reshape(total.shape)


def rank_of(total: NDArray[np.float64], i: int, j: int) -> int:
    """1 + the number of pairs with a strictly higher total (NaN totals rank after every number). O(n)."""
    value = total[i, j]
    if np.isnan(value):
        return int(np.count_nonzero(~np.isnan(total))) + 1
    return int(np.count_nonzero(total > value + RANK_TOLERANCE)) + 1


def top_pairs(
    total: NDArray[np.float64], k: int, codes_a: Sequence[str], codes_b: Sequence[str]
) -> list[tuple[int, int]]:
    """The ``k`` best pairs as (row, column), by total then region codes, so order of input never matters.

    O(n + c log c) for n pairs and c candidates tied at or above the k-th total.
    """
    candidates = np.flatnonzero(in_top_k(total, k).ravel())
    rows, columns = np.unravel_index(candidates, total.shape)
    pairs = [(int(row), int(column)) for row, column in zip(rows, columns, strict=True)]
    pairs.sort(key=lambda pair: (-round(float(total[pair]), 12), codes_a[pair[0]], codes_b[pair[1]]))
    return pairs[:k]
