"""Must-meets: make them requirements, or explain why they cannot all be met.

Must-meets are scheduled lexicographically first. If they all fit together (tried first-fit, fewest
candidates first, then exactly with a MILP over the must-meets alone), every backend must hold all of
them. If they do not, the MILP keeps a most valuable subset that fits and each must-meet left out is
explained by a *minimal conflicting set*: must-meets that cannot all happen although any proper subset
can, found by the deletion filter (Chinneck & Dravnieks, 1991) over the must-meets sharing a participant
with it (directly or through others), or over all of them when the conflict runs through shared tables or
interpreters.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from innotwin.core.scheduling.board import Board
from innotwin.core.scheduling.formulation import build_formulation
from innotwin.core.scheduling.highs import MilpOutcome, solve_milp
from innotwin.core.scheduling.instance import Instance, IntArray

__all__ = ["resolve_must_meets"]


def _subproblem(instance: Instance, requests: list[int], *, seed: int, required: bool) -> MilpOutcome:
    """The MILP over ``requests`` alone: all of them required (a feasibility test) or the most valuable."""
    columns = np.concatenate(
        [np.arange(instance.cand_start[r], instance.cand_start[r + 1]) for r in requests]
    )
    mask = np.zeros(instance.n_requests, dtype=bool)
    mask[requests] = required
    sub = dataclasses.replace(instance, required=mask)
    form = build_formulation(
        sub,
        columns=columns.astype(np.int64),
        values=instance.value[instance.cand_req[columns]],
        cap=instance.cap,
        fairness_levels=None,
    )
    return solve_milp(form, seed=seed)


def _all_fit(instance: Instance, requests: list[int], seed: int) -> bool:
    held = _subproblem(instance, requests, seed=seed, required=True).chosen
    return bool(held.size == len(requests))


def _component(instance: Instance, start: int, pool: list[int]) -> list[int]:
    """The requests of ``pool`` linked to ``start`` through shared participants, ``start`` first."""
    people = {r: set(instance.parties(r).tolist()) for r in [start, *pool]}
    found, frontier, reached = [start], [start], set(people[start])
    left = set(pool)
    while frontier:
        frontier = [r for r in sorted(left) if people[r] & reached]
        for r in frontier:
            left.discard(r)
            found.append(r)
            reached |= people[r]
    return found


def _minimal_conflict(instance: Instance, request: int, kept: list[int], seed: int) -> tuple[int, ...]:
    group = _component(instance, request, kept)
    if _all_fit(instance, group, seed):
        group = [request, *kept]
    members = group[1:]
    for other in list(members):
        trial = [m for m in members if m != other]
        if not _all_fit(instance, [request, *trial], seed):
            members = trial
    return tuple(sorted([request, *members]))


def resolve_must_meets(instance: Instance, *, seed: int) -> tuple[Instance, dict[int, tuple[int, ...]]]:
    """Mark the must-meets that can all be held as required, with a placement of them as the seed.

    Returns the new instance (the candidates of must-meets that cannot be held are removed) and, for each
    of those, its minimal conflicting set of request positions (itself included).

    Complexity: one first-fit pass; if it fails, one MILP over the must-meets, and per excluded must-meet
    one small feasibility MILP per member of its conflict group (exponential only in the worst case).
    """
    has_candidates = instance.cand_start[1:] > instance.cand_start[:-1]
    must = np.flatnonzero(instance.must & has_candidates).tolist()
    if not must:
        return instance, {}
    board = Board(instance)
    order = sorted(must, key=lambda r: int(instance.cand_start[r + 1] - instance.cand_start[r]))
    if all(board.place_first_fit(r) for r in order):
        return _with_required(instance, must, board.chosen()), {}
    chosen = _subproblem(instance, must, seed=seed, required=False).chosen
    kept = sorted(set(instance.cand_req[chosen].tolist()))
    excluded = sorted(set(must) - set(kept))
    conflicts = {r: _minimal_conflict(instance, r, kept, seed) for r in excluded}
    keep = ~np.isin(instance.cand_req, excluded)
    narrowed = instance.keep_candidates(keep)
    return _with_required(narrowed, kept, (np.cumsum(keep) - 1)[chosen]), conflicts


def _with_required(instance: Instance, requests: list[int], seed: IntArray) -> Instance:
    mask = np.zeros(instance.n_requests, dtype=bool)
    mask[requests] = True
    return dataclasses.replace(instance, required=mask, seed=np.sort(seed).astype(np.int64))
