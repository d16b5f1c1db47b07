"""Solving a mission: turn its records into the scheduler's event, run the engine, store the schedule.

The engine (:mod:`innotwin.core.scheduling`) knows nothing of Django; this module translates both ways.
Participants are ``p<pk>``, requests ``r<pk>``, tables ``t<pk>`` and venues ``v<pk>`` in the engine; the
reasons it returns are rewritten with people's names before they are stored."""

from __future__ import annotations

import datetime as dt
import re
from itertools import combinations

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from innotwin.core import scheduling as engine
from innotwin.core.errors import DataError, InvalidStateError
from innotwin.missions.enums import MissionStatus, RequestPriority
from innotwin.missions.models import (
    AgendaItem,
    Interpreter,
    MeetingRequest,
    Mission,
    Participant,
    ScheduledMeeting,
    Slot,
    Table,
    UnscheduledRequest,
)
from innotwin.missions.quiet import quiet_stdout

__all__ = ["build_event", "quiet_stdout", "solve_mission"]


def _windows(raw: list[list[str]]) -> list[tuple[dt.datetime, dt.datetime]]:
    return [(dt.datetime.fromisoformat(start), dt.datetime.fromisoformat(end)) for start, end in raw]


def _available(
    slots: list[Slot], windows: list[tuple[dt.datetime, dt.datetime]], blocked: set[int]
) -> frozenset[int]:
    """Indices of the slots inside one of ``windows`` (all slots when there are none), less ``blocked``."""
    return frozenset(
        slot.index
        for slot in slots
        if slot.index not in blocked
        and (not windows or any(s <= slot.start and slot.end <= e for s, e in windows))
    )


def blocked_slots(mission: Mission, slots: list[Slot]) -> set[int]:
    """Slots that overlap an agenda item: everyone is at the site visit, the signing or the panel."""
    items = list(AgendaItem.objects.filter(mission=mission))
    return {
        slot.index for slot in slots if any(item.start < slot.end and slot.start < item.end for item in items)
    }


def participant_slots(participant: Participant, slots: list[Slot], blocked: set[int]) -> frozenset[int]:
    return _available(slots, _windows(participant.availability), blocked)


def interpreter_slots(interpreter: Interpreter, slots: list[Slot]) -> frozenset[int]:
    return _available(slots, _windows(interpreter.availability), set())


def build_event(mission: Mission) -> engine.Event:
    """The scheduler's event for ``mission``: every schedulable request, its people, slots, tables and
    interpreters. Raises :class:`DataError` when the mission has no slots or no tables."""
    slots = list(mission.slots.select_related("venue"))
    tables = list(Table.objects.filter(room__venue__mission=mission).select_related("room"))
    problems = []
    if not slots:
        problems.append(_("The mission has no slots yet; generate the slot grid first."))
    if not tables:
        problems.append(_("The mission has no tables yet; add a room with tables first."))
    if problems:
        raise DataError(" ".join(problems))
    blocked = blocked_slots(mission, slots)
    participants = [
        engine.Participant(
            id=f"p{p.pk}",
            organisation=str(p.organisation_id or p.organisation_name),
            side=p.side,
            languages=frozenset(p.language_list),
            availability=participant_slots(p, slots, blocked),
            meeting_cap=p.meeting_cap,
        )
        for p in mission.participants.all()
    ]
    requests = [
        engine.MeetingRequest(
            id=r.code,
            parties=(f"p{r.requester_id}", f"p{r.counterpart_id}"),
            priority=engine.Priority.MUST_MEET
            if r.priority == RequestPriority.MUST_MEET
            else engine.Priority.WOULD_LIKE,
        )
        for r in mission.requests.all()
        if r.schedulable
    ]
    interpreters = [
        engine.Interpreter(
            id=f"i{i.pk}",
            language_pairs=frozenset(combinations(sorted(i.language_list), 2)),
            availability=interpreter_slots(i, slots),
            capacity=i.capacity,
        )
        for i in mission.interpreters.all()
    ]
    return engine.Event(
        participants=tuple(participants),
        slots=tuple(
            engine.Slot(
                index=s.index,
                start=s.start,
                end=s.end,
                venue=None if s.venue_id is None else f"v{s.venue_id}",
            )
            for s in slots
        ),
        tables=tuple(
            engine.Table(id=f"t{t.pk}", venue=f"v{t.room.venue_id}", capacity=t.capacity) for t in tables
        ),
        requests=tuple(requests),
        interpreters=tuple(interpreters),
        travel_time=dt.timedelta(minutes=mission.travel_minutes),
    )


