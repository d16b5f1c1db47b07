"""Golden tests: tiny events whose optimal schedule is worked out by hand in each docstring."""

from __future__ import annotations

from datetime import timedelta

import pytest

from innotwin.core.scheduling import Event, Interpreter, Reason, Table, schedule
from tests.core.scheduling.scheduling_factories import make_person, make_request, make_slot

SOLVERS = ["greedy", "assignment", "highs"]


def _fairness_event() -> Event:
    """One table, two slots; A is wanted by B and C, and D wants E."""
    return Event(
        participants=tuple(make_person(pid) for pid in "ABCDE"),
        slots=(make_slot(0), make_slot(1)),
        tables=(Table(id="t1", venue="Hall"),),
        requests=(
            make_request("AB", "A", "B", weight=1.2),
            make_request("AC", "A", "C", weight=1.1),
            make_request("DE", "D", "E", weight=1.0),
        ),
    )


@pytest.mark.parametrize("solver", SOLVERS)
def test_schedule_without_fairness_takes_the_heaviest_pair(solver: str) -> None:
    """λ = 0: two meetings fit; AB + AC = 2.3 beats AB + DE = 2.2 and AC + DE = 2.1."""
    result = schedule(_fairness_event(), solver=solver, fairness=0.0)

    assert sorted(m.request_id for m in result.meetings) == ["AB", "AC"]
    assert result.value == pytest.approx(2.3)
    assert result.bound == pytest.approx(2.3)


@pytest.mark.parametrize("solver", SOLVERS)
def test_schedule_with_fairness_spreads_meetings(solver: str) -> None:
    """λ = 1: AB + DE = 2.2 + H(1)·4 = 6.2 beats AB + AC = 2.3 + H(2) + 2·H(1) = 5.8."""
    result = schedule(_fairness_event(), solver=solver, fairness=1.0)

    assert sorted(m.request_id for m in result.meetings) == ["AB", "DE"]
    assert result.value == pytest.approx(6.2)
    assert result.bound == pytest.approx(6.2)
    assert result.ratio == pytest.approx(1.0)
    assert result.status == ("optimal" if solver == "highs" else "heuristic")


@pytest.mark.parametrize(("slots", "expected"), [(1, 3.0), (2, 5.0), (3, 7.0)])
def test_schedule_triangle_with_few_slots_holds_one_meeting_per_slot(slots: int, expected: float) -> None:
    """A, B and C all want to meet each other (weights 3, 2, 2) at two tables. Any two of the three
    meetings share a person, so each slot holds one: the best 1, 2 or 3 of them, 3, 3 + 2 or 7."""
    event = Event(
        participants=tuple(make_person(pid, availability=tuple(range(slots))) for pid in "ABC"),
        slots=tuple(make_slot(s) for s in range(slots)),
        tables=(Table(id="t1", venue="Hall"), Table(id="t2", venue="Hall")),
        requests=(
            make_request("AB", "A", "B", weight=3.0),
            make_request("AC", "A", "C", weight=2.0),
            make_request("BC", "B", "C", weight=2.0),
        ),
    )

    result = schedule(event, solver="highs", fairness=0.0)

    assert result.value == pytest.approx(expected)
    assert len({m.slot for m in result.meetings}) == len(result.meetings)
    assert result.status == "optimal"


def test_schedule_interpreter_only_in_first_slot_places_interpreted_meeting_there() -> None:
    """A speaks English, B Korean; the one interpreter works only in slot 0, so A–B goes there. E–F
    (English–Korean) also needs the interpreter and loses to the heavier A–B, though tables are free:
    A–B + C–D = 2 + 1 = 3 against E–F + C–D = 2."""
    event = Event(
        participants=(
            make_person("A"),
            make_person("B", languages=("ko",)),
            make_person("C"),
            make_person("D"),
            make_person("E"),
            make_person("F", languages=("ko",)),
        ),
        slots=(make_slot(0), make_slot(1)),
        tables=tuple(Table(id=f"t{k}", venue="Hall") for k in range(3)),
        requests=(
            make_request("AB", "A", "B", weight=2.0),
            make_request("CD", "C", "D", weight=1.0),
            make_request("EF", "E", "F", weight=1.0),
        ),
        interpreters=(
            Interpreter(id="i1", language_pairs=frozenset({("en", "ko")}), availability=frozenset({0})),
        ),
    )

    result = schedule(event, solver="highs", fairness=0.0)

    assert [(m.request_id, m.slot, m.interpreter) for m in result.meetings if m.request_id == "AB"] == [
        ("AB", 0, "i1")
    ]
    assert result.value == pytest.approx(3.0)
    assert [(u.request_id, u.reason) for u in result.unscheduled] == [("EF", Reason.INTERPRETERS_BUSY)]


