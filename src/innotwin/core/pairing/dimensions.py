"""The seven dimensions of a pair's score, each in [0, 1] for every pair at once.

Each dimension is a regions(a) × regions(b) matrix computed with array operations and matrix
products, NaN where the pair lacks the data on one side or both. ``components`` and ``left_out_reason``
recompute one pair's parts on demand, so that the full result never holds per-pair detail.
The formulas, their references and their weaknesses are in ``docs/methods/pairing.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from innotwin.core.economics import (
    proximity,
    relatedness_density,
    revealed_comparative_advantage,
    specialisation_matrix,
    symmetric_rca,
)
from innotwin.core.economics.proximity import Method as ProximityMethod
from innotwin.core.pairing._ranking import percentile_ranks
from innotwin.core.pairing.inputs import (
    GOVERNANCE_ATTRIBUTES,
    RESEARCH_INDICATORS,
    SCALE_INDICATORS,
    PairingInput,
    RegionSet,
)

__all__ = ["Prepared", "components", "dimension_scores", "left_out_reason", "prepare"]

Float = NDArray[np.float64]
Similarity = Callable[[Float, Float], Float]


@dataclass(frozen=True, eq=False)
class Prepared:
    """Per-region quantities the dimensions draw on, computed once per input.

    ``rca_*`` is each region's RCA against its own country; ``special_*`` the 0/1 specialisation
    matrix; ``relatedness_*`` the percentile (0–1, over all regions of both countries and all
    industries) of the relatedness density computed from co-location in the pooled regions.
    """

    data: PairingInput
    threshold: float
    proximity_method: ProximityMethod
    rca_a: Float
    rca_b: Float
    srca_a: Float
    srca_b: Float
    special_a: Float
    special_b: Float
    proximity: Float
    relatedness_a: Float
    relatedness_b: Float

    @cached_property
    def parts(self) -> dict[str, list[_Component]]:
        """The components of scale, research and governance with nothing excluded, computed once."""
        return {dimension: build(self, ()) for dimension, build in _COMPONENTS.items()}


def prepare(data: PairingInput, *, proximity_method: ProximityMethod, threshold: float) -> Prepared:
    """RCA, specialisation and relatedness of both region sets. O((Ra + Rb)·K²)."""
    rca_a = revealed_comparative_advantage(data.a.employment, benchmark=data.a.industry_totals)
    rca_b = revealed_comparative_advantage(data.b.employment, benchmark=data.b.industry_totals)
    special_a = specialisation_matrix(rca_a, threshold=threshold)
    special_b = specialisation_matrix(rca_b, threshold=threshold)
    pooled = np.vstack([special_a, special_b])
    phi = proximity(pooled, method=proximity_method)
    relatedness = percentile_ranks(relatedness_density(pooled, phi).ravel()).reshape(pooled.shape)
    rows_a = rca_a.shape[0]
    return Prepared(
        data=data,
        threshold=threshold,
        proximity_method=proximity_method,
        rca_a=rca_a,
        rca_b=rca_b,
        srca_a=symmetric_rca(rca_a),
        srca_b=symmetric_rca(rca_b),
        special_a=special_a,
        special_b=special_b,
        proximity=phi,
        relatedness_a=relatedness[:rows_a],
        relatedness_b=relatedness[rows_a:],
    )


# --- component-based dimensions: scale, research, governance -------------------------------------


@dataclass(frozen=True, eq=False)
class _Component:
    """One indicator compared across the pair: per-region values (NaN = missing) and a similarity.

    ``form`` says how the regions(a) × regions(b) similarity matrix is computed: ``"pairwise"``
    evaluates ``similarity`` on every pair; ``"product"`` uses ``similarity(x, y) = √x·√y`` to get it
    as a matrix product; ``"categorical"`` one-hot encodes the few distinct values and multiplies by
    the small matrix of ``similarity`` between them.
    """

    name: str
    a: Float
    b: Float
    similarity: Similarity
    form: Literal["pairwise", "product", "categorical"]


def _ratio(x: Float, y: Float) -> Float:
    """min/max: 1 for equal values, 0.5 when one is twice the other."""
    ratio = np.asarray(np.minimum(x, y), dtype=np.float64)
    ratio /= np.maximum(x, y)
    return ratio


def _joint_strength(x: Float, y: Float) -> Float:
    """Geometric mean √(x·y) of two percentiles: high only when both sides are strong."""
    return np.asarray(np.sqrt(x * y), dtype=np.float64)


def _tier_likeness(x: Float, y: Float) -> Float:
    """1 / (1 + |tier difference|): 1 for the same tier, 0.5 one tier apart."""
    return np.asarray(1.0 / (1.0 + np.abs(x - y)), dtype=np.float64)


def _same(x: Float, y: Float) -> Float:
    """1 for equal values, else 0."""
    return np.asarray(x == y, dtype=np.float64)


def _factors(part: _Component) -> tuple[Float, Float]:
    """``left``, ``right`` with ``left @ right.T`` = the similarity where both are present, else 0."""
    if part.form == "product":
        return np.nan_to_num(np.sqrt(part.a))[:, np.newaxis], np.nan_to_num(np.sqrt(part.b))[:, np.newaxis]
    values = np.unique(np.concatenate([part.a, part.b]))
    values = values[~np.isnan(values)]
    kernel = part.similarity(values[:, np.newaxis], values[np.newaxis, :])
    one_hot_a = np.asarray(part.a[:, np.newaxis] == values[np.newaxis, :], dtype=np.float64)
    one_hot_b = np.asarray(part.b[:, np.newaxis] == values[np.newaxis, :], dtype=np.float64)
    return one_hot_a, one_hot_b @ kernel.T


def _pairwise(part: _Component) -> Float:
    """The similarity of every pair, 0 where either side is missing. O(Ra·Rb)."""
    missing_a, missing_b = np.isnan(part.a), np.isnan(part.b)
    similarity = part.similarity(
        np.where(missing_a, 1.0, part.a)[:, np.newaxis], np.where(missing_b, 1.0, part.b)[np.newaxis, :]
    )
    similarity[missing_a, :] = 0.0
    similarity[:, missing_b] = 0.0
    return similarity


def _indicator(regions: RegionSet, name: str) -> Float:
    return np.asarray(regions.indicators.get(name, np.full(len(regions), np.nan)), dtype=np.float64)


def _within_percentile(values: Float) -> Float:
    """Mid-rank percentile ``(rank - 0.5) / n`` among the regions that have a value; NaN stays NaN."""
    result = np.full(values.shape[0], np.nan)
    present = ~np.isnan(values)
    count = int(present.sum())
    if count:
        result[present] = (percentile_ranks(values[present]) * (count - 1) + 0.5) / count
    return result


def _per_head_percentile(regions: RegionSet, name: str) -> Float:
    population = _indicator(regions, "population")
    with np.errstate(invalid="ignore", divide="ignore"):
        return _within_percentile(_indicator(regions, name) / population)


def _scale_components(prep: Prepared, exclude: Collection[str]) -> list[_Component]:
    a, b = prep.data.a, prep.data.b
    return [
        _Component(name, _indicator(a, name), _indicator(b, name), _ratio, "pairwise")
        for name in SCALE_INDICATORS
        if name not in exclude
    ]


def _research_components(prep: Prepared, exclude: Collection[str]) -> list[_Component]:
    a, b = prep.data.a, prep.data.b
    return [
        _Component(
            name, _per_head_percentile(a, name), _per_head_percentile(b, name), _joint_strength, "product"
        )
        for name in RESEARCH_INDICATORS
        if name not in exclude
    ]


def _governance_components(prep: Prepared, exclude: Collection[str]) -> list[_Component]:
    a, b = prep.data.a, prep.data.b
    authorities = sorted({value for value in (*a.authority, *b.authority) if value is not None})

    def coded(values: tuple[str | None, ...]) -> Float:
        return np.array([np.nan if v is None else authorities.index(v) for v in values], dtype=np.float64)

    def numbers(values: tuple[int | bool | None, ...]) -> Float:
        return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)

    columns = {
        "tier": _Component("tier", numbers(a.tier), numbers(b.tier), _tier_likeness, "categorical"),
        "capital": _Component("capital", numbers(a.capital), numbers(b.capital), _same, "categorical"),
        "authority": _Component("authority", coded(a.authority), coded(b.authority), _same, "categorical"),
    }
    return [columns[name] for name in GOVERNANCE_ATTRIBUTES if name not in exclude]


def _mean_of_components(parts: list[_Component], shape: tuple[int, int]) -> Float:
    """Mean similarity over the components present on both sides of each pair; NaN where none is.

    Counts and factorisable similarities are matrix products; only ``"pairwise"`` components touch
    every pair elementwise.
    """
    if not parts:
        return np.full(shape, np.nan)
    present_a = np.column_stack([~np.isnan(part.a) for part in parts]).astype(np.float64)
    present_b = np.column_stack([~np.isnan(part.b) for part in parts]).astype(np.float64)
    count = present_a @ present_b.T
    factored = [_factors(part) for part in parts if part.form != "pairwise"]
    total = (
        np.hstack([left for left, _ in factored]) @ np.hstack([right for _, right in factored]).T
        if factored
        else np.zeros(shape)
    )
    for part in parts:
        if part.form == "pairwise":
            total += _pairwise(part)
    none = count == 0
    count[none] = 1.0
    total /= count
    total[none] = np.nan
    return total


_COMPONENTS: dict[str, Callable[[Prepared, Collection[str]], list[_Component]]] = {
    "scale": _scale_components,
    "research": _research_components,
    "governance": _governance_components,
}


# --- industry-based dimensions: structure, shared specialisation, complementarity -----------------


#: A symmetric-RCA vector shorter than this is "no pattern": the region's mix is its country's.
_FLAT = 1e-12


def _unit_rows(matrix: Float) -> tuple[Float, NDArray[np.bool_]]:
    norms = np.linalg.norm(matrix, axis=1)
    present = norms > _FLAT
    return np.divide(
        matrix, norms[:, np.newaxis], out=np.zeros_like(matrix), where=present[:, np.newaxis]
    ), present


def _structure(prep: Prepared) -> Float:
    """(1 + cosine of the symmetric-RCA vectors) / 2."""
    unit_a, present_a = _unit_rows(prep.srca_a)
    unit_b, present_b = _unit_rows(prep.srca_b)
    score = np.clip((1.0 + unit_a @ unit_b.T) / 2.0, 0.0, 1.0)
    score[~present_a, :] = np.nan
    score[:, ~present_b] = np.nan
    return score


def _jaccard(left: Float, right: Float) -> Float:
    """|A ∩ B| / |A ∪ B| for the 0/1 rows of ``left`` and ``right``; NaN where both rows are empty."""
    count_left, count_right = left.sum(axis=1), right.sum(axis=1)
    shared: Float = left @ right.T
    union = np.add.outer(count_left, count_right)
    union -= shared
    empty = np.ix_(count_left == 0, count_right == 0)
    union[empty] = 1.0
    shared /= union
    shared[empty] = np.nan
    return shared


def _shared(prep: Prepared) -> Float:
    """Jaccard index of the two sets of specialisations."""
    return _jaccard(prep.special_a, prep.special_b)


def _complementarity(prep: Prepared) -> Float:
    """Mean of the two directions; each is the mean relatedness, to the other side, of the side's
    specialisations the other side lacks. One matrix product computes both directions at once."""
    count_a = prep.special_a.sum(axis=1)
    count_b = prep.special_b.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        weights_a = np.where(count_a[:, np.newaxis] > 0, prep.special_a / count_a[:, np.newaxis], 0.0)
        weights_b = np.where(count_b[:, np.newaxis] > 0, prep.special_b / count_b[:, np.newaxis], 0.0)
    left = np.hstack([weights_a, (1.0 - prep.special_a) * prep.relatedness_a])
    right = np.hstack([(1.0 - prep.special_b) * prep.relatedness_b, weights_b])
    score: Float = left @ right.T
    score *= 0.5
    # A side with no specialisation has no direction of its own: the other direction stands alone.
    score[count_a == 0, :] *= 2.0
    score[:, count_b == 0] *= 2.0
    score[np.ix_(count_a == 0, count_b == 0)] = np.nan
    return score


def _tag_matrices(prep: Prepared) -> tuple[Float, Float]:
    a, b = prep.data.a, prep.data.b
    all_tags: set[str] = set().union(*a.policy_tags, *b.policy_tags)
    vocabulary = {tag: n for n, tag in enumerate(sorted(all_tags))}

    def matrix(regions: RegionSet) -> Float:
        result = np.zeros((len(regions), len(vocabulary)))
        for row, tags in enumerate(regions.policy_tags):
            result[row, [vocabulary[tag] for tag in tags]] = 1.0
        return result

    return matrix(a), matrix(b)


def _policy(prep: Prepared) -> Float:
    """Jaccard index of the two sets of policy-priority tags; NaN where a side recorded none."""
    tags_a, tags_b = _tag_matrices(prep)
    score = _jaccard(tags_a, tags_b)
    score[tags_a.sum(axis=1) == 0, :] = np.nan
    score[:, tags_b.sum(axis=1) == 0] = np.nan
    return score


def dimension_scores(prep: Prepared, dimension: str, *, exclude: Collection[str] = ()) -> Float:
    """The regions(a) × regions(b) scores of one dimension, NaN where left out.

    ``exclude`` names indicators to leave out of a component-based dimension (scale, research,
    governance). Complexity: O(Ra·Rb·K) for the industry dimensions (matrix products), O(Ra·Rb·C) for
    C components, O(Ra·Rb·T) for T distinct policy tags.
    """
    if dimension in _COMPONENTS:
        shape = (len(prep.data.a), len(prep.data.b))
        parts = prep.parts[dimension] if not exclude else _COMPONENTS[dimension](prep, exclude)
        return _mean_of_components(parts, shape)
    matrices: dict[str, Callable[[Prepared], Float]] = {
        "structure": _structure,
        "shared_specialisation": _shared,
        "complementarity": _complementarity,
        "policy": _policy,
    }
    return matrices[dimension](prep)


def components(prep: Prepared, dimension: str, i: int, j: int) -> dict[str, float]:
    """The numbers one pair's score on ``dimension`` is made of. O(K) or O(C)."""
    if dimension in _COMPONENTS:
        return {
            part.name: float(part.similarity(part.a[i : i + 1], part.b[j : j + 1])[0])
            for part in prep.parts[dimension]
            if not (np.isnan(part.a[i]) or np.isnan(part.b[j]))
        }
    if dimension == "structure":
        unit_a, _ = _unit_rows(prep.srca_a[i : i + 1])
        unit_b, _ = _unit_rows(prep.srca_b[j : j + 1])
        return {"cosine_symmetric_rca": float(unit_a[0] @ unit_b[0])}
    if dimension in ("shared_specialisation", "complementarity"):
        row_a, row_b = prep.special_a[i], prep.special_b[j]
        parts = {
            "specialisations_a": float(row_a.sum()),
            "specialisations_b": float(row_b.sum()),
            "shared": float(row_a @ row_b),
        }
        if dimension == "complementarity":
            if row_a.sum() > 0:
                parts["a_to_b"] = float(row_a @ ((1.0 - row_b) * prep.relatedness_b[j]) / row_a.sum())
            if row_b.sum() > 0:
                parts["b_to_a"] = float(row_b @ ((1.0 - row_a) * prep.relatedness_a[i]) / row_b.sum())
        return parts
    tags_a, tags_b = prep.data.a.policy_tags[i], prep.data.b.policy_tags[j]
    return {"tags_a": float(len(tags_a)), "tags_b": float(len(tags_b)), "shared": float(len(tags_a & tags_b))}


