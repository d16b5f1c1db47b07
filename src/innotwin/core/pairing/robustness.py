"""How stable a ranking of pairs is when the weights or the indicators change.

Two checks, both on an existing :class:`~innotwin.core.pairing.result.PairingResult`:

* **Weight perturbation** (Monte Carlo, after Saisana, Saltelli & Tarantola 2005): each draw multiplies
  every weight by an independent factor drawn uniformly from ``[1 - spread, 1 + spread]`` and
  recomputes all totals; for every pair, ``top_k_probability`` is the share of draws in which it is in
  the top ``k`` (pairs tied with the k-th total all count). For the baseline top-``k`` pairs the 5th,
  50th and 95th percentiles of their rank over the draws are kept. One ``random_state`` seeds it all.
* **Leave one out**: drop one dimension (its weight set to 0) or one indicator (removed from the
  dimension it is a component of: scale, research or governance) at a time, and record how many of
  the baseline top ``k`` stay in the top ``k`` and each one's new rank. Population stays the
  denominator of the research indicators when it is dropped from the scale dimension.

Reference: Saisana, M., Saltelli, A., & Tarantola, S. (2005). Uncertainty and sensitivity analysis
techniques as tools for the quality assessment of composite indicators. *Journal of the Royal
Statistical Society: Series A*, 168(2), 307–323.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from innotwin.core.errors import DataError, NotFoundError
from innotwin.core.pairing._ranking import RANK_TOLERANCE, in_top_k, top_pairs
from innotwin.core.pairing.dimensions import dimension_scores
from innotwin.core.pairing.engine import combine
from innotwin.core.pairing.inputs import GOVERNANCE_ATTRIBUTES, RESEARCH_INDICATORS, SCALE_INDICATORS
from innotwin.core.pairing.profiles import DIMENSIONS
from innotwin.core.pairing.result import PairingResult

__all__ = ["LeaveOneOut", "RobustnessResult", "assess_robustness"]

_INDICATOR_DIMENSIONS = (
    *((name, "scale") for name in SCALE_INDICATORS),
    *((name, "research") for name in RESEARCH_INDICATORS),
    *((name, "governance") for name in GOVERNANCE_ATTRIBUTES),
)


@dataclass(frozen=True, kw_only=True)
class LeaveOneOut:
    """The baseline top ``k`` after dropping one dimension or indicator."""

    dropped: str
    kind: Literal["dimension", "indicator"]
    #: How many of the baseline top-k pairs are still in the top k.
    top_k_kept: int
    #: The new rank of each baseline top-k pair, in baseline order.
    ranks: tuple[int, ...]


@dataclass(frozen=True, eq=False, kw_only=True)
class RobustnessResult:
    """Rank stability of a pairing result under weight perturbation and leave-one-out."""

    k: int
    n_draws: int
    spread: float
    random_state: int | None
    #: The baseline top-k pairs as (code a, code b), best first.
    baseline: tuple[tuple[str, str], ...]
    #: Ra × Rb: the share of draws in which each pair is in the top k.
    top_k_probability: NDArray[np.float64]
    #: 5th, 50th and 95th percentile of each baseline pair's rank over the draws.
    rank_p05: tuple[float, ...]
    rank_median: tuple[float, ...]
    rank_p95: tuple[float, ...]
    leave_one_out: tuple[LeaveOneOut, ...]
    codes_a: tuple[str, ...]
    codes_b: tuple[str, ...]

    def probability(self, a: str, b: str) -> float:
        """The probability that the pair (``a``, ``b``) is in the top k under weight perturbation."""
        if a not in self.codes_a or b not in self.codes_b:
            raise NotFoundError(f"The pair ({a!r}, {b!r}) is not among the pairs scored.")
        return float(self.top_k_probability[self.codes_a.index(a), self.codes_b.index(b)])


def _ranks(total: NDArray[np.float64], pairs: list[tuple[int, int]]) -> tuple[int, ...]:
    """1 + the number of pairs with a strictly higher total, for each pair. O(n·len(pairs))."""
    finite = np.where(np.isnan(total), -np.inf, total)
    return tuple(int(np.count_nonzero(finite > finite[pair] + RANK_TOLERANCE)) + 1 for pair in pairs)


def _check(parameter: str, value: object, valid: bool, requirement: str) -> None:
    if not valid:
        raise DataError(
            f"The '{parameter}' parameter of assess_robustness must be {requirement}. Got {value!r} instead."
        )


def assess_robustness(
    result: PairingResult,
    *,
    k: int = 10,
    n_draws: int = 200,
    spread: float = 0.5,
    random_state: int | np.random.Generator | None = None,
) -> RobustnessResult:
    """Monte Carlo weight perturbation and leave-one-out checks of the top ``k`` pairs.

    Complexity: O((n_draws + D + C)·D·Ra·Rb) time for D dimensions and C indicators, O(Ra·Rb) extra
    memory. Reference: Saisana, Saltelli & Tarantola (2005).
    """
    _check("k", k, isinstance(k, int) and not isinstance(k, bool) and k >= 1, "a positive integer")
    _check(
        "n_draws", n_draws, isinstance(n_draws, int) and not isinstance(n_draws, bool) and n_draws >= 1, "≥ 1"
    )
    _check("spread", spread, isinstance(spread, int | float) and 0 <= spread < 1, "a number in [0, 1)")
    rng = (
        random_state if isinstance(random_state, np.random.Generator) else np.random.default_rng(random_state)
    )
    weights = result.profile.vector()
    codes_a, codes_b = result.data.a.codes, result.data.b.codes
    baseline = top_pairs(result.total, k, codes_a, codes_b)

    hits = np.zeros(result.total.shape)
    draw_ranks = np.empty((n_draws, len(baseline)))
    for draw in range(n_draws):
        total = combine(result.scores, weights * rng.uniform(1.0 - spread, 1.0 + spread, size=weights.shape))
        hits += in_top_k(total, k)
        draw_ranks[draw] = _ranks(total, baseline)

    def kept(total: NDArray[np.float64]) -> tuple[int, tuple[int, ...]]:
        top = in_top_k(total, k)
        return sum(bool(top[pair]) for pair in baseline), _ranks(total, baseline)

    checks: list[LeaveOneOut] = []
    for n, dimension in enumerate(DIMENSIONS):
        if weights[n] > 0:
            count, ranks = kept(combine(result.scores, np.where(np.arange(len(weights)) == n, 0.0, weights)))
            checks.append(LeaveOneOut(dropped=dimension, kind="dimension", top_k_kept=count, ranks=ranks))
    for indicator, dimension in _INDICATOR_DIMENSIONS:
        n = DIMENSIONS.index(dimension)
        if weights[n] > 0 and _given(result, indicator):
            replaced = dimension_scores(result.prepared, dimension, exclude=(indicator,))
            count, ranks = kept(combine(result.scores, weights, replace={n: replaced}))
            checks.append(LeaveOneOut(dropped=indicator, kind="indicator", top_k_kept=count, ranks=ranks))

    quantiles = np.percentile(draw_ranks, [5, 50, 95], axis=0) if baseline else np.empty((3, 0))
    probability = hits / n_draws
    probability.flags.writeable = False
    return RobustnessResult(
        k=k,
        n_draws=n_draws,
        spread=float(spread),
        random_state=random_state if isinstance(random_state, int) else None,
        baseline=tuple((codes_a[i], codes_b[j]) for i, j in baseline),
        top_k_probability=probability,
        rank_p05=tuple(float(v) for v in quantiles[0]),
        rank_median=tuple(float(v) for v in quantiles[1]),
        rank_p95=tuple(float(v) for v in quantiles[2]),
        leave_one_out=tuple(checks),
        codes_a=tuple(codes_a),
        codes_b=tuple(codes_b),
    )


def _given(result: PairingResult, indicator: str) -> bool:
    """Whether any region on either side has a value for ``indicator``."""
    if indicator in GOVERNANCE_ATTRIBUTES:
        sides = (getattr(result.data.a, indicator), getattr(result.data.b, indicator))
        return any(value is not None for side in sides for value in side)
    return any(
        indicator in side.indicators and bool((~np.isnan(side.indicators[indicator])).any())
        for side in (result.data.a, result.data.b)
    )
