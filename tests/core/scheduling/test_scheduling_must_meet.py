"""Must-meets: held before everything else, and explained when they cannot all be held."""

from __future__ import annotations

import pytest

from innotwin.core.scheduling import Conflict, Event, Priority, Reason, Table, schedule
from tests.core.scheduling.scheduling_factories import make_person, make_request, make_slot

MUST = Priority.MUST_MEET


def test_schedule_two_must_meets_in_one_slot_are_explained() -> None:
    """A is free only in slot 0 and must meet both B and C: impossible. The heavier (A–B) is held and
    the conflict names both requests and A."""
    event = Event(
        participants=(make_person("A", availability=(0,)), make_person("B"), make_person("C")),
        slots=(make_slot(0), make_slot(1)),
        tables=(Table(id="t1", venue="Hall"), Table(id="t2", venue="Hall")),
        requests=(
            make_request("AB", "A", "B", weight=2.0, priority=MUST),
            make_request("AC", "A", "C", weight=1.0, priority=MUST),
        ),
    )

    result = schedule(event, solver="highs")

    assert [m.request_id for m in result.meetings] == ["AB"]
    assert [(u.request_id, u.reason) for u in result.unscheduled] == [("AC", Reason.MUST_MEET_CONFLICT)]
    assert result.conflicts == (
        Conflict(
            request_ids=("AB", "AC"),
            participant_ids=("A",),
            message_en="The must-meets AB, AC cannot all be scheduled: A cannot attend all of them in the "
            "slots they share. Make one a would-like or widen someone's availability.",
            message_ko="필수 미팅 AB, AC을(를) 모두 배정할 수 없습니다: A님이 가능한 시간대에 모든 미팅에 "
            "참석할 수 없습니다. 하나를 희망 미팅으로 바꾸거나 참석 가능 시간을 늘려 주세요.",
        ),
    )


def test_schedule_conflict_is_minimal() -> None:
    """A (free in slots 0 and 1) must meet B, C and D, so one of the three cannot happen; E–F is an
    unrelated must-meet and stays out of the explanation."""
    event = Event(
        participants=(make_person("A"), *(make_person(pid) for pid in "BCDEF")),
        slots=(make_slot(0), make_slot(1)),
        tables=(Table(id="t1", venue="Hall"), Table(id="t2", venue="Hall")),
        requests=(
            make_request("AB", "A", "B", weight=3.0, priority=MUST),
            make_request("AC", "A", "C", weight=2.0, priority=MUST),
            make_request("AD", "A", "D", weight=1.0, priority=MUST),
            make_request("EF", "E", "F", weight=1.0, priority=MUST),
        ),
    )

    result = schedule(event, solver="greedy")

    assert [c.request_ids for c in result.conflicts] == [("AB", "AC", "AD")]
    assert sorted(m.request_id for m in result.meetings) == ["AB", "AC", "EF"]


@pytest.mark.parametrize("solver", ["greedy", "assignment", "highs"])
def test_schedule_must_meet_wins_over_heavier_would_like(solver: str) -> None:
    """One slot: A–B is a must-meet of weight 1 (value 2), A–C a would-like of weight 5. The must-meet is
    held although the would-like is worth more."""
    event = Event(
        participants=(make_person("A", availability=(0,)), make_person("B"), make_person("C")),
        slots=(make_slot(0), make_slot(1)),
        tables=(Table(id="t1", venue="Hall"),),
        requests=(make_request("AB", "A", "B", priority=MUST), make_request("AC", "A", "C", weight=5.0)),
    )

    result = schedule(event, solver=solver, fairness=0.0)

    assert [m.request_id for m in result.meetings] == ["AB"]
    assert result.value == pytest.approx(2.0)
    assert result.bound == pytest.approx(2.0)
