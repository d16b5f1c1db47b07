"""A small mission built through the domain functions: one venue, two tables, a morning of six
30-minute slots with a break, a panel, four participants (two share no language), one interpreter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest

from tests.factories import make_pair

SEOUL = ZoneInfo("Asia/Seoul")
DAY = dt.date(2027, 3, 23)


def at(hour: int, minute: int = 0, day: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=SEOUL)


@dataclass
class Setup:
    pair: object
    mission: object
    people: dict[str, object]
    requests: dict[str, object]
    interpreter: object
    tables: list[object]


@pytest.fixture
def setup(people, mailoutbox) -> Setup:
    from innotwin.missions.domain.requests import request_meeting
    from innotwin.missions.domain.setup import (
        add_agenda_item,
        add_interpreter,
        add_participant,
        add_room,
        add_venue,
        create_mission,
        generate_slots,
    )
    from innotwin.pairs.domain.assign_coordinator import assign_coordinator

    pair = make_pair(slug="town-city")
    assign_coordinator(pair=pair, user=people["coordinator"])
    mission = create_mission(
        pair=pair,
        title_en="Trade mission to City 1",
        title_ko="시티 1 무역 사절단",
        host_region="KRX1",
        host_city="City 1",
        starts_on=DAY,
        ends_on=DAY,
        time_zone="Asia/Seoul",
        slug="trade-mission",
    )
    venue = add_venue(mission=mission, name_en="Exhibition centre", name_ko="전시장")
    room = add_room(venue=venue, name="Hall", capacity=10, tables=2, seats=2)
    generate_slots(
        mission=mission,
        day_start=dt.time(9, 0),
        day_end=dt.time(12, 15),
        minutes=30,
        breaks=[(dt.time(10, 30), dt.time(10, 45))],
    )
    add_agenda_item(
        mission=mission, kind="panel", title_en="Panel", title_ko="패널", start=at(11, 45), end=at(12, 15)
    )
    ann = add_participant(
        mission=mission,
        name="Ann",
        organisation_name="Port of Town",
        side="GB",
        languages=["en"],
        email="ann@example.org",
        time_zone="Europe/London",
        user=people["member"],
    )
    bo = add_participant(
        mission=mission,
        name="보람",
        organisation_name="시티 대학교",
        side="KR",
        languages=["ko"],
        email="bo@example.org",
        preferred_language="ko",
    )
    cy = add_participant(
        mission=mission, name="Cy", organisation_name="Town Council", side="GB", languages=["en", "ko"]
    )
    di = add_participant(
        mission=mission,
        name="Di",
        organisation_name="City Techno Park",
        side="KR",
        languages=["ko", "en"],
        email="di@example.org",
        availability=[(at(9), at(10))],
    )
    interpreter = add_interpreter(mission=mission, name="Interpreter Lee")
    requests = {
        "ann-bo": request_meeting(requester=ann, counterpart=bo, priority="must_meet", answer="would_like"),
        "ann-di": request_meeting(requester=ann, counterpart=di, answer="would_like"),
        "cy-bo": request_meeting(requester=cy, counterpart=bo, answer="would_like"),
        "cy-di": request_meeting(requester=cy, counterpart=di, answer="declined"),
        "di-bo": request_meeting(requester=di, counterpart=bo),
    }
    return Setup(
        pair=pair,
        mission=mission,
        people={"ann": ann, "bo": bo, "cy": cy, "di": di},
        requests=requests,
        interpreter=interpreter,
        tables=list(room.tables.all()),
    )


@pytest.fixture
def solved(setup) -> Setup:
    from innotwin.missions.domain.solve import solve_mission

    solve_mission(mission=setup.mission, solver="highs", time_limit=10)
    setup.mission.refresh_from_db()
    return setup
