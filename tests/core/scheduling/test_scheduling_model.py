"""Input validation: every problem of an event is reported at once, with its place."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from innotwin.core.errors import DataError
from innotwin.core.scheduling import Event, Slot, Table, schedule, validate_event
from tests.core.scheduling.scheduling_factories import make_person, make_request, make_slot


def test_validate_event_lists_every_problem() -> None:
    naive = datetime(2025, 6, 2, 9, 0)
    event = Event(
        participants=(make_person("A", availability=(0, 9)), make_person("A")),
        slots=(make_slot(0), Slot(index=1, start=naive, end=naive + timedelta(minutes=25))),
        tables=(Table(id="t1", venue="Hall", capacity=1),),
        requests=(make_request("r1", "A", "Z"), make_request("r2", "A", "A", weight=0.0)),
    )

    with pytest.raises(DataError) as caught:
        validate_event(event)

    assert [(problem.field, problem.message) for problem in caught.value.problems] == [
        ("slots[1]", "start and end must carry a time zone. Got a naive datetime."),
        ("participants", "Participant id 'A' appears more than once."),
        ("participants[A]", "availability names unknown slots [9]."),
        ("tables[t1]", "capacity must be >= 2. Got 1."),
        ("requests[r1]", "parties names unknown participants ['Z']."),
        ("requests[r2]", "parties must name at least two different people. Got ('A', 'A')."),
        ("requests[r2]", "weight must be > 0. Got 0.0."),
    ]


def test_validate_event_overlapping_slots_is_a_problem() -> None:
    event = Event(
        participants=(make_person("A"),),
        slots=(make_slot(0), make_slot(1, gap=timedelta(minutes=-10))),
        tables=(Table(id="t1", venue="Hall"),),
        requests=(),
    )

    with pytest.raises(DataError) as caught:
        validate_event(event)

    assert [problem.field for problem in caught.value.problems] == ["slots[0]"]


def test_schedule_bad_parameters_raise_data_error_naming_them() -> None:
    event = Event(participants=(), slots=(), tables=(), requests=())

    with pytest.raises(DataError) as caught:
        schedule(event, solver="cplex", time_limit=0, fairness=-1.0)

    assert [str(problem) for problem in caught.value.problems] == [
        "solver: The 'solver' parameter of schedule must be one of ['assignment', 'greedy', 'highs']. "
        "Got 'cplex' instead.",
        "time_limit: The 'time_limit' parameter of schedule must be > 0. Got 0 instead.",
        "fairness: The 'fairness' parameter of schedule must be >= 0. Got -1.0 instead.",
    ]


def test_schedule_empty_event_is_empty_and_optimal() -> None:
    result = schedule(Event(participants=(), slots=(), tables=(), requests=()))

    assert (result.meetings, result.unscheduled, result.value, result.bound, result.status) == (
        (),
        (),
        0.0,
        0.0,
        "optimal",
    )
