"""HiGHS through highspy: the linear and integer programmes of the scheduler.

Three services: :func:`solve_milp` (a whole small MILP), :func:`lp_bound` (the LP relaxation of the
full model by column generation) and :func:`solve_core` (the MILP over a core of promising columns,
started from a known schedule). HiGHS (Huangfu & Hall, 2018) is deterministic for a given ``seed``.

Column generation (Desrosiers & Lübbecke, 2005): the LP keeps every row but only some candidate columns;
after each solve, the reduced cost d = c − Aᵀy of every candidate is priced against the row duals y,
and each request's best improving candidate is added (the dual simplex re-solve is warm-started). The
reported bound is the Lagrangian dual function at y — Σ_i y_i·(the row side y_i pushes against) +
Σ_j max over the column's box of d_j·x_j — which is a valid upper bound for any y, so the bound is
valid even when the time limit stops the loop early, and equals the LP optimum once no column improves.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import highspy
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from innotwin.core.scheduling.formulation import Formulation
from innotwin.core.scheduling.instance import BoolArray, FloatArray, IntArray

__all__ = ["LpBound", "MilpOutcome", "lp_bound", "solve_core", "solve_milp"]

_TOLERANCE = 1e-6
_SOLVED = (highspy.HighsModelStatus.kOptimal, highspy.HighsModelStatus.kModelEmpty)


@dataclass(frozen=True, kw_only=True)
class LpBound:
    """The LP-relaxation bound: ``value``, exact when column generation converged (otherwise a valid,
    looser Lagrangian bound); ``x`` the last LP solution on every candidate column; ``reduced_cost``
    each candidate's reduced cost c − Aᵀy at the duals y that gave ``value`` (maximisation sign: a
    schedule using a candidate with reduced cost d < 0 is worth at most ``value`` + d)."""

    value: float
    exact: bool
    x: FloatArray
    reduced_cost: FloatArray
    seconds: float


@dataclass(frozen=True, kw_only=True)
class MilpOutcome:
    """A MILP's answer: the candidate columns at 1 (``chosen``; empty if HiGHS found no solution) and
    whether HiGHS proved them optimal over the columns it was given."""

    chosen: IntArray
    optimal: bool


def _highs(*, seed: int, time_limit: float | None, threads: int = 1) -> highspy.Highs:
    highs = highspy.Highs()  # type: ignore[no-untyped-call]  # highspy's constructor has no annotations
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("random_seed", seed)
    highs.setOptionValue("threads", threads)
    if time_limit is not None:
        highs.setOptionValue("time_limit", max(time_limit, 0.01))
    return highs


def _pass(highs: highspy.Highs, form: Formulation, keep: IntArray, *, integer: bool) -> None:
    """Load the columns ``keep`` of ``form`` (as a minimisation) into ``highs``."""
    matrix = sp.csc_array(form.matrix[:, keep])
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = int(keep.size), int(matrix.shape[0])
    lp.col_cost_ = -form.objective[keep]
    lp.col_lower_, lp.col_upper_ = form.col_lower[keep], form.col_upper[keep]
    lp.row_lower_, lp.row_upper_ = form.row_lower, form.row_upper
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_, lp.a_matrix_.index_, lp.a_matrix_.value_ = matrix.indptr, matrix.indices, matrix.data
    if integer:
        lp.integrality_ = [
            highspy.HighsVarType.kInteger if k < form.n_x else highspy.HighsVarType.kContinuous for k in keep
        ]
    highs.passModel(lp)


def solve_milp(form: Formulation, *, seed: int, time_limit: float | None = None) -> MilpOutcome:
    """Solve the whole (small) MILP ``form``, within ``time_limit`` seconds if given. Exponential in the
    worst case; fast on the small problems the backends hand it (must-meets alone, one slot)."""
    highs = _highs(seed=seed, time_limit=time_limit)
    _pass(highs, form, np.arange(form.objective.size), integer=True)
    highs.run()
    return _outcome(highs, form, np.arange(form.objective.size))


def _outcome(highs: highspy.Highs, form: Formulation, keep: IntArray) -> MilpOutcome:
    if highs.getInfo().primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
        return MilpOutcome(chosen=np.empty(0, dtype=np.int64), optimal=False)
    values = np.asarray(highs.getSolution().col_value)
    return MilpOutcome(
        chosen=keep[(keep < form.n_x) & (values > 0.5)],
        optimal=highs.getModelStatus() in _SOLVED,
    )


def _lagrangian(form: Formulation, duals: FloatArray) -> float:
    """The Lagrangian bound max over the column box and the row ranges of c·x − y·(Ax − r), for the
    maximisation row multipliers ``duals``: valid for any y, equal to the LP optimum at optimal duals.
    A multiplier pushing against an infinite row side counts as zero."""
    upper = np.where(np.isinf(form.row_upper), 0.0, form.row_upper)
    lower = np.where(np.isinf(form.row_lower), 0.0, form.row_lower)
    y_up = np.where(np.isinf(form.row_upper), 0.0, np.maximum(duals, 0.0))
    y_down = np.where(np.isinf(form.row_lower), 0.0, np.minimum(duals, 0.0))
    d = form.objective - form.matrix.T @ (y_up + y_down)
    rows = float(y_up @ upper + y_down @ lower)
    columns = float(np.where(d > 0, d * form.col_upper, d * form.col_lower).sum())
    return rows + columns


class _RestrictedLp:
    """The LP over some rows and columns of a formulation, growing by both, warm-started in HiGHS."""

    def __init__(self, form: Formulation, rows: IntArray, cols: IntArray, *, seed: int) -> None:
        self.form = form
        self.csc = sp.csc_array(form.matrix)
        self.row_at = np.full(form.matrix.shape[0], -1, dtype=np.int64)
        self.col_at = np.full(form.matrix.shape[1], -1, dtype=np.int64)
        self.rows, self.cols = rows, cols
        self.row_at[rows] = np.arange(rows.size)
        self.col_at[cols] = np.arange(cols.size)
        self.highs = _highs(seed=seed, time_limit=None)
        self.highs.setOptionValue("simplex_strategy", 1)
        matrix = sp.csc_array(form.matrix[rows][:, cols])
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = int(cols.size), int(rows.size)
        lp.col_cost_ = -form.objective[cols]
        lp.col_lower_, lp.col_upper_ = form.col_lower[cols], form.col_upper[cols]
        lp.row_lower_ = form.row_lower[rows]
        lp.row_upper_ = form.row_upper[rows]
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_, lp.a_matrix_.index_ = matrix.indptr, matrix.indices
        lp.a_matrix_.value_ = matrix.data
        self.highs.passModel(lp)

    def run(self, seconds: float) -> bool:
        """Re-solve for at most ``seconds`` more; whether HiGHS reached the optimum."""
        self.highs.setOptionValue("time_limit", self.highs.getRunTime() + max(seconds, 0.01))
        self.highs.run()
        return self.highs.getModelStatus() in _SOLVED

    def solution(self) -> tuple[FloatArray, FloatArray]:
        """The primal values of all the formulation's columns and the (maximisation) duals of all its
        rows, zero for those left out."""
        solution = self.highs.getSolution()
        x = np.zeros(self.form.matrix.shape[1])
        x[self.cols] = solution.col_value
        y = np.zeros(self.form.matrix.shape[0])
        y[self.rows] = -np.asarray(solution.row_dual)
        return x, y

    def add_rows(self, rows: IntArray) -> None:
        block = self.form.matrix[rows]
        keep = self.col_at[block.indices] >= 0
        starts = _starts(block.indptr, keep)
        self.highs.addRows(
            int(rows.size),
            self.form.row_lower[rows],
            self.form.row_upper[rows],
            int(keep.sum()),
            starts,
            self.col_at[block.indices[keep]].astype(np.int32),
            block.data[keep],
        )
        self.row_at[rows] = self.rows.size + np.arange(rows.size)
        self.rows = np.concatenate([self.rows, rows])

    def add_cols(self, cols: IntArray) -> None:
        block = self.csc[:, cols]
        keep = self.row_at[block.indices] >= 0
        starts = _starts(block.indptr, keep)
        self.highs.addCols(
            int(cols.size),
            -self.form.objective[cols],
            self.form.col_lower[cols],
            self.form.col_upper[cols],
            int(keep.sum()),
            starts,
            self.row_at[block.indices[keep]].astype(np.int32),
            block.data[keep],
        )
        self.col_at[cols] = self.cols.size + np.arange(cols.size)
        self.cols = np.concatenate([self.cols, cols])


def _starts(indptr: IntArray, keep: BoolArray) -> npt.NDArray[np.int32]:
    """Where each compressed row (or column) starts once the entries not in ``keep`` are dropped."""
    owner = np.repeat(np.arange(indptr.size - 1), np.diff(indptr))
    counts = np.bincount(owner[keep], minlength=indptr.size - 1)
    return (np.cumsum(counts) - counts).astype(np.int32)


def lp_bound(form: Formulation, *, start: IntArray, seed: int, time_limit: float) -> LpBound:
    """The LP relaxation of ``form`` by column and row generation from the candidate columns ``start``
    (which must hold a feasible schedule).

    All fairness and flow columns are in from the start, and all rows but the venue-change ones. Each
    round adds, per request, the candidate with the best positive reduced cost; once none is left, the
    venue-change rows that the LP solution violates are added too. Every round's Lagrangian bound is
    valid, so the smallest is reported, and it is exact once no column improves and no row is violated.

    Complexity: each round prices every column and checks every lazy row, O(nnz), and re-solves a
    warm-started LP (dual simplex); the number of rounds is small in practice (no polynomial bound is
    known for the simplex method).
    """
    started = time.perf_counter()
    matrix_t = sp.csr_array(form.matrix.T)
    lazy = np.arange(form.first_lazy_row, form.matrix.shape[0])
    cols = np.union1d(start, np.arange(form.n_x, form.objective.size))
    lp = _RestrictedLp(form, np.arange(form.first_lazy_row), cols, seed=seed)
    best, best_reduced = np.inf, form.objective
    while True:
        optimal = lp.run(time_limit - (time.perf_counter() - started))
        x, duals = lp.solution()
        reduced = form.objective - matrix_t @ duals
        bound = _lagrangian(form, duals)
        if bound < best:
            best, best_reduced = bound, reduced
        improving = np.flatnonzero((reduced > _TOLERANCE) & (lp.col_at < 0))
        waiting = lazy[lp.row_at[lazy] < 0]
        violated = waiting[form.matrix[waiting] @ x > form.row_upper[waiting] + _TOLERANCE]
        done = optimal and improving.size == 0 and violated.size == 0
        if done or time.perf_counter() - started >= time_limit:
            break
        if improving.size:
            lp.add_cols(_best_per_request(improving, reduced, form))
        else:
            lp.add_rows(violated)
    return LpBound(
        value=best,
        exact=done,
        x=x[: form.n_x],
        reduced_cost=best_reduced[: form.n_x],
        seconds=time.perf_counter() - started,
    )


def _best_per_request(improving: IntArray, reduced: FloatArray, form: Formulation) -> IntArray:
    """Of the ``improving`` columns, the one with the largest reduced cost for each request."""
    request = form.request[improving]
    ranked = improving[np.lexsort((-reduced[improving], request))]
    grouped = form.request[ranked]
    return np.sort(ranked[np.r_[True, grouped[1:] != grouped[:-1]][: ranked.size]])


def solve_core(
    form: Formulation, *, core: IntArray, start: IntArray, seed: int, time_limit: float
) -> MilpOutcome:
    """The MILP restricted to the candidate columns ``core`` (plus all continuous columns), given the
    feasible schedule ``start`` (candidate columns, a subset of ``core``) as its first incumbent, solved
    to a relative gap of 10⁻⁶.

    Exponential in the worst case; HiGHS stops at ``time_limit`` seconds with its best schedule.
    """
    keep = np.concatenate([np.sort(core), np.arange(form.n_x, form.objective.size)])
    highs = _highs(seed=seed, time_limit=time_limit)
    highs.setOptionValue("mip_rel_gap", _TOLERANCE)
    _pass(highs, form, keep, integer=True)
    count = int(np.searchsorted(keep, form.n_x))
    values = np.zeros(count)
    values[np.searchsorted(keep, start)] = 1.0
    highs.setSolution(count, np.arange(count, dtype=np.int32), values)
    highs.run()
    return _outcome(highs, form, keep)
