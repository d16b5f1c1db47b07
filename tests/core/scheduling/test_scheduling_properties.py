"""Invariants of every schedule, on random small events (Hypothesis)."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings

from innotwin.core.scheduling import Event, Priority, Reason, schedule
from tests.core.scheduling.scheduling_factories import events, objective, violations

STATIC = {Reason.NO_COMMON_SLOT, Reason.NO_TABLE, Reason.NO_INTERPRETER, Reason.CAP_REACHED}


@pytest.mark.parametrize("solver", ["greedy", "assignment", "highs"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=events())
def test_schedule_invariants_hold_for_any_event(solver: str, event: Event) -> None:
    result = schedule(event, solver=solver, time_limit=5.0, fairness=0.5)

    assert violations(event, result) == []
    assert math.isclose(
        result.value, objective(event, result, fairness=0.5, must_meet_factor=2.0), abs_tol=1e-9
    )
    assert result.bound is not None
    assert result.value <= result.bound + 1e-6 * max(1.0, abs(result.bound))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=events())
def test_schedule_must_meets_held_unless_explained(event: Event) -> None:
    result = schedule(event, solver="assignment", time_limit=5.0)
    must = {request.id for request in event.requests if request.priority == Priority.MUST_MEET}

    left_out = {u.request_id: u.reason for u in result.unscheduled if u.request_id in must}

    assert {
        rid for rid, reason in left_out.items() if reason not in STATIC | {Reason.MUST_MEET_CONFLICT}
    } == set()
    in_conflicts = {rid for conflict in result.conflicts for rid in conflict.request_ids}
    assert {rid for rid, reason in left_out.items() if reason == Reason.MUST_MEET_CONFLICT} <= in_conflicts


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=events())
def test_schedule_highs_is_at_least_as_good_as_the_heuristics(event: Event) -> None:
    exact = schedule(event, solver="highs", time_limit=5.0)
    greedy = schedule(event, solver="greedy", bound=False)

    assert exact.value >= greedy.value - 1e-9
    assert exact.status == "optimal"
