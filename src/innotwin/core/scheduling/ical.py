"""iCalendar (RFC 5545) feeds of a schedule: one person's agenda or a whole mission.

Pure functions: the same meetings, revisions and stamp give the same bytes. Times are written in UTC
(``…Z``), which every calendar client converts to the reader's zone, so no VTIMEZONE is needed. Each
meeting's UID is derived from the event and the request, so it is stable across re-scheduling; the
caller keeps a revision number per request (see :func:`next_revisions`), written as SEQUENCE, so that a
client replaces a moved meeting instead of adding a second one. The event's shared programme (site
visits, signings, panels: :class:`ProgrammeItem`) can go in the same feed, each with its own stable UID.
The calendar is ``METHOD:PUBLISH``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from innotwin.core.errors import DataError
from innotwin.core.scheduling.result import Meeting, Schedule

__all__ = ["ProgrammeItem", "agenda_ics", "meeting_uid", "mission_ics", "next_revisions", "programme_uid"]

_PRODID = "-//innotwin//meeting scheduler//EN"


def meeting_uid(event_id: str, request_id: str) -> str:
    """The stable iCalendar UID of the meeting for ``request_id`` at event ``event_id``."""
    return f"{event_id}-{request_id}@innotwin"


@dataclass(frozen=True)
class ProgrammeItem:
    """Something everyone at the event does together (a site visit, a signing, a panel), for the feeds.
    ``key`` identifies it within the event; ``start`` and ``end`` are aware datetimes."""

    key: str
    title: str
    start: datetime
    end: datetime
    location: str = ""


def programme_uid(event_id: str, key: str) -> str:
    """The stable iCalendar UID of the programme item ``key`` at event ``event_id``."""
    return f"{event_id}-programme-{key}@innotwin"


def next_revisions(
    previous: Iterable[Meeting], current: Iterable[Meeting], revisions: Mapping[str, int]
) -> dict[str, int]:
    """The revision (SEQUENCE) of each current meeting: unchanged meetings keep theirs, new ones start at 0,
    and a meeting whose time, place, table, parties or interpreter changed goes up by one."""
    before = {meeting.request_id: meeting for meeting in previous}
    result = {}
    for meeting in current:
        known = revisions.get(meeting.request_id, 0)
        old = before.get(meeting.request_id)
        result[meeting.request_id] = known if old is None or old == meeting else known + 1
    return result


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1)."""
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_lines(
    meeting: Meeting, *, event_id: str, event_name: str, stamp: datetime, revision: int
) -> list[str]:
    people = ", ".join(meeting.parties)
    description = f"Request {meeting.request_id}. Participants: {people}."
    if meeting.interpreter is not None:
        description += f" Interpreter: {meeting.interpreter}."
    return [
        "BEGIN:VEVENT",
        f"UID:{meeting_uid(event_id, meeting.request_id)}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(meeting.start)}",
        f"DTEND:{_utc(meeting.end)}",
        f"SEQUENCE:{revision}",
        f"SUMMARY:{_escape(f'{event_name}: {people}')}",
        f"LOCATION:{_escape(f'{meeting.venue}, table {meeting.table}')}",
        f"DESCRIPTION:{_escape(description)}",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]


def _programme_lines(item: ProgrammeItem, *, event_id: str, event_name: str, stamp: datetime) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{programme_uid(event_id, item.key)}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(item.start)}",
        f"DTEND:{_utc(item.end)}",
        "SEQUENCE:0",
        f"SUMMARY:{_escape(f'{event_name}: {item.title}')}",
    ]
    if item.location:
        lines.append(f"LOCATION:{_escape(item.location)}")
    return [*lines, "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]


def _calendar(
    meetings: Iterable[Meeting],
    *,
    event_id: str,
    event_name: str,
    stamp: datetime,
    revisions: Mapping[str, int],
    programme: Iterable[ProgrammeItem],
) -> str:
    if stamp.tzinfo is None:
        raise DataError("The 'stamp' parameter must carry a time zone. Got a naive datetime instead.")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(event_name)}",
    ]
    events: list[tuple[datetime, str, list[str]]] = [
        (
            meeting.start,
            meeting_uid(event_id, meeting.request_id),
            _event_lines(
                meeting,
                event_id=event_id,
                event_name=event_name,
                stamp=stamp,
                revision=revisions.get(meeting.request_id, 0),
            ),
        )
        for meeting in meetings
    ]
    events += [
        (
            item.start,
            programme_uid(event_id, item.key),
            _programme_lines(item, event_id=event_id, event_name=event_name, stamp=stamp),
        )
        for item in programme
    ]
    for _start, _uid, event_lines in sorted(events, key=lambda event: (event[0], event[1])):
        lines += event_lines
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def agenda_ics(
    schedule: Schedule,
    participant_id: str,
    *,
    event_id: str,
    event_name: str,
    stamp: datetime,
    revisions: Mapping[str, int] | None = None,
    programme: Iterable[ProgrammeItem] = (),
) -> str:
    """One participant's meetings, and the event's ``programme``, as an iCalendar feed. ``stamp`` (aware)
    is the DTSTAMP; ``revisions`` maps request ids to SEQUENCE numbers (0 when absent). Complexity:
    O(E log E) for E meetings and programme items."""
    return _calendar(
        schedule.agenda(participant_id),
        event_id=event_id,
        event_name=event_name,
        stamp=stamp,
        revisions=revisions or {},
        programme=programme,
    )


def mission_ics(
    schedule: Schedule,
    *,
    event_id: str,
    event_name: str,
    stamp: datetime,
    revisions: Mapping[str, int] | None = None,
    programme: Iterable[ProgrammeItem] = (),
) -> str:
    """Every meeting of the schedule, and the event's ``programme``, as one iCalendar feed; arguments as
    :func:`agenda_ics`. Complexity: O(E log E) for E meetings and programme items."""
    return _calendar(
        schedule.meetings,
        event_id=event_id,
        event_name=event_name,
        stamp=stamp,
        revisions=revisions or {},
        programme=programme,
    )
