"""``/api/v1/missions``: missions, participants, requests, solving, the schedule, moves, publishing."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status

from innotwin.accounts.permissions import Action, require_permission, visible
from innotwin.core.errors import NotFoundError
from innotwin.missions.domain.agenda import mission_feed
from innotwin.missions.domain.from_matches import SkippedPair, requests_from_matches
from innotwin.missions.domain.publish import publish_mission
from innotwin.missions.domain.requests import answer_request, request_meeting
from innotwin.missions.domain.review import move_meeting
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
from innotwin.missions.models import (
    MeetingRequest,
    Mission,
    Participant,
    ScheduledMeeting,
    Slot,
    Table,
    UnscheduledRequest,
)
from innotwin.organisations.models import Organisation, Person
from innotwin.pairs.models import TwinPair

router = Router(tags=["missions"])


class MissionOut(Schema):
    id: int
    slug: str
    pair: str
    title_en: str
    title_ko: str
    host_region: str
    host_city: str
    starts_on: dt.date
    ends_on: dt.date
    time_zone: str
    status: str
    is_demo: bool

    @staticmethod
    def resolve_id(obj: Mission) -> int:
        return int(obj.pk)

    @staticmethod
    def resolve_pair(obj: Mission) -> str:
        return obj.pair.slug

    @staticmethod
    def resolve_host_region(obj: Mission) -> str:
        return str(obj.host_region_id)


class AgendaItemOut(Schema):
    kind: str
    title_en: str
    title_ko: str
    start: dt.datetime
    end: dt.datetime
    location: str


class MissionDetailOut(MissionOut):
    agenda: list[AgendaItemOut]
    slots: int
    participants: int
    meetings: int
    solver: str
    solver_status: str
    value: float | None
    bound: float | None
    bound_exact: bool
    gap: float | None

    @staticmethod
    def resolve_agenda(obj: Mission) -> list[object]:
        return list(obj.agenda.all())

    @staticmethod
    def resolve_slots(obj: Mission) -> int:
        return obj.slots.count()

    @staticmethod
    def resolve_participants(obj: Mission) -> int:
        return obj.participants.count()

    @staticmethod
    def resolve_meetings(obj: Mission) -> int:
        return obj.meetings.count()


class ParticipantOut(Schema):
    id: int
    name: str
    organisation: str
    organisation_id: int | None
    side: str
    languages: list[str]
    preferred_language: str
    time_zone: str
    meeting_cap: int

    @staticmethod
    def resolve_id(obj: Participant) -> int:
        return int(obj.pk)

    @staticmethod
    def resolve_organisation(obj: Participant) -> str:
        return obj.organisation_label

    @staticmethod
    def resolve_languages(obj: Participant) -> list[str]:
        return obj.language_list


class RequestOut(Schema):
    id: int
    requester: int
    counterpart: int
    requester_priority: str
    counterpart_priority: str
    priority: str
    source: str
    schedulable: bool

    @staticmethod
    def resolve_id(obj: MeetingRequest) -> int:
        return int(obj.pk)

    @staticmethod
    def resolve_requester(obj: MeetingRequest) -> int:
        return int(obj.requester_id)

    @staticmethod
    def resolve_counterpart(obj: MeetingRequest) -> int:
        return int(obj.counterpart_id)


class RequestIn(Schema):
    requester: int
    counterpart: int
    priority: str = "would_like"
    answer: str = ""
    note: str = ""


class SkippedOut(Schema):
    requester: int
    counterpart: int
    reason: str
    message: str

    @staticmethod
    def resolve_requester(obj: SkippedPair) -> int:
        return int(obj.requester.pk)

    @staticmethod
    def resolve_counterpart(obj: SkippedPair) -> int:
        return int(obj.counterpart.pk)


class FromMatchesOut(Schema):
    introductions: int
    created: list[RequestOut]
    skipped: list[SkippedOut]


class MeetingOut(Schema):
    id: int
    request: int
    parties: list[int]
    slot: int
    start: dt.datetime
    end: dt.datetime
    venue: str
    table: str
    table_id: int
    interpreter: str | None
    sequence: int

    @staticmethod
    def resolve_id(obj: ScheduledMeeting) -> int:
        return int(obj.pk)

    @staticmethod
    def resolve_request(obj: ScheduledMeeting) -> int:
        return int(obj.request_id)

    @staticmethod
    def resolve_parties(obj: ScheduledMeeting) -> list[int]:
        return [obj.request.requester_id, obj.request.counterpart_id]

    @staticmethod
    def resolve_slot(obj: ScheduledMeeting) -> int:
        return obj.slot.index

    @staticmethod
    def resolve_start(obj: ScheduledMeeting) -> dt.datetime:
        return obj.slot.start

    @staticmethod
    def resolve_end(obj: ScheduledMeeting) -> dt.datetime:
        return obj.slot.end

    @staticmethod
    def resolve_venue(obj: ScheduledMeeting) -> str:
        return obj.table.room.venue.name

    @staticmethod
    def resolve_table(obj: ScheduledMeeting) -> str:
        return obj.table.label

    @staticmethod
    def resolve_interpreter(obj: ScheduledMeeting) -> str | None:
        return obj.interpreter.name if obj.interpreter else None


class UnscheduledOut(Schema):
    request: int
    reason: str
    message_en: str
    message_ko: str

    @staticmethod
    def resolve_request(obj: UnscheduledRequest) -> int:
        return int(obj.request_id)


class ScheduleOut(Schema):
    mission: str
    status: str
    solver: str
    solver_status: str
    value: float | None
    bound: float | None
    bound_exact: bool
    gap: float | None
    meetings: list[MeetingOut]
    unscheduled: list[UnscheduledOut]


class SolveIn(Schema):
    solver: str = "highs"
    time_limit: float = 60.0


class MoveIn(Schema):
    slot: int
    table: int


class PublishOut(Schema):
    mission: MissionOut
    emails: int


def _mission(request: HttpRequest, key: str) -> Mission:
    missions = visible(
        request.user, Action.VIEW_MISSION, Mission.objects.select_related("pair", "host_region")
    )
    found = missions.filter(slug=key).first() or (
        missions.filter(pk=int(key)).first() if key.isdigit() else None
    )
    if found is None:
        raise NotFoundError(f"There is no mission {key!r} that you can see.")
    return found


def _schedule(mission: Mission) -> dict[str, object]:
    meetings = mission.meetings.select_related(
        "slot", "table__room__venue", "interpreter", "request"
    ).order_by("slot__index", "table__pk")
    return {
        "mission": mission.slug,
        "status": mission.status,
        "solver": mission.solver,
        "solver_status": mission.solver_status,
        "value": mission.value,
        "bound": mission.bound,
        "bound_exact": mission.bound_exact,
        "gap": mission.gap,
        "meetings": list(meetings),
        "unscheduled": list(mission.unscheduled.all()),
    }


@router.get("", response=list[MissionOut], summary="Missions you can see")
def list_missions(request: HttpRequest) -> list[Mission]:
    return list(visible(request.user, Action.VIEW_MISSION, Mission.objects.select_related("pair")))


@router.get("/{key}", response=MissionDetailOut, summary="One mission (by id or slug), with its agenda")
def get_mission(request: HttpRequest, key: str) -> Mission:
    return _mission(request, key)


@router.get("/{key}/participants", response=list[ParticipantOut], summary="The mission's participants")
def participants(request: HttpRequest, key: str) -> list[Participant]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    return list(mission.participants.select_related("organisation"))


@router.get("/{key}/requests", response=list[RequestOut], summary="The mission's meeting requests")
def requests(request: HttpRequest, key: str) -> list[MeetingRequest]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    return list(mission.requests.all())


@router.post("/{key}/requests", response={201: RequestOut}, summary="Add a meeting request (or answer one)")
def add_request(request: HttpRequest, key: str, payload: RequestIn) -> Status[MeetingRequest]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    people = {p.pk: p for p in mission.participants.filter(pk__in=[payload.requester, payload.counterpart])}
    if payload.requester not in people or payload.counterpart not in people:
        raise NotFoundError("Both participants must be on this mission.")
    made = request_meeting(
        requester=people[payload.requester],
        counterpart=people[payload.counterpart],
        priority=payload.priority,
        answer=payload.answer,
        note=payload.note,
    )
    return Status(201, made)


@router.post(
    "/{key}/requests/from-matches",
    response=FromMatchesOut,
    summary="Make requests from the matching introductions between organisations on the mission",
)
def add_requests_from_matches(request: HttpRequest, key: str) -> dict[str, object]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    result = requests_from_matches(mission=mission)
    return {"introductions": result.introductions, "created": result.created, "skipped": result.skipped}


@router.post(
    "/{key}/solve", response=ScheduleOut, summary="Schedule the requests; the mission goes to review"
)
def solve(request: HttpRequest, key: str, payload: SolveIn) -> dict[str, object]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    solve_mission(mission=mission, solver=payload.solver, time_limit=min(max(payload.time_limit, 0.1), 120.0))
    mission.refresh_from_db()
    return _schedule(mission)


@router.get("/{key}/schedule", response=ScheduleOut, summary="The schedule, with the unscheduled and why")
def get_schedule(request: HttpRequest, key: str) -> dict[str, object]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    return _schedule(mission)


@router.get("/{key}/schedule.ics", summary="Every meeting as an iCalendar feed")
def schedule_ics(request: HttpRequest, key: str) -> HttpResponse:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    return HttpResponse(mission_feed(mission), content_type="text/calendar; charset=utf-8")


@router.post(
    "/{key}/meetings/{meeting_id}/move", response=MeetingOut, summary="Move a meeting (refused on conflict)"
)
def move(request: HttpRequest, key: str, meeting_id: int, payload: MoveIn) -> ScheduledMeeting:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    meeting = mission.meetings.filter(pk=meeting_id).first()
    slot = Slot.objects.filter(mission=mission, index=payload.slot).first()
    table = (
        Table.objects.filter(room__venue__mission=mission, pk=payload.table)
        .select_related("room__venue")
        .first()
    )
    if meeting is None or slot is None or table is None:
        raise NotFoundError("The meeting, slot index or table id is not part of this mission.")
    return move_meeting(meeting=meeting, slot=slot, table=table)


@router.post("/{key}/publish", response=PublishOut, summary="Publish the schedule and email every agenda")
def publish(request: HttpRequest, key: str) -> dict[str, object]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    emails = publish_mission(mission=mission)
    mission.refresh_from_db()
    return {"mission": mission, "emails": emails}


# Set-up: a draft mission, its rooms and tables, slot grid, programme, participants and interpreters.


class MissionIn(Schema):
    pair: str
    title_en: str = ""
    title_ko: str = ""
    host_region: str
    host_city: str
    starts_on: dt.date
    ends_on: dt.date
    time_zone: str
    travel_minutes: int = 15
    slug: str = ""


class RoomIn(Schema):
    venue_en: str
    venue_ko: str = ""
    address: str = ""
    room: str
    capacity: int
    tables: int
    seats: int = 2


class SlotsIn(Schema):
    day_start: dt.time
    day_end: dt.time
    minutes: int = 30
    breaks: list[tuple[dt.time, dt.time]] = []
    days: list[dt.date] | None = None


class AgendaItemIn(Schema):
    kind: str
    title_en: str = ""
    title_ko: str = ""
    start: dt.datetime
    end: dt.datetime
    location: str = ""


class ParticipantIn(Schema):
    name: str = ""
    side: str
    languages: list[str]
    time_zone: str = ""
    email: str = ""
    organisation: str = ""
    organisation_name: str = ""
    person: int | None = None
    preferred_language: str = "en"
    meeting_cap: int = 8
    availability: list[tuple[dt.datetime, dt.datetime]] = []


class InterpreterIn(Schema):
    name: str
    languages: list[str] = ["en", "ko"]
    capacity: int = 1
    availability: list[tuple[dt.datetime, dt.datetime]] = []


class AnswerIn(Schema):
    answer: str


class CountOut(Schema):
    created: int


@router.post("", response={201: MissionOut}, summary="Create a draft mission of a pair you coordinate")
def create(request: HttpRequest, payload: MissionIn) -> Status[Mission]:
    pair = visible(request.user, Action.VIEW_PAIR, TwinPair.objects.all()).filter(slug=payload.pair).first()
    if pair is None:
        raise NotFoundError(f"There is no twin pair {payload.pair!r} that you can see.")
    require_permission(request.user, Action.MANAGE_MISSION, pair)
    return Status(201, create_mission(pair=pair, **payload.dict(exclude={"pair"})))


@router.post("/{key}/rooms", response={201: CountOut}, summary="Add a venue's room with its tables")
def add_room_with_tables(request: HttpRequest, key: str, payload: RoomIn) -> Status[dict[str, int]]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    with transaction.atomic():
        venue = mission.venues.filter(name_en=payload.venue_en).first() or add_venue(
            mission=mission, name_en=payload.venue_en, name_ko=payload.venue_ko, address=payload.address
        )
        room = add_room(
            venue=venue,
            name=payload.room,
            capacity=payload.capacity,
            tables=payload.tables,
            seats=payload.seats,
        )
    return Status(201, {"created": room.tables.count()})


@router.post("/{key}/slots", response={201: CountOut}, summary="Generate the slot grid, skipping breaks")
def add_slots(request: HttpRequest, key: str, payload: SlotsIn) -> Status[dict[str, int]]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    slots = generate_slots(
        mission=mission,
        day_start=payload.day_start,
        day_end=payload.day_end,
        minutes=payload.minutes,
        breaks=payload.breaks,
        days=payload.days,
    )
    return Status(201, {"created": len(slots)})


@router.post(
    "/{key}/agenda", response={201: AgendaItemOut}, summary="Add a programme item (blocks its slots)"
)
def add_agenda(request: HttpRequest, key: str, payload: AgendaItemIn) -> Status[object]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    return Status(201, add_agenda_item(mission=mission, **payload.dict()))


@router.post("/{key}/participants", response={201: ParticipantOut}, summary="Add a participant")
def add_person(request: HttpRequest, key: str, payload: ParticipantIn) -> Status[Participant]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    values = payload.dict(exclude={"organisation", "person"})
    organisation = None
    if payload.organisation:
        organisation = Organisation.objects.filter(slug=payload.organisation).first()
        if organisation is None:
            raise NotFoundError(f"There is no registry organisation {payload.organisation!r}.")
    person = None
    if payload.person is not None:
        person = Person.objects.filter(pk=payload.person, erased_at__isnull=True).first()
        if person is None:
            raise NotFoundError(f"There is no registry person {payload.person}.")
    return Status(201, add_participant(mission=mission, organisation=organisation, person=person, **values))


@router.post("/{key}/interpreters", response={201: CountOut}, summary="Add an interpreter")
def add_interpreter_to(request: HttpRequest, key: str, payload: InterpreterIn) -> Status[dict[str, int]]:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    add_interpreter(mission=mission, **payload.dict())
    return Status(201, {"created": 1})


@router.post("/{key}/requests/{request_id}/answer", response=RequestOut, summary="The counterpart's answer")
def answer(request: HttpRequest, key: str, request_id: int, payload: AnswerIn) -> MeetingRequest:
    mission = _mission(request, key)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    found = mission.requests.filter(pk=request_id).first()
    if found is None:
        raise NotFoundError(f"There is no request {request_id} on this mission.")
    return answer_request(request=found, answer=payload.answer)
