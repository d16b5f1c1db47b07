"""iCalendar export, parsed back with the icalendar package."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import icalendar
import pytest

from innotwin.core.errors import DataError
from innotwin.core.scheduling import (
    Event,
    Interpreter,
    Schedule,
    Table,
    agenda_ics,
    meeting_uid,
    mission_ics,
    next_revisions,
    schedule,
)
from tests.core.scheduling.scheduling_factories import make_person, make_request, make_slot

STAMP = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)


def _schedule() -> Schedule:
    event = Event(
        participants=(
            make_person("김민준", languages=("ko",), side="KR"),
            make_person("Alice"),
            make_person("Bob"),
        ),
        slots=(make_slot(0), make_slot(1)),
        tables=(Table(id="7", venue="BEXCO, Hall 1; Busan"),),
        requests=(make_request("r1", "김민준", "Alice"), make_request("r2", "Alice", "Bob")),
        interpreters=(
            Interpreter(
                id="통역사", language_pairs=frozenset({("en", "ko")}), availability=frozenset({0, 1})
            ),
        ),
    )
    return schedule(event, solver="highs")


def test_agenda_ics_round_trips_through_icalendar() -> None:
    result = _schedule()

    text = agenda_ics(result, "Alice", event_id="busan-2025", event_name="Busan mission", stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(text)
    events = calendar.walk("VEVENT")

    assert (str(calendar["METHOD"]), str(calendar["VERSION"])) == ("PUBLISH", "2.0")
    assert [str(e["UID"]) for e in events] == [
        meeting_uid("busan-2025", m.request_id) for m in result.agenda("Alice")
    ]
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        (m.start, m.end) for m in result.agenda("Alice")
    ]
    assert {str(e["LOCATION"]) for e in events} == {"BEXCO, Hall 1; Busan, table 7"}
    assert [int(e["SEQUENCE"]) for e in events] == [0, 0]


def test_agenda_ics_folds_korean_text_without_breaking_characters() -> None:
    result = _schedule()

    text = agenda_ics(result, "김민준", event_id="busan-2025", event_name="부산 무역사절단 " * 6, stamp=STAMP)
    summary = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]["SUMMARY"]

    assert max(len(line.encode("utf-8")) for line in text.split("\r\n")) <= 75
    assert str(summary) == "부산 무역사절단 " * 6 + ": 김민준, Alice"
    assert text.endswith("END:VCALENDAR\r\n")


def test_mission_ics_holds_every_meeting_once() -> None:
    result = _schedule()

    events = icalendar.Calendar.from_ical(
        mission_ics(result, event_id="busan-2025", event_name="Busan", stamp=STAMP)
    ).walk("VEVENT")

    assert sorted(str(e["UID"]) for e in events) == ["busan-2025-r1@innotwin", "busan-2025-r2@innotwin"]


def test_next_revisions_increments_sequence_of_moved_meeting_only() -> None:
    before = _schedule()
    moved = tuple(dataclasses.replace(m, table="8") if m.request_id == "r1" else m for m in before.meetings)

    revisions = next_revisions(before.meetings, moved, {"r1": 2, "r2": 5})
    text = mission_ics(
        dataclasses.replace(before, meetings=moved),
        event_id="e",
        event_name="E",
        stamp=STAMP,
        revisions=revisions,
    )
    sequences = {str(e["UID"]): int(e["SEQUENCE"]) for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}

    assert revisions == {"r1": 3, "r2": 5}
    assert sequences == {"e-r1@innotwin": 3, "e-r2@innotwin": 5}


def test_agenda_ics_same_input_gives_same_bytes() -> None:
    result = _schedule()

    first = agenda_ics(result, "Bob", event_id="e", event_name="E", stamp=STAMP)

    assert agenda_ics(result, "Bob", event_id="e", event_name="E", stamp=STAMP) == first


def test_agenda_ics_naive_stamp_raises_data_error() -> None:
    with pytest.raises(DataError):
        agenda_ics(_schedule(), "Bob", event_id="e", event_name="E", stamp=datetime(2025, 5, 1, 12, 0))


def test_the_programme_goes_in_the_feed_in_time_order_with_stable_uids() -> None:
    from innotwin.core.scheduling import ProgrammeItem, programme_uid

    result = _schedule()
    first = min(m.start for m in result.meetings)
    visit = ProgrammeItem(
        key="12",
        title="Site visit: Busan New Port",
        start=first.replace(hour=first.hour - 1),
        end=first,
        location="Busan New Port; Gate 3",
    )
    text = mission_ics(
        result, event_id="busan-2025", event_name="Busan mission", stamp=STAMP, programme=[visit]
    )
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(events[0]["UID"]) == programme_uid("busan-2025", "12")
    assert str(events[0]["SUMMARY"]) == "Busan mission: Site visit: Busan New Port"
    assert str(events[0]["LOCATION"]) == "Busan New Port; Gate 3"
    assert (events[0].decoded("DTSTART"), events[0].decoded("DTEND")) == (visit.start, visit.end)
    assert [str(e["UID"]) for e in events[1:]] == [
        meeting_uid("busan-2025", m.request_id) for m in sorted(result.meetings, key=lambda m: m.start)
    ]
    assert mission_ics(result, event_id="busan-2025", event_name="Busan mission", stamp=STAMP) not in (
        "",
        text,
    )
