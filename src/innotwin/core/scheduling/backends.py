"""Solver backends: the :class:`Solver` protocol and the three built-in backends.

* :class:`GreedySolver` — the baseline. Must-meets first, then requests by marginal value, each at its
  first candidate that fits. O(R log R + C·f).
* :class:`SlotAssignmentSolver` — the fast fallback. One assignment problem per slot, in time order:
  the best set of meetings for the slot (each person at most once, tables by size, interpreters), then
  eject-and-reinsert local search until the time limit.
* :class:`HighsSolver` — the exact backend (the default). Price-and-branch (Barnhart et al., 1998) with
  HiGHS: the fast fallback gives a first schedule; column generation solves the LP relaxation (the bound
  every schedule reports); rounding the LP solution and local search give a second schedule; the MILP over
  the columns the LP used (all columns when the instance is small) is solved from the better one until
  the time limit. Its schedule is proven optimal when HiGHS closes the gap over all columns, or when it
  meets the LP bound.

A backend receives an :class:`~innotwin.core.scheduling.instance.Instance` whose ``required`` must-meets
are jointly feasible (``seed`` places them) and must return a feasible schedule holding all of them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

import numpy as np

from innotwin.core.scheduling.board import Board
from innotwin.core.scheduling.formulation import Formulation, build_formulation
from innotwin.core.scheduling.highs import LpBound, lp_bound, solve_core, solve_milp
from innotwin.core.scheduling.instance import FloatArray, Instance, IntArray
from innotwin.core.scheduling.local_search import fill, improve

__all__ = [
    "GreedySolver",
    "HighsSolver",
    "SlotAssignmentSolver",
    "Solver",
    "SolverResult",
    "Status",
    "full_formulation",
    "objective",
    "start_board",
]


class Status(StrEnum):
    """How good a schedule is known to be."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    HEURISTIC = "heuristic"


@dataclass(frozen=True, kw_only=True)
class SolverResult:
    """A backend's answer: the candidate positions it chose, its status, and the LP bound if it had to
    compute one anyway (so the caller need not compute it again)."""

    chosen: IntArray
    status: Status
    lp: LpBound | None = None


class Solver(Protocol):
    """A scheduling backend."""

    name: str

    def solve(self, instance: Instance, *, time_limit: float, seed: int) -> SolverResult:
        """Return a feasible schedule of ``instance`` holding every required must-meet, within about
        ``time_limit`` seconds; ``seed`` fixes any randomness."""
        ...


def objective(instance: Instance, chosen: IntArray) -> float:
    """The value of a schedule: Σ value of its requests + λ·Σ_p H(n_p)."""
    requests = instance.cand_req[chosen]
    counts = np.bincount(
        np.concatenate([instance.parties(int(r)) for r in requests])
        if requests.size
        else np.empty(0, np.int64),
        minlength=instance.n_participants,
    )
    harmonic = np.concatenate([[0.0], np.cumsum(1.0 / np.arange(1, instance.n_slots + 1))])
    return float(instance.value[requests].sum() + instance.fairness * harmonic[counts].sum())


def start_board(instance: Instance) -> Board:
    """A board holding every required must-meet: placed first-fit, fewest candidates first, or, if that
    fails, as the instance's seed places them."""
    board = Board(instance)
    required = np.flatnonzero(instance.required)
    order = sorted(required.tolist(), key=lambda r: int(instance.cand_start[r + 1] - instance.cand_start[r]))
    if all(board.place_first_fit(r) for r in order):
        return board
    board = Board(instance)
    board.load_candidates(instance.seed)
    return board


def full_formulation(instance: Instance) -> Formulation:
    """The whole model (every candidate, with fairness) as a MILP."""
    return build_formulation(
        instance,
        columns=np.arange(instance.n_candidates, dtype=np.int64),
        values=instance.value[instance.cand_req],
        cap=instance.cap,
        fairness_levels=instance.fairness_levels(),
    )


