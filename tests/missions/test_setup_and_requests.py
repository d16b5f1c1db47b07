"""Setting a mission up and the rules of meeting requests, through the domain functions."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from innotwin.core.errors import DataError, InvalidStateError
from innotwin.missions.domain.requests import answer_request, request_meeting, requests_between_organisations
from innotwin.missions.domain.setup import (
    add_participant,
    add_room,
    add_table,
    create_mission,
    generate_slots,
    slot_times,
)
from innotwin.missions.enums import MissionStatus, RequestPriority
from innotwin.missions.models import MeetingRequest, Mission
from tests.factories import make_pair
from tests.missions.conftest import DAY


def test_the_slot_grid_skips_the_break_and_is_stored_in_the_missions_zone(setup) -> None:
    slots = list(setup.mission.slots.all())
    local = [slot.start.astimezone(ZoneInfo("Asia/Seoul")).strftime("%H:%M") for slot in slots]
    assert local == ["09:00", "09:30", "10:00", "10:45", "11:15", "11:45"]
    assert [slot.index for slot in slots] == list(range(6))
    assert all(slot.end - slot.start == dt.timedelta(minutes=30) for slot in slots)


def test_slot_times_keep_the_local_clock_across_a_daylight_saving_change() -> None:
    # The UK moves its clocks on 28 March 2027 and Korea does not: 09:00 in London is 09:00 UTC (18:00 in
    # Seoul) before the change and 08:00 UTC (17:00 in Seoul) after it.
    windows = slot_times(
        days=[dt.date(2027, 3, 27), dt.date(2027, 3, 29)],
        zone="Europe/London",
        day_start=dt.time(9),
        day_end=dt.time(10),
        minutes=60,
    )
    assert [start.astimezone(dt.UTC).hour for start, _ in windows] == [9, 8]
    assert [start.astimezone(ZoneInfo("Asia/Seoul")).hour for start, _ in windows] == [18, 17]


def test_a_second_grid_that_overlaps_the_first_is_refused(setup) -> None:
    with pytest.raises(DataError, match="overlap"):
        generate_slots(mission=setup.mission, day_start=dt.time(9), day_end=dt.time(10), minutes=30)


def test_create_mission_lists_every_problem(people) -> None:
    pair = make_pair(slug="town-city")
    with pytest.raises(DataError) as caught:
        create_mission(
            pair=pair,
            title_en="",
            host_region="KR-NOPE",
            host_city="",
            starts_on=DAY,
            ends_on=DAY - dt.timedelta(days=1),
            time_zone="Mars/Olympus",
        )
    fields = {problem.field for problem in caught.value.problems}
    assert fields == {"title_en", "host_region", "host_city", "ends_on", "time_zone"}
    assert not Mission.objects.exists()


def test_tables_must_fit_the_room(setup) -> None:
    venue = setup.mission.venues.get()
    with pytest.raises(DataError, match="holds 4"):
        add_room(venue=venue, name="Small", capacity=4, tables=3, seats=2)
    room = venue.rooms.get()
    add_table(room=room, label="H3", capacity=4)
    with pytest.raises(DataError, match="holds 10"):
        add_table(room=room, label="H4", capacity=4)


def test_participant_problems_are_reported_together(setup) -> None:
    with pytest.raises(DataError) as caught:
        add_participant(
            mission=setup.mission, name="", side="Korea", languages=["english"], time_zone="Nowhere/Here"
        )
    assert {p.field for p in caught.value.problems} == {
        "name",
        "organisation",
        "side",
        "languages",
        "time_zone",
    }


def test_mutual_acceptance_rules(setup) -> None:
    requests = setup.requests
    assert requests["ann-bo"].priority == RequestPriority.MUST_MEET  # one side's must-meet is a must-meet
    assert requests["ann-bo"].schedulable
    assert requests["cy-di"].declined
    assert not requests["cy-di"].schedulable
    assert not requests["di-bo"].answered
    assert not requests["di-bo"].schedulable
    # A request the other way round answers the open one instead of making a second.
    answered = request_meeting(
        requester=setup.people["bo"], counterpart=setup.people["di"], priority="must_meet"
    )
    assert answered.pk == requests["di-bo"].pk
    assert answered.schedulable
    assert answered.priority == RequestPriority.MUST_MEET
    assert MeetingRequest.objects.filter(mission=setup.mission).count() == 5


def test_a_request_with_oneself_or_across_missions_is_refused(setup) -> None:
    ann = setup.people["ann"]
    with pytest.raises(DataError, match="themselves"):
        request_meeting(requester=ann, counterpart=ann)
    with pytest.raises(DataError, match="must-meet, would-like or declined"):
        answer_request(request=setup.requests["di-bo"], answer="maybe")


def test_requests_from_a_registry_organisation_pair(setup, people) -> None:
    from innotwin.organisations.domain.create_organisation import create_organisation

    port = create_organisation(
        actor=None, values={"name_en": "Port of Town", "type": "sme", "region": "GBX1"}
    )
    lab = create_organisation(
        actor=None, values={"name_en": "City Lab", "type": "research_institute", "region": "KRX1"}
    )
    with pytest.raises(InvalidStateError, match="at least one participant"):
        requests_between_organisations(mission=setup.mission, first=port, second=lab)
    a = add_participant(mission=setup.mission, name="Eve", organisation=port, side="GB", languages=["en"])
    b = add_participant(mission=setup.mission, name="Fay", organisation=lab, side="KR", languages=["ko"])
    made = requests_between_organisations(mission=setup.mission, first=port, second=lab)
    assert [(r.requester_id, r.counterpart_id, r.source) for r in made] == [(a.pk, b.pk, "registry")]
    assert not made[0].answered


def test_setup_is_frozen_once_published(solved) -> None:
    from innotwin.missions.domain.publish import publish_mission

    publish_mission(mission=solved.mission)
    solved.mission.refresh_from_db()
    assert solved.mission.status == MissionStatus.PUBLISHED
    with pytest.raises(InvalidStateError, match="published"):
        add_participant(
            mission=solved.mission, name="Late", organisation_name="X", side="GB", languages=["en"]
        )
