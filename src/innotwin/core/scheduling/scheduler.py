"""The entry point: :func:`schedule` an event with a chosen backend."""

from __future__ import annotations

import time

import numpy as np

from innotwin.core.errors import DataError, Problem
from innotwin.core.scheduling.backends import (
    GreedySolver,
    HighsSolver,
    SlotAssignmentSolver,
    Solver,
    full_formulation,
    objective,
)
from innotwin.core.scheduling.board import Board
from innotwin.core.scheduling.diagnose import explain
from innotwin.core.scheduling.highs import lp_bound
from innotwin.core.scheduling.instance import Instance, compile_event
from innotwin.core.scheduling.local_search import fill
from innotwin.core.scheduling.model import Event
from innotwin.core.scheduling.mustmeet import resolve_must_meets
from innotwin.core.scheduling.phrases import conflict_message
from innotwin.core.scheduling.result import Conflict, Meeting, Schedule

__all__ = ["SOLVERS", "schedule"]

SOLVERS: dict[str, type[GreedySolver | SlotAssignmentSolver | HighsSolver]] = {
    "greedy": GreedySolver,
    "assignment": SlotAssignmentSolver,
    "highs": HighsSolver,
}


def _parameter_problems(
    solver: str | Solver, time_limit: float, bound_time_limit: float, fairness: float, must_meet_factor: float
) -> list[Problem]:
    checks = [
        (isinstance(solver, str) and solver not in SOLVERS, "solver", f"one of {sorted(SOLVERS)}", solver),
        (not time_limit > 0, "time_limit", "> 0", time_limit),
        (not bound_time_limit > 0, "bound_time_limit", "> 0", bound_time_limit),
        (not fairness >= 0, "fairness", ">= 0", fairness),
        (not must_meet_factor >= 1, "must_meet_factor", ">= 1", must_meet_factor),
    ]
    return [
        Problem(f"The {name!r} parameter of schedule must be {rule}. Got {got!r} instead.", field=name)
        for failed, name, rule, got in checks
        if failed
    ]


def _meetings(board: Board) -> tuple[Meeting, ...]:
    """The placed candidates as meetings. Tables go best-fit, largest groups first, per slot and venue;
    the model's nested table counts guarantee every meeting gets one."""
    instance = board.instance
    event = instance.event
    slots = {slot.index: slot for slot in event.slots}
    by_venue = {
        venue: sorted((t for t in event.tables if t.venue == venue), key=lambda t: (t.capacity, t.id))
        for venue in instance.venues
    }
    meetings = []
    for s, placed in enumerate(board.in_slot):
        slot = slots[instance.slot_indices[s]]
        free = {venue: list(tables) for venue, tables in by_venue.items()}
        for cand in sorted(placed, key=lambda c: (-int(instance.size[board.cand_req[c]]), board.cand_req[c])):
            request = board.cand_req[cand]
            venue = instance.venues[board.cand_venue[cand]]
            table = next(t for t in free[venue] if t.capacity >= instance.size[request])
            free[venue].remove(table)
            interpreter = board.interpreter_of.get(cand)
            meetings.append(
                Meeting(
                    request_id=instance.request_ids[request],
                    parties=event.requests[request].parties,
                    slot=slot.index,
                    start=slot.start,
                    end=slot.end,
                    venue=venue,
                    table=table.id,
                    interpreter=None if interpreter is None else event.interpreters[interpreter].id,
                )
            )
    return tuple(sorted(meetings, key=lambda m: (m.start, m.table)))


def _conflicts(instance: Instance, conflicts: dict[int, tuple[int, ...]]) -> tuple[Conflict, ...]:
    found = []
    for group in sorted(set(conflicts.values())):
        ids = tuple(instance.request_ids[r] for r in group)
        counts = np.bincount(
            np.concatenate([instance.parties(r) for r in group]), minlength=instance.n_participants
        )
        shared = tuple(instance.participant_ids[p] for p in np.flatnonzero(counts > 1))
        english, korean = conflict_message(requests=", ".join(ids), people=", ".join(shared))
        found.append(Conflict(request_ids=ids, participant_ids=shared, message_en=english, message_ko=korean))
    return tuple(found)


def schedule(
    event: Event,
    *,
    solver: str | Solver = "highs",
    time_limit: float = 60.0,
    fairness: float = 1.0,
    must_meet_factor: float = 2.0,
    random_state: int = 0,
    bound: bool = True,
    bound_time_limit: float = 60.0,
) -> Schedule:
    """Schedule the meeting requests of ``event``.

    Maximises Σ value(r) over the held requests + ``fairness`` · Σ_p H(n_p), where value(r) is the
    request's weight (times ``must_meet_factor`` for a must-meet), n_p the number of meetings of person p
    and H the harmonic number, subject to availability, one meeting per person per slot, meeting caps,
    tables by size, interpreters for parties without a common language, and travel time between venues.
    Must-meets come first: all that can be held together are held. See ``docs/methods/scheduling.md``.

    ``solver`` is ``"highs"`` (exact, price-and-branch; the default), ``"assignment"`` (fast fallback),
    ``"greedy"`` (baseline) or any :class:`~innotwin.core.scheduling.Solver`; ``time_limit`` bounds its
    seconds. ``random_state`` seeds everything random. With ``bound``, the LP-relaxation bound is
    reported (the ``"highs"`` solver computes it anyway); computing it separately is given
    ``bound_time_limit`` seconds, after which a valid but looser Lagrangian bound is reported.

    Requests that cannot be held are returned in ``Schedule.unscheduled`` with their reason, and
    must-meets that cannot all be held in ``Schedule.conflicts``; neither raises. Raises
    :class:`~innotwin.core.errors.DataError` for malformed input or parameters.

    Complexity: compiling is O(R·S·V); the solvers are described in
    :mod:`~innotwin.core.scheduling.backends`.
    """
    problems = _parameter_problems(solver, time_limit, bound_time_limit, fairness, must_meet_factor)
    if problems:
        raise DataError(problems)
    backend = SOLVERS[solver]() if isinstance(solver, str) else solver
    instance = compile_event(event, must_meet_factor=must_meet_factor, fairness=fairness)
    instance, conflicts = resolve_must_meets(instance, seed=random_state)

    started = time.perf_counter()
    result = backend.solve(instance, time_limit=time_limit, seed=random_state)
    solve_seconds = time.perf_counter() - started
    board = Board(instance)
    board.load_candidates(result.chosen)
    fill(board)

    chosen = board.chosen()
    lp = result.lp
    if bound and lp is None:
        lp = lp_bound(
            full_formulation(instance), start=chosen, seed=random_state, time_limit=bound_time_limit
        )
    value = objective(instance, chosen)
    return Schedule(
        meetings=_meetings(board),
        unscheduled=explain(board, conflicts),
        conflicts=_conflicts(instance, conflicts),
        value=value,
        request_value=float(instance.value[instance.cand_req[chosen]].sum()),
        bound=None if lp is None else lp.value,
        bound_exact=lp is not None and lp.exact,
        solver=backend.name,
        status=result.status,
        solve_seconds=solve_seconds,
        bound_seconds=0.0 if lp is None else lp.seconds,
    )