class GreedySolver:
    """Must-meets first, then the request with the largest marginal value at its first candidate that
    fits, until none fits. Complexity: O(R log R + C·f) for R requests, C candidates, f a fit check."""

    name = "greedy"

    def solve(self, instance: Instance, *, time_limit: float, seed: int) -> SolverResult:
        """Schedule ``instance`` greedily; ``time_limit`` and ``seed`` are not needed."""
        board = start_board(instance)
        fill(board)
        return SolverResult(chosen=board.chosen(), status=Status.HEURISTIC)


class SlotAssignmentSolver:
    """One assignment problem per slot, then local improvement.

    For each slot in time order, the candidates that still fit are ranked by marginal value and the best
    ``width`` × (free tables) of them go into a small MILP: the most valuable set of meetings for the slot
    with each person at most once, the free tables by size and the interpreters (the assignment problem
    of people to tables, with side constraints). The result is then filled and improved by
    eject-and-reinsert until ``time_limit``.

    Complexity: S small MILPs of O(width·T) columns for S slots and T tables, plus O(C) fit checks per
    slot and the local search.
    """

    name = "assignment"

    def __init__(self, *, width: int = 4) -> None:
        self.width = width

    def solve(self, instance: Instance, *, time_limit: float, seed: int) -> SolverResult:
        """Schedule ``instance`` slot by slot, then improve until ``time_limit`` seconds have passed."""
        deadline = time.perf_counter() + time_limit
        board = start_board(instance)
        by_slot = np.argsort(instance.cand_slot, kind="stable")
        bounds = np.searchsorted(instance.cand_slot[by_slot], np.arange(instance.n_slots + 1))
        for s in range(instance.n_slots):
            self._assign_slot(board, by_slot[bounds[s] : bounds[s + 1]], s, seed, deadline)
        fill(board, deadline=deadline)
        improve(board, deadline=deadline)
        return SolverResult(chosen=board.chosen(), status=Status.HEURISTIC)

    def _assign_slot(self, board: Board, cands: IntArray, s: int, seed: int, deadline: float) -> None:
        instance = board.instance
        ent_col, ent_p = instance.party_entries(cands)
        counts = np.array(board.count, dtype=np.float64)
        gains = instance.value[instance.cand_req[cands]] + instance.fairness * np.bincount(
            ent_col, weights=1.0 / (counts[ent_p] + 1.0), minlength=cands.size
        )
        waiting = np.flatnonzero(np.array(board.placed)[instance.cand_req[cands]] < 0)
        ranked = waiting[np.argsort(-gains[waiting], kind="stable")]
        pool = ranked[self._pool(board, cands[ranked], s)]
        if not pool.size:
            return
        existing = np.array(sorted(board.in_slot[s]), dtype=np.int64)
        columns = np.concatenate([existing, cands[pool]])
        values = np.concatenate([np.zeros(existing.size), gains[pool]])
        fixed = np.zeros(columns.size, dtype=bool)
        fixed[: existing.size] = True
        form = build_formulation(
            instance,
            columns=columns,
            values=values,
            cap=np.full(instance.n_participants, instance.n_slots, dtype=np.int64),
            fairness_levels=None,
            fixed=fixed,
        )
        outcome = solve_milp(form, seed=seed, time_limit=deadline - time.perf_counter())
        for position in outcome.chosen.tolist():
            cand = int(columns[position])
            if board.placed[board.cand_req[cand]] < 0 and board.fits(cand):
                board.place(cand)

    def _pool(self, board: Board, ranked: IntArray, s: int) -> IntArray:
        """The positions in ``ranked`` of the candidates that fit, in rank order, of at most ``width`` ×
        (free tables) requests, of which at most ``width`` × (free interpreters) need an interpreter."""
        free_tables = sum(
            limit[0] - used[0] for limit, used in zip(board.table_count, board.tables_used[s], strict=True)
        )
        free_interpreters = sum(
            capacity[s] - load[s]
            for capacity, load in zip(board.interpreter_capacity, board.load, strict=True)
        )
        seen: set[int] = set()
        interpreted = 0
        pool = []
        for position, cand in enumerate(ranked.tolist()):
            request = board.cand_req[cand]
            if request not in seen:
                if len(seen) >= self.width * free_tables:
                    break
                needs = board.klass[request] >= 0
                if needs and interpreted >= self.width * free_interpreters:
                    continue
                if not board.fits(cand):
                    continue
                seen.add(request)
                interpreted += needs
            elif not board.fits(cand):
                continue
            pool.append(position)
        return np.array(pool, dtype=np.int64)


