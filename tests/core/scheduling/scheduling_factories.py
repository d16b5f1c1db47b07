"""Factories for scheduling tests: real events, built the way callers build them, and the invariants
every schedule must satisfy."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from innotwin.core.scheduling import (
    Event,
    Interpreter,
    MeetingRequest,
    Participant,
    Priority,
    Reason,
    Schedule,
    Slot,
    Table,
)

START = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)


def make_slot(index: int, *, venue: str | None = None, gap: timedelta = timedelta(0)) -> Slot:
    """Slot ``index`` of 25 minutes, every 25 minutes + ``gap``, from 09:00 UTC on 2 June 2025."""
    start = START + index * (timedelta(minutes=25) + gap)
    return Slot(index=index, start=start, end=start + timedelta(minutes=25), venue=venue)


def make_person(
    pid: str,
    *,
    languages: tuple[str, ...] = ("en",),
    availability: tuple[int, ...] = (0, 1),
    cap: int = 8,
    side: str = "GB",
) -> Participant:
    """A participant of organisation ``<pid>-org``."""
    return Participant(
        id=pid,
        organisation=f"{pid}-org",
        side=side,
        languages=frozenset(languages),
        availability=frozenset(availability),
        meeting_cap=cap,
    )


def make_request(
    rid: str, *parties: str, weight: float = 1.0, priority: Priority = Priority.WOULD_LIKE
) -> MeetingRequest:
    """A request that ``parties`` meet."""
    return MeetingRequest(id=rid, parties=parties, weight=weight, priority=priority)


@st.composite
def events(draw: st.DrawFn) -> Event:
    """Small random events: two or three venues' worth of tables, interpreters, groups, caps, partial
    availability and must-meets, so that every constraint binds somewhere."""
    n_slots = draw(st.integers(1, 4))
    gap = draw(st.sampled_from([timedelta(0), timedelta(minutes=10), timedelta(minutes=20)]))
    venues = draw(st.sampled_from([("Hall",), ("Hall", "Annex")]))
    tables = tuple(
        Table(id=f"t{k}", venue=draw(st.sampled_from(venues)), capacity=draw(st.integers(2, 4)))
        for k in range(draw(st.integers(1, 3)))
    )
    used_venues = sorted({table.venue for table in tables})
    slots = tuple(
        make_slot(s, gap=gap, venue=draw(st.sampled_from([None, None, *used_venues]))) for s in range(n_slots)
    )
    slot_ids = list(range(n_slots))
    people = tuple(
        make_person(
            f"p{k}",
            languages=tuple(draw(st.sampled_from([("en",), ("ko",), ("en", "ko"), ("ja",)]))),
            availability=tuple(draw(st.sets(st.sampled_from(slot_ids)))),
            cap=draw(st.integers(0, 3)),
        )
        for k in range(draw(st.integers(2, 7)))
    )
    interpreters = tuple(
        Interpreter(
            id=f"i{k}",
            language_pairs=frozenset({draw(st.sampled_from([("en", "ko"), ("ja", "en"), ("ko", "ja")]))}),
            availability=frozenset(draw(st.sets(st.sampled_from(slot_ids)))),
            capacity=draw(st.integers(1, 2)),
        )
        for k in range(draw(st.integers(0, 2)))
    )
    ids = [person.id for person in people]
    requests = tuple(
        make_request(
            f"r{k}",
            *draw(st.lists(st.sampled_from(ids), min_size=2, max_size=3, unique=True)),
            weight=draw(st.sampled_from([0.5, 1.0, 2.0, 3.0])),
            priority=draw(st.sampled_from([Priority.WOULD_LIKE, Priority.WOULD_LIKE, Priority.MUST_MEET])),
        )
        for k in range(draw(st.integers(0, 10)))
    )
    return Event(
        participants=people,
        slots=slots,
        tables=tables,
        requests=requests,
        interpreters=interpreters,
        travel_time=draw(st.sampled_from([timedelta(0), timedelta(minutes=15)])),
    )


def objective(event: Event, result: Schedule, *, fairness: float, must_meet_factor: float) -> float:
    """The objective recomputed from the meetings alone."""
    requests = {request.id: request for request in event.requests}
    value = 0.0
    counts: Counter[str] = Counter()
    for meeting in result.meetings:
        request = requests[meeting.request_id]
        value += request.weight * (must_meet_factor if request.priority == Priority.MUST_MEET else 1.0)
        counts.update(meeting.parties)
    return value + fairness * sum(sum(1.0 / j for j in range(1, n + 1)) for n in counts.values())


def violations(event: Event, result: Schedule) -> list[str]:
    """Every broken invariant of ``result`` for ``event``; empty when the schedule is valid."""
    people = {person.id: person for person in event.participants}
    slots = {slot.index: slot for slot in event.slots}
    tables = {table.id: table for table in event.tables}
    interpreters = {interpreter.id: interpreter for interpreter in event.interpreters}
    found: list[str] = []
    seen = Counter([m.request_id for m in result.meetings] + [u.request_id for u in result.unscheduled])
    if seen != Counter(request.id for request in event.requests):
        found.append(f"requests not accounted for exactly once: {seen}")
    per_person: defaultdict[str, list[tuple[Slot, str]]] = defaultdict(list)
    table_use: Counter[tuple[int, str]] = Counter()
    interpreter_use: Counter[tuple[int, str]] = Counter()
    for meeting in result.meetings:
        slot, table = slots[meeting.slot], tables[meeting.table]
        table_use[(meeting.slot, meeting.table)] += 1
        if table.venue != meeting.venue or (slot.venue is not None and slot.venue != meeting.venue):
            found.append(f"{meeting.request_id}: venue {meeting.venue} does not match table or slot")
        if table.capacity < len(meeting.parties):
            found.append(f"{meeting.request_id}: table {table.id} too small")
        spoken = [people[pid].languages for pid in meeting.parties]
        needs = not frozenset.intersection(*spoken)
        if needs != (meeting.interpreter is not None):
            found.append(f"{meeting.request_id}: interpreter {meeting.interpreter} but needs={needs}")
        if meeting.interpreter is not None:
            interpreter = interpreters[meeting.interpreter]
            interpreter_use[(meeting.slot, interpreter.id)] += 1
            covers = any(all(a in s or b in s for s in spoken) for a, b in interpreter.language_pairs)
            if meeting.slot not in interpreter.availability or not covers:
                found.append(
                    f"{meeting.request_id}: interpreter {interpreter.id} unavailable or wrong languages"
                )
        for pid in meeting.parties:
            if meeting.slot not in people[pid].availability:
                found.append(f"{meeting.request_id}: {pid} not available in slot {meeting.slot}")
            per_person[pid].append((slot, meeting.venue))
    found += [f"table {key} double-booked" for key, n in table_use.items() if n > 1]
    found += [
        f"interpreter {key} over capacity"
        for key, n in interpreter_use.items()
        if n > interpreters[key[1]].capacity
    ]
    for pid, booked in per_person.items():
        if len(booked) > people[pid].meeting_cap:
            found.append(f"{pid} over cap")
        if len({slot.index for slot, _ in booked}) != len(booked):
            found.append(f"{pid} double-booked")
        for slot, venue in booked:
            for other, other_venue in booked:
                if venue != other_venue and timedelta(0) <= other.start - slot.end < event.travel_time:
                    found.append(f"{pid} cannot travel from {venue} to {other_venue}")
    found += [
        f"{u.request_id}: no reason"
        for u in result.unscheduled
        if not (u.reason in Reason and u.message_en and u.message_ko)
    ]
    return found
