"""The frozen result of scoring every pair: dimension scores and totals, with per-pair detail on demand."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from innotwin.core.errors import NotFoundError
from innotwin.core.pairing._ranking import RANK_TOLERANCE, rank_of, top_pairs
from innotwin.core.pairing.dimensions import Prepared, components, left_out_reason
from innotwin.core.pairing.explain import PairExplanation, explain_pair
from innotwin.core.pairing.inputs import PairingInput
from innotwin.core.pairing.profiles import DIMENSIONS, WeightProfile
from innotwin.core.pairing.scores import DimensionScore, PairScore
from innotwin.core.pairing.themes import ThemeMap

__all__ = ["PairingResult"]


@dataclass(frozen=True, eq=False)
class PairingResult:
    """Scores of every pair (a region of ``data.a``, a region of ``data.b``).

    ``scores[d, i, j]`` is dimension ``DIMENSIONS[d]`` of the pair (``data.a.codes[i]``,
    ``data.b.codes[j]``), NaN where left out; ``total[i, j]`` is the weighted mean over the dimensions
    present, NaN where none is. Memory: (D + 1)·Ra·Rb floats plus O((Ra + Rb)·K). Components,
    reasons and explanations are computed per pair when asked for.
    """

    data: PairingInput
    profile: WeightProfile
    themes: ThemeMap
    prepared: Prepared
    scores: NDArray[np.float64]
    total: NDArray[np.float64]

    @property
    def dimensions(self) -> tuple[str, ...]:
        """The dimension names, in the order of ``scores``."""
        return DIMENSIONS

    @cached_property
    def _rows(self) -> dict[str, int]:
        return {code: n for n, code in enumerate(self.data.a.codes)}

    @cached_property
    def _membership(self) -> NDArray[np.bool_]:
        return self.themes.membership(self.data.industries)

    @cached_property
    def _columns(self) -> dict[str, int]:
        return {code: n for n, code in enumerate(self.data.b.codes)}

    def _position(self, a: str, b: str) -> tuple[int, int]:
        if a not in self._rows:
            raise NotFoundError(f"Region {a!r} is not among the regions of {self.data.a.country}.")
        if b not in self._columns:
            raise NotFoundError(f"Region {b!r} is not among the regions of {self.data.b.country}.")
        return self._rows[a], self._columns[b]

    def dimension(self, name: str) -> NDArray[np.float64]:
        """The Ra × Rb scores of one dimension (a read-only view)."""
        view: NDArray[np.float64] = self.scores[DIMENSIONS.index(name)].view()
        view.flags.writeable = False
        return view

    def _pair_at(self, i: int, j: int, *, rank: int | None = None) -> PairScore:
        weights = self.profile.weights
        values = self.scores[:, i, j]
        present_weight = sum(
            weights[d] for d, value in zip(DIMENSIONS, values, strict=True) if not np.isnan(value)
        )
        parts = []
        for dimension, value in zip(DIMENSIONS, values, strict=True):
            missing = bool(np.isnan(value))
            share = 0.0 if missing or present_weight == 0 else weights[dimension] / present_weight
            parts.append(
                DimensionScore(
                    dimension=dimension,
                    score=float(value),
                    weight=weights[dimension],
                    share=share,
                    contribution=0.0 if missing else share * float(value),
                    components={} if missing else components(self.prepared, dimension, i, j),
                    left_out=left_out_reason(self.prepared, dimension, i, j) if missing else None,
                )
            )
        a, b = self.data.a, self.data.b
        return PairScore(
            a=a.codes[i],
            b=b.codes[j],
            name_a=a.names_en[i],
            name_b=b.names_en[j],
            name_a_ko=a.names_ko[i],
            name_b_ko=b.names_ko[j],
            profile=self.profile.name,
            total=float(self.total[i, j]),
            rank=rank_of(self.total, i, j) if rank is None else rank,
            dimensions=tuple(parts),
        )

    def pair(self, a: str, b: str) -> PairScore:
        """The score of the pair of region codes (``a`` from the first country). O(Ra·Rb) for the rank."""
        return self._pair_at(*self._position(a, b))

    def explain(self, a: str, b: str, *, top: int = 5) -> PairExplanation:
        """Industries, themes and sentences explaining the pair's score. O(Ra·Rb + T·K)."""
        i, j = self._position(a, b)
        pair = self._pair_at(i, j)
        return explain_pair(
            self.prepared, pair, i, j, themes=self.themes, membership=self._membership, top=top
        )

    def top(self, k: int = 10) -> tuple[PairScore, ...]:
        """The ``k`` best pairs, best first (ties by region codes). O(Ra·Rb + k²)."""
        best = top_pairs(self.total, k, self.data.a.codes, self.data.b.codes)
        values = [float(self.total[pair]) for pair in best]
        # Every pair above one of the best is itself among the best, so ranks come from the list.
        return tuple(
            self._pair_at(i, j, rank=1 + sum(other > values[n] + RANK_TOLERANCE for other in values))
            for n, (i, j) in enumerate(best)
        )

    def to_frame(self, *, top: int | None = None) -> pd.DataFrame:
        """One row per pair (all pairs, or the ``top`` best), best first, with every dimension score."""
        a, b = self.data.a, self.data.b
        if top is None:
            rows, columns = np.indices(self.total.shape).reshape(2, -1)
        else:
            chosen = top_pairs(self.total, top, a.codes, b.codes)
            rows = np.array([i for i, _ in chosen], dtype=np.intp)
            columns = np.array([j for _, j in chosen], dtype=np.intp)
        frame = pd.DataFrame(
            {
                "a": np.asarray(a.codes, dtype=object)[rows],
                "b": np.asarray(b.codes, dtype=object)[columns],
                "name_a": np.asarray(a.names_en, dtype=object)[rows],
                "name_b": np.asarray(b.names_en, dtype=object)[columns],
                "total": self.total[rows, columns],
                **{dimension: self.scores[n, rows, columns] for n, dimension in enumerate(DIMENSIONS)},
            }
        )
        frame = frame.sort_values(
            ["total", "a", "b"], ascending=[False, True, True], na_position="last", kind="stable"
        )
        frame.insert(
            0, "rank", frame["total"].rank(method="min", ascending=False, na_option="bottom").astype(int)
        )
        return frame.reset_index(drop=True)