@pytest.mark.parametrize(("travel", "expected"), [(timedelta(minutes=15), 2.0), (timedelta(0), 3.0)])
def test_schedule_venue_change_needs_travel_time(travel: timedelta, expected: float) -> None:
    """Slot 0 is in the Hall, slot 1 (straight after) in the Annex. A meets B (weight 1, only B's slot 0)
    and C with D (weight 2, only C's slot 1). With 15 minutes to walk, A can only do one: the group, 2.
    With no travel time, both: 3."""
    event = Event(
        participants=(
            make_person("A"),
            make_person("B", availability=(0,)),
            make_person("C", availability=(1,)),
            make_person("D"),
        ),
        slots=(make_slot(0, venue="Hall"), make_slot(1, venue="Annex")),
        tables=(Table(id="h1", venue="Hall"), Table(id="a1", venue="Annex", capacity=4)),
        requests=(make_request("AB", "A", "B", weight=1.0), make_request("ACD", "A", "C", "D", weight=2.0)),
        travel_time=travel,
    )

    result = schedule(event, solver="highs", fairness=0.0)

    assert result.value == pytest.approx(expected)
    assert [(u.request_id, u.reason) for u in result.unscheduled] == (
        [("AB", Reason.PARTIES_BUSY)] if travel else []
    )


def test_schedule_group_without_big_table_is_unscheduled_with_no_table() -> None:
    """Three people, only two-seat tables: the group cannot meet at all."""
    event = Event(
        participants=tuple(make_person(pid) for pid in "ABC"),
        slots=(make_slot(0), make_slot(1)),
        tables=(Table(id="t1", venue="Hall", capacity=2),),
        requests=(make_request("ABC", "A", "B", "C"),),
    )

    result = schedule(event, solver="greedy")

    assert [(u.request_id, u.reason) for u in result.unscheduled] == [("ABC", Reason.NO_TABLE)]
    assert result.meetings == ()


def test_schedule_cap_reached_keeps_the_heavier_request() -> None:
    """A accepts one meeting: A–B (2) is kept, A–C (1) is left out because A's cap is reached."""
    event = Event(
        participants=(make_person("A", cap=1), make_person("B"), make_person("C")),
        slots=(make_slot(0), make_slot(1)),
        tables=(Table(id="t1", venue="Hall"),),
        requests=(make_request("AB", "A", "B", weight=2.0), make_request("AC", "A", "C", weight=1.0)),
    )

    result = schedule(event, solver="assignment", fairness=0.0)

    assert [m.request_id for m in result.meetings] == ["AB"]
    assert [(u.request_id, u.reason, u.message_en) for u in result.unscheduled] == [
        ("AC", Reason.CAP_REACHED, "Request AC: A already has as many meetings as they accept.")
    ]


def test_schedule_disjoint_availability_is_no_common_slot() -> None:
    """A is free in slot 0 only and B in slot 1 only."""
    event = Event(
        participants=(make_person("A", availability=(0,)), make_person("B", availability=(1,))),
        slots=(make_slot(0), make_slot(1)),
        tables=(Table(id="t1", venue="Hall"),),
        requests=(make_request("AB", "A", "B"),),
    )

    result = schedule(event, solver="highs")

    assert [(u.request_id, u.reason) for u in result.unscheduled] == [("AB", Reason.NO_COMMON_SLOT)]
    assert (result.value, result.bound, result.status) == (0.0, 0.0, "optimal")


def test_schedule_tables_assigned_best_fit() -> None:
    """A group of three and a pair in one slot: the group gets the four-seat table, the pair the two-seat."""
    event = Event(
        participants=tuple(make_person(pid, availability=(0,)) for pid in "ABCDE"),
        slots=(make_slot(0),),
        tables=(Table(id="big", venue="Hall", capacity=4), Table(id="small", venue="Hall", capacity=2)),
        requests=(make_request("ABC", "A", "B", "C"), make_request("DE", "D", "E")),
    )

    result = schedule(event, solver="highs")

    assert sorted((m.request_id, m.table) for m in result.meetings) == [("ABC", "big"), ("DE", "small")]


def test_schedule_interpreter_moved_to_free_the_only_one_who_fits() -> None:
    """One slot. i1 covers English–Korean and English–Japanese, i2 English–Korean only. The heavier
    English–Korean meeting is placed first and takes i1; the Japanese meeting can only have i1, so the
    first meeting is moved to i2 (an augmenting path) and both are held."""
    event = Event(
        participants=(
            make_person("A", availability=(0,)),
            make_person("B", languages=("ko",), availability=(0,)),
            make_person("C", availability=(0,)),
            make_person("D", languages=("ja",), availability=(0,)),
        ),
        slots=(make_slot(0),),
        tables=(Table(id="t1", venue="Hall"), Table(id="t2", venue="Hall")),
        requests=(make_request("AB", "A", "B", weight=2.0), make_request("CD", "C", "D", weight=1.0)),
        interpreters=(
            Interpreter(
                id="i1", language_pairs=frozenset({("en", "ko"), ("en", "ja")}), availability=frozenset({0})
            ),
            Interpreter(id="i2", language_pairs=frozenset({("ko", "en")}), availability=frozenset({0})),
        ),
    )

    result = schedule(event, solver="greedy", fairness=0.0)

    assert sorted((m.request_id, m.interpreter) for m in result.meetings) == [("AB", "i2"), ("CD", "i1")]
    assert result.value == pytest.approx(3.0)
