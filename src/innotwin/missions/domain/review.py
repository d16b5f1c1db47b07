"""Review: a coordinator moves one meeting to another slot or table. Every conflict is found before
anything changes; a move with a conflict is refused with all its reasons."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, InvalidStateError, Problem
from innotwin.missions.domain.notify import notify_change
from innotwin.missions.domain.solve import blocked_slots, interpreter_slots, participant_slots
from innotwin.missions.enums import MissionStatus
from innotwin.missions.models import Interpreter, ScheduledMeeting, Slot, Table


@dataclass(frozen=True)
class MoveCheck:
    """What moving a meeting would do: the conflicts that forbid it, and the interpreter it would get."""

    problems: tuple[Problem, ...]
    interpreter: Interpreter | None

    @property
    def allowed(self) -> bool:
        return not self.problems


def _needs_interpreter(meeting: ScheduledMeeting) -> bool:
    request = meeting.request
    return not set(request.requester.language_list) & set(request.counterpart.language_list)


def check_move(*, meeting: ScheduledMeeting, slot: Slot, table: Table) -> MoveCheck:
    """The conflicts of moving ``meeting`` to ``slot`` at ``table``: people, table or interpreter
    already busy, a person unavailable or without time to change venue, a table too small or at the
    wrong venue. Complexity: O(meetings in the mission)."""
    mission = meeting.mission
    request = meeting.request
    problems: list[Problem] = []
    if slot.mission_id != mission.pk or table.room.venue.mission_id != mission.pk:
        raise DataError(
            [Problem(_("The slot and the table must belong to the meeting's mission."), field="slot")]
        )
    if table.capacity < 2:
        problems.append(
            Problem(_("Table %(table)s seats too few people.") % {"table": table.label}, field="table")
        )
    if slot.venue_id is not None and slot.venue_id != table.room.venue_id:
        problems.append(
            Problem(
                _("In this slot meetings are at %(venue)s; table %(table)s is elsewhere.")
                % {"venue": slot.venue.name if slot.venue else "", "table": table.label},
                field="table",
            )
        )
    others = list(
        ScheduledMeeting.objects.filter(mission=mission)
        .exclude(pk=meeting.pk)
        .select_related("slot", "table__room", "request", "interpreter")
    )
    if any(o.slot_id == slot.pk and o.table_id == table.pk for o in others):
        problems.append(
            Problem(
                _("Table %(table)s already has a meeting in this slot.") % {"table": table.label},
                field="table",
            )
        )
    slots = list(mission.slots.all())
    blocked = blocked_slots(mission, slots)
    travel = mission.travel_minutes * 60
    venue = table.room.venue_id
    for person in (request.requester, request.counterpart):
        if slot.index not in participant_slots(person, slots, blocked):
            problems.append(
                Problem(_("%(name)s is not available in this slot.") % {"name": person.name}, field="slot")
            )
        theirs = [o for o in others if person.pk in (o.request.requester_id, o.request.counterpart_id)]
        if any(o.slot_id == slot.pk for o in theirs):
            problems.append(
                Problem(
                    _("%(name)s already has a meeting in this slot.") % {"name": person.name}, field="slot"
                )
            )
        elif any(
            o.table.room.venue_id != venue
            and (
                0 <= (slot.start - o.slot.end).total_seconds() < travel
                or 0 <= (o.slot.start - slot.end).total_seconds() < travel
            )
            for o in theirs
        ):
            problems.append(
                Problem(
                    _("%(name)s has no time to change venue before or after this slot.")
                    % {"name": person.name},
                    field="slot",
                )
            )
    interpreter = None
    if _needs_interpreter(meeting):
        ours, theirs_languages = set(request.requester.language_list), set(request.counterpart.language_list)
        busy: dict[int, int] = {}
        for o in others:
            if o.slot_id == slot.pk and o.interpreter_id is not None:
                busy[o.interpreter_id] = busy.get(o.interpreter_id, 0) + 1
        candidates = [
            i
            for i in mission.interpreters.all()
            if set(i.language_list) & ours
            and set(i.language_list) & theirs_languages
            and slot.index in interpreter_slots(i, slots)
            and busy.get(i.pk, 0) < i.capacity
        ]
        candidates.sort(key=lambda i: (i.pk != meeting.interpreter_id, i.pk))
        if candidates:
            interpreter = candidates[0]
        else:
            problems.append(
                Problem(
                    _("The parties share no language and no interpreter for them is free in this slot."),
                    field="slot",
                )
            )
    return MoveCheck(problems=tuple(problems), interpreter=interpreter)


@transaction.atomic
def move_meeting(*, meeting: ScheduledMeeting, slot: Slot, table: Table) -> ScheduledMeeting:
    """Move ``meeting`` to ``slot`` at ``table`` if nothing conflicts (else :class:`DataError` with every
    conflict); its calendar SEQUENCE goes up by one. On a published mission both parties are emailed."""
    meeting = (
        ScheduledMeeting.objects.select_for_update(of=("self",))
        .select_related("mission", "request__requester", "request__counterpart", "slot", "table__room")
        .get(pk=meeting.pk)
    )
    if meeting.mission.status == MissionStatus.DRAFT:
        raise InvalidStateError(_("Solve the mission before moving meetings."))
    if (meeting.slot_id, meeting.table_id) == (slot.pk, table.pk):
        return meeting
    check = check_move(meeting=meeting, slot=slot, table=table)
    if not check.allowed:
        raise DataError(check.problems)
    meeting.slot = slot
    meeting.table = table
    meeting.interpreter = check.interpreter
    meeting.sequence += 1
    meeting.moved_by_hand = True
    meeting.save()
    mission = meeting.mission
    mission.save(update_fields=["updated_at"])
    if mission.status == MissionStatus.PUBLISHED:
        notify_change(meeting=meeting)
    return meeting
