"""Score every cross-country pair of regions: the entry point of city-pair discovery."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from innotwin.core.economics.proximity import Method as ProximityMethod
from innotwin.core.errors import DataError
from innotwin.core.pairing.dimensions import dimension_scores, prepare
from innotwin.core.pairing.inputs import PairingInput
from innotwin.core.pairing.profiles import DIMENSIONS, WeightProfile, get_profile
from innotwin.core.pairing.result import PairingResult
from innotwin.core.pairing.themes import ThemeMap, load_theme_map

__all__ = ["combine", "score_pairs"]


def combine(
    scores: NDArray[np.float64],
    weights: NDArray[np.float64],
    *,
    replace: Mapping[int, NDArray[np.float64]] | None = None,
) -> NDArray[np.float64]:
    """The weighted mean of each pair's present dimensions; NaN where none has data and weight.

    ``scores`` is (D, Ra, Rb) with NaN for left-out dimensions; ``replace`` swaps in other scores for
    some dimensions (used by the leave-one-out checks). O(D·Ra·Rb) time, O(Ra·Rb) extra memory.
    """
    replacements = replace or {}
    numerator = np.zeros(scores.shape[1:])
    denominator = np.zeros(scores.shape[1:])
    weighted = np.empty(scores.shape[1:])
    always = 0.0  # the weight of dimensions present for every pair, added once at the end
    for n, weight in enumerate(weights):
        if weight == 0:
            continue
        values = replacements.get(n, scores[n])
        np.multiply(values, weight, out=weighted)
        present = ~np.isnan(values)
        if present.all():
            numerator += weighted
            always += weight
        else:
            np.add(numerator, weighted, out=numerator, where=present)
            np.add(denominator, weight, out=denominator, where=present)
    denominator += always
    none = denominator == 0
    denominator[none] = 1.0
    numerator /= denominator
    numerator[none] = np.nan
    return numerator


def score_pairs(
    data: PairingInput,
    *,
    profile: str | WeightProfile | Mapping[str, float] = "balanced",
    themes: ThemeMap | None = None,
    proximity_method: ProximityMethod = "min_conditional",
    specialisation_threshold: float = 1.0,
) -> PairingResult:
    """Score every pair of a region of ``data.a`` with a region of ``data.b`` on the seven dimensions.

    ``profile`` is a built-in profile name (``"balanced"``, ``"complementarity-first"``, ``"peers"``),
    a :class:`WeightProfile` (e.g. from :func:`load_profile`) or a mapping of weights.
    ``proximity_method`` chooses how industry relatedness is measured from co-location
    (see :func:`innotwin.core.economics.proximity`); a region is specialised in an industry where its
    RCA is at least ``specialisation_threshold``. ``themes`` defaults to the shipped theme map.

    Complexity: O(Ra·Rb·(K + C + T)) time for K industries, C scalar indicators and T policy tags —
    matrix products and array operations, no loop over pairs — and O(D·Ra·Rb) memory.
    Method and references: ``docs/methods/pairing.md``.
    """
    if not (
        isinstance(specialisation_threshold, int | float)
        and not isinstance(specialisation_threshold, bool)
        and np.isfinite(specialisation_threshold)
        and specialisation_threshold > 0
    ):
        raise DataError(
            "The 'specialisation_threshold' parameter of score_pairs must be a positive number. "
            f"Got {specialisation_threshold!r} instead."
        )
    weights = get_profile(profile)
    prepared = prepare(data, proximity_method=proximity_method, threshold=float(specialisation_threshold))
    scores = np.empty((len(DIMENSIONS), len(data.a), len(data.b)))
    for n, dimension in enumerate(DIMENSIONS):
        scores[n] = dimension_scores(prepared, dimension)
    total = combine(scores, weights.vector())
    scores.flags.writeable = False
    total.flags.writeable = False
    return PairingResult(
        data=data,
        profile=weights,
        themes=load_theme_map() if themes is None else themes,
        prepared=prepared,
        scores=scores,
        total=total,
    )
