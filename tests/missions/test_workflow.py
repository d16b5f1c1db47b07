"""Solve → review (moves with conflicts) → publish (emails), and the calendar feeds parsed back."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import icalendar
import pytest

from innotwin.core.errors import DataError, InvalidStateError
from innotwin.missions.domain.agenda import agenda_for, mission_feed, participant_feed
from innotwin.missions.domain.publish import publish_mission
from innotwin.missions.domain.review import check_move, move_meeting
from innotwin.missions.domain.solve import build_event, solve_mission
from innotwin.missions.enums import MissionStatus
from innotwin.missions.models import ScheduledMeeting
from tests.missions.conftest import at


def _meeting(setup, key: str) -> ScheduledMeeting:
    return ScheduledMeeting.objects.select_related("slot", "table").get(request=setup.requests[key])


def _events(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_event_holds_only_schedulable_requests_and_blocks_the_panel(setup) -> None:
    event = build_event(setup.mission)
    assert sorted(r.id for r in event.requests) == sorted(
        setup.requests[key].code for key in ("ann-bo", "ann-di", "cy-bo")
    )
    di = next(p for p in event.participants if p.id == f"p{setup.people['di'].pk}")
    assert di.availability == frozenset({0, 1})
    ann = next(p for p in event.participants if p.id == f"p{setup.people['ann'].pk}")
    assert 5 not in ann.availability  # the panel fills the last slot


def test_solving_stores_meetings_and_every_unscheduled_request_with_its_reason(solved) -> None:
    mission = solved.mission
    assert mission.status == MissionStatus.REVIEW
    assert mission.solver == "highs"
    assert mission.solver_status == "optimal"
    assert mission.bound is not None
    assert mission.gap == pytest.approx(0.0, abs=1e-6)
    held = {m.request_id for m in mission.meetings.all()}
    assert held == {solved.requests[k].pk for k in ("ann-bo", "ann-di", "cy-bo")}
    reasons = {u.request_id: u.reason for u in mission.unscheduled.all()}
    assert reasons == {
        solved.requests["cy-di"].pk: "declined",
        solved.requests["di-bo"].pk: "awaiting_answer",
    }
    # Every request is either held or explained, never both, never dropped.
    assert held | set(reasons) == set(mission.requests.values_list("pk", flat=True))
    assert not held & set(reasons)
    # No person, table or interpreter is double-booked; the en–ko meeting has the interpreter.
    meetings = list(mission.meetings.select_related("request"))
    people = Counter(
        (m.slot_id, person) for m in meetings for person in (m.request.requester_id, m.request.counterpart_id)
    )
    assert max(people.values()) == 1
    assert max(Counter((m.slot_id, m.table_id) for m in meetings).values()) == 1
    assert _meeting(solved, "ann-bo").interpreter == solved.interpreter
    assert _meeting(solved, "ann-di").slot.index in (0, 1)


def test_unscheduled_messages_name_people_in_both_languages(setup) -> None:
    from innotwin.missions.domain.requests import request_meeting
    from innotwin.missions.domain.setup import add_participant

    eve = add_participant(
        mission=setup.mission,
        name="Eve",
        organisation_name="X",
        side="GB",
        languages=["en"],
        availability=[(at(10, 45), at(11, 45))],
        meeting_cap=1,
    )
    # Eve is never free when Di is; and she accepts one meeting only, which Cy or Ann takes.
    request_meeting(requester=eve, counterpart=setup.people["di"], answer="would_like")
    request_meeting(requester=setup.people["cy"], counterpart=eve, answer="would_like")
    request_meeting(requester=setup.people["ann"], counterpart=eve, answer="would_like")
    solve_mission(mission=setup.mission, solver="assignment", time_limit=5)
    items = list(setup.mission.unscheduled.all())
    assert {item.reason for item in items} == {"declined", "awaiting_answer", "no_common_slot", "cap_reached"}
    assert any(item.message_en.startswith("Request Eve – Di:") for item in items)
    assert any("Eve already has as many meetings" in item.message_en for item in items)
    assert any("Eve님의 미팅 수가" in item.message_ko for item in items)
    for item in items:
        assert item.message_en.startswith("Request ")
        assert item.message_ko.startswith("요청 ")
        for text in (item.message_en, item.message_ko):  # engine ids are replaced by names
            assert not re.search(r"(?<![A-Za-z0-9_])[pr]\d+(?![0-9])", text), text


def test_solving_again_keeps_sequences_of_unchanged_meetings(solved) -> None:
    before = {m.request_id: (m.slot_id, m.table_id, m.sequence) for m in solved.mission.meetings.all()}
    solve_mission(mission=solved.mission, solver="highs", time_limit=10)
    after = {m.request_id: (m.slot_id, m.table_id, m.sequence) for m in solved.mission.meetings.all()}
    for pk, (slot, table, sequence) in after.items():
        old_slot, old_table, old_sequence = before[pk]
        assert sequence == (old_sequence if (slot, table) == (old_slot, old_table) else old_sequence + 1)


def test_a_move_onto_a_busy_person_or_table_is_refused_with_every_reason(solved) -> None:
    ann_bo = _meeting(solved, "ann-bo")
    ann_di = _meeting(solved, "ann-di")
    check = check_move(meeting=ann_bo, slot=ann_di.slot, table=ann_di.table)
    messages = " ".join(p.message for p in check.problems)
    assert not check.allowed
    assert "Table" in messages
    assert "already has a meeting in this slot" in messages
    assert "Ann already has a meeting in this slot" in messages
    with pytest.raises(DataError):
        move_meeting(meeting=ann_bo, slot=ann_di.slot, table=ann_di.table)
    ann_bo.refresh_from_db()
    assert ann_bo.sequence == 0
    assert not ann_bo.moved_by_hand


def test_a_move_outside_availability_or_into_the_panel_is_refused(solved) -> None:
    ann_di = _meeting(solved, "ann-di")
    late = solved.mission.slots.get(index=4)
    panel = solved.mission.slots.get(index=5)
    assert "Di is not available in this slot." in [
        p.message for p in check_move(meeting=ann_di, slot=late, table=ann_di.table).problems
    ]
    assert "Ann is not available in this slot." in [
        p.message for p in check_move(meeting=ann_di, slot=panel, table=ann_di.table).problems
    ]


def test_a_move_without_a_free_interpreter_is_refused(solved) -> None:
    # The only interpreter works in the first slot only: the en–ko meeting can go nowhere else.
    interpreter = solved.interpreter
    first = solved.mission.slots.get(index=0)
    interpreter.availability = [[first.start.isoformat(), first.end.isoformat()]]
    interpreter.save()
    ann_bo = _meeting(solved, "ann-bo")
    target = next(
        slot
        for slot in solved.mission.slots.exclude(index__in=[0, 5])
        if not solved.mission.meetings.filter(slot=slot).filter(request__requester__name="Ann").exists()
        and not solved.mission.meetings.filter(slot=slot, request__counterpart__name="보람").exclude(
            pk=ann_bo.pk
        )
    )
    table = next(
        t for t in solved.tables if not solved.mission.meetings.filter(slot=target, table=t).exists()
    )
    problems = [p.message for p in check_move(meeting=ann_bo, slot=target, table=table).problems]
    assert problems == ["The parties share no language and no interpreter for them is free in this slot."]


def test_a_clear_move_raises_the_sequence_and_the_feed_shows_it(solved, mailoutbox) -> None:
    cy_bo = _meeting(solved, "cy-bo")
    free = [
        (slot, table)
        for slot in solved.mission.slots.exclude(index=5)
        for table in solved.tables
        if check_move(meeting=cy_bo, slot=slot, table=table).allowed
        and (slot.pk, table.pk) != (cy_bo.slot_id, cy_bo.table_id)
    ]
    slot, table = free[0]
    uid = f"{solved.mission.slug}-{cy_bo.request.code}@innotwin"
    assert int(_events(mission_feed(solved.mission))[uid]["SEQUENCE"]) == 0
    moved = move_meeting(meeting=cy_bo, slot=slot, table=table)
    assert moved.sequence == 1
    assert moved.moved_by_hand
    event = _events(mission_feed(solved.mission))[uid]
    assert int(event["SEQUENCE"]) == 1
    assert event["DTSTART"].dt == slot.start.astimezone(dt.UTC)
    assert not mailoutbox  # not published yet: no email


def test_participant_feed_holds_only_their_meetings_and_the_programme_with_stable_uids(solved) -> None:
    ann = solved.people["ann"]
    events = _events(participant_feed(ann))
    codes = {solved.requests[k].code for k in ("ann-bo", "ann-di")}
    meetings = {f"{solved.mission.slug}-{code}@innotwin" for code in codes}
    programme = {
        f"{solved.mission.slug}-programme-{item.pk}@innotwin": item for item in solved.mission.agenda.all()
    }
    assert programme
    assert set(events) == meetings | set(programme)
    for uid in meetings:
        assert events[uid]["DTSTART"].dt.tzinfo is not None
        assert events[uid]["DTEND"].dt - events[uid]["DTSTART"].dt == dt.timedelta(minutes=30)
    for uid, item in programme.items():
        assert events[uid]["DTSTART"].dt == item.start.astimezone(dt.UTC)
        assert str(events[uid]["SUMMARY"]).endswith(item.title_en)
    assert set(_events(participant_feed(ann))) == set(events)


def test_agenda_is_in_the_participants_zone_with_the_programme(solved) -> None:
    entries = agenda_for(solved.people["ann"])
    assert [e.start.tzname() for e in entries] == ["GMT"] * len(entries)
    assert entries[-1].item is not None
    assert entries[-1].item.title_en == "Panel"
    assert entries[-1].start.hour == 2
    assert entries[-1].start.minute == 45


def test_publish_emails_each_participant_in_their_language_with_a_calendar(
    solved, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        count = publish_mission(mission=solved.mission)
    assert count == 3
    by_address = {message.to[0]: message for message in mailoutbox}
    assert set(by_address) == {"ann@example.org", "bo@example.org", "di@example.org"}
    assert "Your agenda for" in by_address["ann@example.org"].subject
    assert "Europe/London" in by_address["ann@example.org"].body
    korean = by_address["bo@example.org"]
    assert "일정" in korean.subject
    assert "Ann" in korean.body
    name, content, mimetype = korean.attachments[0]
    assert name.endswith(".ics")
    assert mimetype == "text/calendar"
    uids = [str(event["UID"]) for event in icalendar.Calendar.from_ical(content).walk("VEVENT")]
    assert len([uid for uid in uids if "-programme-" not in uid]) == 2  # Bo's two meetings
    assert len([uid for uid in uids if "-programme-" in uid]) == solved.mission.agenda.count()
    with pytest.raises(InvalidStateError):
        solve_mission(mission=solved.mission)
    with pytest.raises(InvalidStateError):
        publish_mission(mission=solved.mission)


def test_a_move_after_publishing_emails_both_parties(
    solved, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        publish_mission(mission=solved.mission)
    mailoutbox.clear()
    ann_bo = _meeting(solved, "ann-bo")
    target = next(
        (slot, table)
        for slot in solved.mission.slots.all()
        for table in solved.tables
        if (slot.pk, table.pk) != (ann_bo.slot_id, ann_bo.table_id)
        and check_move(meeting=ann_bo, slot=slot, table=table).allowed
    )
    move_meeting(meeting=ann_bo, slot=target[0], table=target[1])
    assert sorted(m.to[0] for m in mailoutbox) == ["ann@example.org", "bo@example.org"]
    assert all(
        int(icalendar.Calendar.from_ical(m.attachments[0][1]).walk("VEVENT")[0]["SEQUENCE"]) >= 0
        for m in mailoutbox
    )
    moved = icalendar.Calendar.from_ical(participant_feed(solved.people["bo"]))
    sequences = {str(e["UID"]): int(e["SEQUENCE"]) for e in moved.walk("VEVENT")}
    assert sequences[f"{solved.mission.slug}-{ann_bo.request.code}@innotwin"] == 1


def test_publishing_a_draft_or_moving_in_a_draft_is_refused(setup) -> None:
    with pytest.raises(InvalidStateError, match="Only a solved mission"):
        publish_mission(mission=setup.mission)