# An engine id (p12, r34) not inside a longer ASCII word or number; Korean particles may follow it directly
# ("p13님"), so \b, which treats Hangul as word characters, would miss it.
_ENGINE_ID = re.compile(r"(?<![A-Za-z0-9_])([pr])(\d+)(?![0-9])")


def named(text: str, people: dict[int, str], requests: dict[int, str]) -> str:
    """``text`` with the engine's ids ``p12`` and ``r34`` replaced by names."""

    def swap(match: re.Match[str]) -> str:
        table = people if match.group(1) == "p" else requests
        return table.get(int(match.group(2)), match.group(0))

    return _ENGINE_ID.sub(swap, text)


def _own_reason(request: MeetingRequest, label: str) -> tuple[str, str, str]:
    code = "declined" if request.declined else "awaiting_answer"
    texts = []
    for language in ("en", "ko"):
        with translation.override(language):
            if code == "declined":
                texts.append(_("Request %(request)s: one side declined the meeting.") % {"request": label})
            else:
                texts.append(
                    _("Request %(request)s: the other side has not answered yet, so it is not scheduled.")
                    % {"request": label}
                )
    return code, texts[0], texts[1]


@transaction.atomic
def solve_mission(
    *, mission: Mission, solver: str = "highs", time_limit: float = 60.0, random_state: int = 0
) -> engine.Schedule:
    """Schedule every schedulable request of ``mission`` with the engine and store the result; the mission
    goes to review. Meetings that keep their slot, table and interpreter keep their calendar SEQUENCE,
    changed ones go up by one. Raises :class:`InvalidStateError` for a published mission."""
    mission = Mission.objects.select_for_update().get(pk=mission.pk)
    if mission.status == MissionStatus.PUBLISHED:
        raise InvalidStateError(
            _("The mission %(title)s is published; move single meetings instead of solving it again.")
            % {"title": mission.title}
        )
    event = build_event(mission)
    with quiet_stdout():
        result = engine.schedule(event, solver=solver, time_limit=time_limit, random_state=random_state)
    previous = {m.request_id: m for m in mission.meetings.all()}
    mission.meetings.all().delete()
    mission.unscheduled.all().delete()
    slots = {s.index: s for s in mission.slots.all()}
    requests = {r.pk: r for r in mission.requests.select_related("requester", "counterpart")}
    people = {p.pk: p.name for p in mission.participants.all()}
    labels = {pk: f"{r.requester.name} – {r.counterpart.name}" for pk, r in requests.items()}
    rows = []
    for meeting in result.meetings:
        pk = int(meeting.request_id[1:])
        slot = slots[meeting.slot]
        table_id = int(meeting.table[1:])
        interpreter_id = None if meeting.interpreter is None else int(meeting.interpreter[1:])
        old = previous.get(pk)
        sequence = 0
        if old is not None:
            same = (old.slot_id, old.table_id, old.interpreter_id) == (slot.pk, table_id, interpreter_id)
            sequence = old.sequence if same else old.sequence + 1
        rows.append(
            ScheduledMeeting(
                mission=mission,
                request_id=pk,
                slot=slot,
                table_id=table_id,
                interpreter_id=interpreter_id,
                sequence=sequence,
            )
        )
    ScheduledMeeting.objects.bulk_create(rows)
    missing = [
        UnscheduledRequest(
            mission=mission,
            request_id=int(item.request_id[1:]),
            reason=item.reason.value,
            message_en=named(item.message_en, people, labels),
            message_ko=named(item.message_ko, people, labels),
        )
        for item in result.unscheduled
    ]
    for request in requests.values():
        if not request.schedulable:
            code, english, korean = _own_reason(request, labels[request.pk])
            missing.append(
                UnscheduledRequest(
                    mission=mission, request=request, reason=code, message_en=english, message_ko=korean
                )
            )
    UnscheduledRequest.objects.bulk_create(missing)
    mission.status = MissionStatus.REVIEW
    mission.solver = result.solver
    mission.solver_status = result.status.value
    mission.value = result.value
    mission.bound = result.bound
    mission.bound_exact = result.bound_exact
    mission.solve_seconds = result.solve_seconds
    mission.solved_at = timezone.now()
    mission.save()
    return result