class HighsSolver:
    """Price-and-branch with HiGHS (see the module docstring).

    The fast ``fallback`` gets ``fallback_share`` of the time, the LP bound at most ``lp_share``; the
    rounded LP solution is improved for another ``fallback_share``. The MILP is then solved over a core —
    the candidates the LP uses, those of the best schedule so far, and the best of the rest by reduced
    cost — four times larger at each round, while the time left exceeds four times the last round's
    (HiGHS can overrun its limit on a large model), until the core is every candidate. The
    schedule is proven optimal when it meets the LP bound, or when the core was solved to optimality and
    every candidate left out has reduced cost d ≤ value − bound, since a schedule using it is worth at
    most bound + d.
    """

    name = "highs"

    def __init__(
        self, *, fallback: Solver | None = None, fallback_share: float = 0.05, lp_share: float = 0.5
    ) -> None:
        self.fallback = fallback
        self.fallback_share = fallback_share
        self.lp_share = lp_share

    def solve(self, instance: Instance, *, time_limit: float, seed: int) -> SolverResult:
        """Schedule ``instance`` as well as HiGHS can within ``time_limit`` seconds."""
        deadline = time.perf_counter() + time_limit
        share = self.fallback_share * time_limit
        fallback = self.fallback or SlotAssignmentSolver()
        first = fallback.solve(instance, time_limit=share, seed=seed).chosen
        form = full_formulation(instance)
        lp = lp_bound(form, start=first, seed=seed, time_limit=self.lp_share * time_limit)
        rounded = _round(instance, lp.x, deadline=min(deadline, time.perf_counter() + share))
        best = max((first, rounded), key=lambda chosen: objective(instance, chosen))
        ranked = np.argsort(-lp.reduced_cost, kind="stable")
        core = np.union1d(np.flatnonzero(lp.x > _GAP), best)
        proven = objective(instance, best) >= lp.value - _GAP * max(1.0, abs(lp.value))
        spent = 0.0
        while not proven and deadline - time.perf_counter() > 4 * spent:
            stage = time.perf_counter()
            outcome = solve_core(
                form, core=core, start=best, seed=seed, time_limit=deadline - time.perf_counter()
            )
            spent = time.perf_counter() - stage
            if outcome.chosen.size and objective(instance, outcome.chosen) > objective(instance, best):
                best = _filled(instance, outcome.chosen)
            left_out = np.ones(instance.n_candidates, dtype=bool)
            left_out[core] = False
            best_left_out = lp.reduced_cost[left_out].max(initial=-np.inf)
            gap = lp.value - objective(instance, best)
            proven = gap <= _GAP * max(1.0, abs(lp.value)) or (outcome.optimal and best_left_out <= -gap)
            if not outcome.optimal or not left_out.any():
                break
            core = np.union1d(core, ranked[: 4 * core.size + 64])
        return SolverResult(chosen=best, status=Status.OPTIMAL if proven else Status.FEASIBLE, lp=lp)


_GAP = 1e-6


def _filled(instance: Instance, chosen: IntArray) -> IntArray:
    board = Board(instance)
    board.load_candidates(chosen)
    fill(board)
    return board.chosen()


def _round(instance: Instance, x: FloatArray, *, deadline: float) -> IntArray:
    """Round the LP solution ``x``: the required must-meets, then candidates by falling LP value while they
    fit, then fill and improve."""
    board = start_board(instance)
    order = np.argsort(-x, kind="stable")
    for cand in order[x[order] > _GAP].tolist():
        if board.fits(cand):
            board.place(cand)
    fill(board, deadline=deadline)
    improve(board, deadline=deadline)
    return board.chosen()
