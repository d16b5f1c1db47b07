"""A small demo mission for the Liverpool City Region – Busan pair: a two-day trade mission to Busan with
one venue, a slot grid with a break, a site visit and an MoU signing, sixteen participants, two
interpreters and their meeting requests, solved and left in review so coordinators can try moving
meetings. Participants' organisations are linked to the registry when it holds one of the same name."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction

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
from innotwin.missions.domain.solve import solve_mission
from innotwin.missions.enums import AgendaKind, RequestPriority
from innotwin.missions.models import Mission
from innotwin.missions.quiet import quiet_stdout
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair

DEMO_MISSION_SLUG = "liverpool-busan-trade-mission-2027"
PAIR_SLUG = "liverpool-city-region-busan"
ZONE = "Asia/Seoul"
FIRST_DAY = dt.date(2027, 3, 23)

# (name, organisation, side, languages, preferred language, meeting cap)
PEOPLE = [
    ("Alex Morgan", "Liverpool City Region Combined Authority", "GB", "en", "en", 6),
    ("Priya Shah", "University of Liverpool", "GB", "en", "en", 6),
    ("Tom Evans", "Liverpool John Moores University", "GB", "en", "en", 6),
    ("Sian Roberts", "Liverpool School of Tropical Medicine", "GB", "en", "en", 5),
    ("Daniel Kim", "Sensor City", "GB", "en,ko", "en", 6),
    ("Grace Hughes", "Liverpool City Council", "GB", "en", "en", 5),
    ("Owen Price", "Peel Ports Group", "GB", "en", "en", 5),
    ("Hannah Clarke", "Knowledge Quarter Liverpool", "GB", "en", "en", 5),
    ("김민준", "부산광역시", "KR", "ko,en", "ko", 6),
    ("이서연", "부산대학교", "KR", "ko", "ko", 6),
    ("박지호", "부산항만공사", "KR", "ko", "ko", 5),
    ("최유나", "부산테크노파크", "KR", "ko,en", "ko", 6),
    ("정도윤", "한국해양대학교", "KR", "ko", "ko", 1),
    ("강하은", "부산경제진흥원", "KR", "ko,en", "ko", 5),
    ("윤서준", "부산정보산업진흥원", "KR", "ko", "ko", 5),
    ("임지민", "동아대학교", "KR", "ko", "ko", 5),
]

# (requester, counterpart, priority, answer): indices into PEOPLE.
REQUESTS = [
    (0, 8, "must_meet", "must_meet"),
    (1, 9, "must_meet", "would_like"),
    (6, 10, "must_meet", "would_like"),
    (4, 11, "would_like", "would_like"),
    (2, 12, "would_like", "would_like"),
    (3, 9, "would_like", "would_like"),
    (5, 8, "would_like", "would_like"),
    (7, 13, "would_like", "must_meet"),
    (4, 14, "would_like", "would_like"),
    (1, 15, "would_like", "would_like"),
    (0, 13, "would_like", "would_like"),
    (2, 11, "would_like", "would_like"),
    (6, 12, "would_like", "would_like"),
    (3, 15, "would_like", "would_like"),
    (7, 9, "would_like", "would_like"),
    (5, 14, "would_like", "would_like"),
    (1, 11, "would_like", "would_like"),
    (0, 10, "would_like", "would_like"),
    (4, 13, "would_like", "would_like"),
    (2, 9, "would_like", "would_like"),
    (6, 8, "would_like", "declined"),
    (7, 14, "would_like", ""),
]


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(
        FIRST_DAY + dt.timedelta(days=day), dt.time(hour, minute), tzinfo=ZoneInfo(ZONE)
    )


@transaction.atomic
def load_missions_demo() -> Mission | None:
    """Create and solve the demo mission; does nothing if it exists or the pair is not loaded."""
    pair = TwinPair.objects.filter(slug=PAIR_SLUG).first()
    if pair is None or Mission.objects.filter(slug=DEMO_MISSION_SLUG).exists():
        return None
    mission = create_mission(
        pair=pair,
        slug=DEMO_MISSION_SLUG,
        title_en="Liverpool City Region trade mission to Busan",
        title_ko="리버풀 시티 리전 부산 무역 사절단",
        host_region="KR-26",
        host_city="Busan",
        starts_on=FIRST_DAY,
        ends_on=FIRST_DAY + dt.timedelta(days=1),
        time_zone=ZONE,
        is_demo=True,
    )
    venue = add_venue(
        mission=mission, name_en="BEXCO", name_ko="벡스코", address="55 APEC-ro, Haeundae-gu, Busan"
    )
    add_room(venue=venue, name="Room 101", capacity=24, tables=4, seats=4)
    generate_slots(
        mission=mission,
        day_start=dt.time(9, 0),
        day_end=dt.time(12, 30),
        minutes=30,
        breaks=[(dt.time(10, 30), dt.time(10, 45))],
    )
    add_agenda_item(
        mission=mission,
        kind=AgendaKind.SITE_VISIT,
        title_en="Site visit: Busan New Port",
        title_ko="현장 방문: 부산신항",
        start=_at(0, 14),
        end=_at(0, 17),
        location="Busan New Port",
    )
    add_agenda_item(
        mission=mission,
        kind=AgendaKind.MOU_SIGNING,
        title_en="Signing of the digital and net-zero memorandum",
        title_ko="디지털·탄소중립 양해각서 서명식",
        start=_at(1, 14),
        end=_at(1, 15),
        venue=venue,
    )
    add_agenda_item(
        mission=mission,
        kind=AgendaKind.PANEL,
        title_en="Panel: port cities and clean energy",
        title_ko="패널: 항만도시와 청정에너지",
        start=_at(1, 15, 30),
        end=_at(1, 17),
        venue=venue,
    )
    people = []
    for name, organisation, side, languages, preferred, cap in PEOPLE:
        registered = (
            Organisation.objects.filter(name_en=organisation).first()
            or Organisation.objects.filter(name_ko=organisation).first()
        )
        people.append(
            add_participant(
                mission=mission,
                name=name,
                side=side,
                languages=languages.split(","),
                organisation=registered,
                organisation_name="" if registered else organisation,
                preferred_language=preferred,
                meeting_cap=cap,
                # The Director of the Knowledge Quarter arrives on the second day.
                availability=[(_at(1, 0), _at(1, 23))] if name == "Hannah Clarke" else [],
            )
        )
    add_interpreter(mission=mission, name="Interpreter Jung", availability=[(_at(0, 0), _at(0, 23))])
    add_interpreter(mission=mission, name="Interpreter Park")
    for requester, counterpart, priority, answer in REQUESTS:
        request_meeting(
            requester=people[requester],
            counterpart=people[counterpart],
            priority=RequestPriority(priority),
            answer=answer,
        )
    with quiet_stdout():
        solve_mission(mission=mission, solver="highs", time_limit=20)
    mission.refresh_from_db()
    return mission
