"""The inputs of the meeting scheduler: an event's people, slots, tables, interpreters and requests.

All inputs are frozen dataclasses with keyword-only fields. They store what they are given;
:func:`validate_event` checks an event as a whole and raises one :class:`~innotwin.core.errors.DataError`
listing every problem found, so the organiser can fix the whole file at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import pairwise

from innotwin.core.errors import DataError, Problem

__all__ = [
    "Event",
    "Interpreter",
    "MeetingRequest",
    "Participant",
    "Priority",
    "Slot",
    "Table",
    "validate_event",
]


class Priority(StrEnum):
    """How much a meeting request matters.

    A must-meet is a requirement: every must-meet that can be scheduled together with the others is
    scheduled, whatever it costs the would-likes. A would-like is scheduled when it adds value.
    """

    MUST_MEET = "must_meet"
    WOULD_LIKE = "would_like"


@dataclass(frozen=True, kw_only=True)
class Participant:
    """One person at the event.

    ``side`` is the country or delegation the person belongs to (``"GB"``, ``"KR"``); ``languages``
    are the ISO 639-1 codes they can hold a meeting in; ``availability`` holds the indices of the slots
    they can meet in; ``meeting_cap`` is the most meetings they accept.
    """

    id: str
    organisation: str
    side: str
    languages: frozenset[str]
    availability: frozenset[int]
    meeting_cap: int = 8


@dataclass(frozen=True, kw_only=True)
class Slot:
    """A time slot. ``start`` and ``end`` carry their time zone; ``venue``, when set, confines the slot's
    meetings to the tables of that venue (a mission day spent at one site)."""

    index: int
    start: datetime
    end: datetime
    venue: str | None = None


@dataclass(frozen=True, kw_only=True)
class Table:
    """A meeting table (or room) at a venue, seating at most ``capacity`` people; one meeting per slot."""

    id: str
    venue: str
    capacity: int = 2


@dataclass(frozen=True, kw_only=True)
class Interpreter:
    """An interpreter for the unordered ``language_pairs`` (``("en", "ko")``), available in the slots
    ``availability``, who can serve ``capacity`` meetings in one slot (usually one)."""

    id: str
    language_pairs: frozenset[tuple[str, str]]
    availability: frozenset[int]
    capacity: int = 1


@dataclass(frozen=True, kw_only=True)
class MeetingRequest:
    """A request that ``parties`` (participant ids, usually two) meet once, at one table.

    The request's value is ``weight`` times the factor of its ``priority`` (see
    :func:`~innotwin.core.scheduling.schedule`).
    """

    id: str
    parties: tuple[str, ...]
    priority: Priority = Priority.WOULD_LIKE
    weight: float = 1.0


@dataclass(frozen=True, kw_only=True)
class Event:
    """Everything the scheduler needs to know about one event.

    ``travel_time`` is the time a person needs between two different venues: a person whose meeting at
    one venue ends less than ``travel_time`` before their next meeting at another venue starts cannot
    have both, so a change of venue costs a buffer slot when slots are back to back.
    """

    participants: tuple[Participant, ...]
    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    requests: tuple[MeetingRequest, ...]
    interpreters: tuple[Interpreter, ...] = ()
    travel_time: timedelta = timedelta(minutes=15)


def _duplicates(ids: list[str] | list[int]) -> list[str]:
    seen: set[str | int] = set()
    repeated: list[str] = []
    for item in ids:
        if item in seen:
            repeated.append(str(item))
        seen.add(item)
    return repeated


def _slot_problems(event: Event) -> list[Problem]:
    problems = [
        Problem(f"Slot index {index} appears more than once.", field="slots")
        for index in _duplicates([slot.index for slot in event.slots])
    ]
    timed: list[Slot] = []
    for slot in event.slots:
        where = f"slots[{slot.index}]"
        if slot.start.tzinfo is None or slot.end.tzinfo is None:
            problems.append(
                Problem("start and end must carry a time zone. Got a naive datetime.", field=where)
            )
        elif slot.end <= slot.start:
            problems.append(Problem(f"end must be after start. Got {slot.start} to {slot.end}.", field=where))
        else:
            timed.append(slot)
    timed.sort(key=lambda slot: slot.start)
    problems += [
        Problem(
            f"overlaps slot {later.index}; slots must not overlap, as no one can be in two at once.",
            field=f"slots[{earlier.index}]",
        )
        for earlier, later in pairwise(timed)
        if later.start < earlier.end
    ]
    return problems


def _people_problems(event: Event, slot_indices: set[int]) -> list[Problem]:
    problems = [
        Problem(f"Participant id {pid!r} appears more than once.", field="participants")
        for pid in _duplicates([person.id for person in event.participants])
    ]
    for person in event.participants:
        where = f"participants[{person.id}]"
        if person.meeting_cap < 0:
            problems.append(Problem(f"meeting_cap must be >= 0. Got {person.meeting_cap}.", field=where))
        if not person.languages:
            problems.append(Problem("languages must name at least one language. Got none.", field=where))
        unknown = sorted(person.availability - slot_indices)
        if unknown:
            problems.append(Problem(f"availability names unknown slots {unknown}.", field=where))
    problems += [
        Problem(f"Table id {tid!r} appears more than once.", field="tables")
        for tid in _duplicates([table.id for table in event.tables])
    ]
    problems += [
        Problem(f"capacity must be >= 2. Got {table.capacity}.", field=f"tables[{table.id}]")
        for table in event.tables
        if table.capacity < 2
    ]
    problems += [
        Problem(f"Interpreter id {iid!r} appears more than once.", field="interpreters")
        for iid in _duplicates([interpreter.id for interpreter in event.interpreters])
    ]
    for interpreter in event.interpreters:
        where = f"interpreters[{interpreter.id}]"
        if interpreter.capacity < 1:
            problems.append(Problem(f"capacity must be >= 1. Got {interpreter.capacity}.", field=where))
        unknown = sorted(interpreter.availability - slot_indices)
        if unknown:
            problems.append(Problem(f"availability names unknown slots {unknown}.", field=where))
    venues = {table.venue for table in event.tables}
    problems += [
        Problem(f"venue {slot.venue!r} has no table.", field=f"slots[{slot.index}]")
        for slot in event.slots
        if slot.venue is not None and slot.venue not in venues
    ]
    return problems


def _request_problems(event: Event) -> list[Problem]:
    known = {person.id for person in event.participants}
    problems = [
        Problem(f"Request id {rid!r} appears more than once.", field="requests")
        for rid in _duplicates([request.id for request in event.requests])
    ]
    for request in event.requests:
        where = f"requests[{request.id}]"
        if len(request.parties) < 2 or len(set(request.parties)) != len(request.parties):
            problems.append(
                Problem(
                    f"parties must name at least two different people. Got {request.parties}.", field=where
                )
            )
        unknown = sorted(set(request.parties) - known)
        if unknown:
            problems.append(Problem(f"parties names unknown participants {unknown}.", field=where))
        if not request.weight > 0:
            problems.append(Problem(f"weight must be > 0. Got {request.weight}.", field=where))
    return problems


def validate_event(event: Event) -> None:
    """Raise :class:`~innotwin.core.errors.DataError` listing every problem in ``event``; return if none.

    Complexity: O(P·A + R·k + S + T + I) for P participants with A available slots each, R requests of
    k parties, S slots, T tables and I interpreters.
    """
    slot_indices = {slot.index for slot in event.slots}
    problems = _slot_problems(event) + _people_problems(event, slot_indices) + _request_problems(event)
    if event.travel_time < timedelta(0):
        problems.append(Problem(f"travel_time must be >= 0. Got {event.travel_time}.", field="travel_time"))
    if problems:
        raise DataError(problems)
