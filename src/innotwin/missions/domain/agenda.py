"""Personal agendas and iCalendar feeds, in a participant's time zone; the feeds come from the engine's
:func:`~innotwin.core.scheduling.agenda_ics` and :func:`~innotwin.core.scheduling.mission_ics`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Q

from innotwin.core import scheduling as engine
from innotwin.missions.models import AgendaItem, Mission, Participant, ScheduledMeeting

__all__ = ["AgendaEntry", "agenda_for", "mission_feed", "participant_feed"]


@dataclass(frozen=True)
class AgendaEntry:
    """One line of a personal agenda: a meeting or a shared programme item, in the reader's zone."""

    start: dt.datetime
    end: dt.datetime
    meeting: ScheduledMeeting | None
    item: AgendaItem | None
    other: Participant | None


def _meetings(mission: Mission, participant: Participant | None = None) -> list[ScheduledMeeting]:
    meetings = ScheduledMeeting.objects.filter(mission=mission).select_related(
        "slot", "table__room__venue", "interpreter", "request__requester", "request__counterpart"
    )
    if participant is not None:
        meetings = meetings.filter(Q(request__requester=participant) | Q(request__counterpart=participant))
    return list(meetings)


def agenda_for(participant: Participant) -> list[AgendaEntry]:
    """The participant's meetings and the mission's programme, in time order, in their time zone."""
    zone = ZoneInfo(participant.time_zone)
    entries = []
    for meeting in _meetings(participant.mission, participant):
        request = meeting.request
        other = request.counterpart if request.requester_id == participant.pk else request.requester
        entries.append(
            AgendaEntry(
                start=meeting.slot.start.astimezone(zone),
                end=meeting.slot.end.astimezone(zone),
                meeting=meeting,
                item=None,
                other=other,
            )
        )
    for item in participant.mission.agenda.select_related("venue"):
        entries.append(
            AgendaEntry(
                start=item.start.astimezone(zone),
                end=item.end.astimezone(zone),
                meeting=None,
                item=item,
                other=None,
            )
        )
    return sorted(entries, key=lambda entry: (entry.start, entry.item is None))


def _engine_meeting(meeting: ScheduledMeeting) -> engine.Meeting:
    request = meeting.request
    return engine.Meeting(
        request_id=request.code,
        parties=(request.requester.name, request.counterpart.name),
        slot=meeting.slot.index,
        start=meeting.slot.start,
        end=meeting.slot.end,
        venue=f"{meeting.table.room.venue.name}, {meeting.table.room.name}",
        table=meeting.table.label,
        interpreter=meeting.interpreter.name if meeting.interpreter else None,
    )


def _schedule(meetings: list[ScheduledMeeting]) -> engine.Schedule:
    return engine.Schedule(
        meetings=tuple(_engine_meeting(m) for m in meetings),
        unscheduled=(),
        conflicts=(),
        value=0.0,
        request_value=0.0,
        bound=None,
        bound_exact=False,
        solver="stored",
        status=engine.Status.FEASIBLE,
        solve_seconds=0.0,
        bound_seconds=0.0,
    )


def _stamp(mission: Mission) -> dt.datetime:
    return mission.updated_at or mission.created_at


def _programme(mission: Mission) -> list[engine.ProgrammeItem]:
    return [
        engine.ProgrammeItem(
            key=str(item.pk),
            title=item.title,
            start=item.start,
            end=item.end,
            location=item.venue.name if item.venue else item.location,
        )
        for item in mission.agenda.select_related("venue")
    ]


def participant_feed(participant: Participant) -> str:
    """The participant's meetings and the mission's programme as an iCalendar feed (UTC times; UID stable
    per request and per programme item; SEQUENCE the meeting's revision)."""
    return mission_feed(participant.mission, participant)


def mission_feed(mission: Mission, participant: Participant | None = None) -> str:
    """Every meeting of the mission (or only ``participant``'s) and its programme as one iCalendar feed."""
    meetings = _meetings(mission, participant)
    return engine.mission_ics(
        _schedule(meetings),
        event_id=mission.slug,
        event_name=mission.title,
        stamp=_stamp(mission),
        revisions={m.request.code: m.sequence for m in meetings},
        programme=_programme(mission),
    )