def left_out_reason(prep: Prepared, dimension: str, i: int, j: int) -> str:
    """Why ``dimension`` has no score for the pair (i, j), in one English clause."""
    name_a, name_b = prep.data.a.names_en[i], prep.data.b.names_en[j]
    if dimension in _COMPONENTS:
        parts = prep.parts[dimension]
        have_a = [part.name for part in parts if not np.isnan(part.a[i])]
        have_b = [part.name for part in parts if not np.isnan(part.b[j])]
        label = dimension.replace("_", " ")
        if not have_a and not have_b:
            return f"no {label} data for {name_a} or {name_b}"
        if not have_a or not have_b:
            return f"no {label} data for {name_a if not have_a else name_b}"
        known = f"{name_a}: {', '.join(have_a)}; {name_b}: {', '.join(have_b)}"
        return f"no {label} indicator is known for both ({known})"
    if dimension == "structure":
        sides = ((name_a, prep.srca_a[i]), (name_b, prep.srca_b[j]))
        flat = [name for name, row in sides if not np.linalg.norm(row) > _FLAT]
        return f"the industry mix of {' and '.join(flat)} equals its country's, leaving no pattern to compare"
    if dimension == "policy":
        sides = ((name_a, prep.data.a.policy_tags[i]), (name_b, prep.data.b.policy_tags[j]))
        missing = [name for name, tags in sides if not tags]
        return f"no policy priorities recorded for {' or '.join(missing)}"
    return f"neither {name_a} nor {name_b} is specialised in any industry"
