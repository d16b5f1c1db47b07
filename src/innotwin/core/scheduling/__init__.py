"""The meeting scheduler: optimised 1:1 and small-group meetings for missions and brokerage events.

Inputs are frozen dataclasses (:class:`Event` with its :class:`Participant`, :class:`Slot`,
:class:`Table`, :class:`Interpreter` and :class:`MeetingRequest` records); :func:`schedule` returns a
:class:`Schedule` whose unscheduled requests and must-meet conflicts are data with a reason code and an
English and Korean message, never exceptions. :func:`find_virtual_slots` and :func:`plan_virtual_series`
place online meetings across time zones; :func:`agenda_ics` and :func:`mission_ics` export iCalendar.
The method is specified in ``docs/methods/scheduling.md``.
"""

from innotwin.core.scheduling.backends import (
    GreedySolver,
    HighsSolver,
    SlotAssignmentSolver,
    Solver,
    SolverResult,
    Status,
)
from innotwin.core.scheduling.ical import (
    ProgrammeItem,
    agenda_ics,
    meeting_uid,
    mission_ics,
    next_revisions,
    programme_uid,
)
from innotwin.core.scheduling.instance import Instance, compile_event
from innotwin.core.scheduling.model import (
    Event,
    Interpreter,
    MeetingRequest,
    Participant,
    Priority,
    Slot,
    Table,
    validate_event,
)
from innotwin.core.scheduling.phrases import Reason
from innotwin.core.scheduling.result import Conflict, Meeting, Schedule, Unscheduled
from innotwin.core.scheduling.scheduler import SOLVERS, schedule
from innotwin.core.scheduling.virtual import (
    KOREA,
    UK,
    Side,
    VirtualSeries,
    VirtualSlot,
    find_virtual_slots,
    plan_virtual_series,
)

__all__ = [
    "KOREA",
    "SOLVERS",
    "UK",
    "Conflict",
    "Event",
    "GreedySolver",
    "HighsSolver",
    "Instance",
    "Interpreter",
    "Meeting",
    "MeetingRequest",
    "Participant",
    "Priority",
    "ProgrammeItem",
    "Reason",
    "Schedule",
    "Side",
    "Slot",
    "SlotAssignmentSolver",
    "Solver",
    "SolverResult",
    "Status",
    "Table",
    "Unscheduled",
    "VirtualSeries",
    "VirtualSlot",
    "agenda_ics",
    "compile_event",
    "find_virtual_slots",
    "meeting_uid",
    "mission_ics",
    "next_revisions",
    "plan_virtual_series",
    "programme_uid",
    "schedule",
    "validate_event",
]
