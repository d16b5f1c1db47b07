"""iCalendar (RFC 5545) feeds of a schedule: one person's agenda or a whole mission.

Pure functions: the same meetings, revisions and stamp give the same bytes. Times are written in UTC
(``…Z``), which every calendar client converts to the reader's zone, so no VTIMEZONE is needed. Each
meeting's UID is derived from the event and the request, so it is stable across re-scheduling; the
caller keeps a revision number per request (see :func:`next_revisions`), written as SEQUENCE, so that a
client replaces a moved meeting instead of adding a second one. The calendar is ``METHOD:PUBLISH``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from innotwin.core.errors import DataError
from innotwin.core.scheduling.result import Meeting, Schedule

__all__ = ["agenda_ics", "meeting_uid", "mission_ics", "next_revisions"]

_PRODID = "-//innotwin//meeting scheduler//EN"


def meeting_uid(event_id: str, request_id: str) -> str:
    """The stable iCalendar UID of the meeting for ``request_id`` at event ``event_id``."""
    return f"{event_id}-{request_id}@innotwin"


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


def _calendar(
    meetings: Iterable[Meeting],
    *,
    event_id: str,
    event_name: str,
    stamp: datetime,
    revisions: Mapping[str, int],
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
    for meeting in sorted(meetings, key=lambda m: (m.start, m.request_id)):
        lines += _event_lines(
            meeting,
            event_id=event_id,
            event_name=event_name,
            stamp=stamp,
            revision=revisions.get(meeting.request_id, 0),
        )
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
) -> str:
    """One participant's meetings as an iCalendar feed. ``stamp`` (aware) is the DTSTAMP; ``revisions``
    maps request ids to SEQUENCE numbers (0 when absent). Complexity: O(M) for M meetings."""
    return _calendar(
        schedule.agenda(participant_id),
        event_id=event_id,
        event_name=event_name,
        stamp=stamp,
        revisions=revisions or {},
    )


def mission_ics(
    schedule: Schedule,
    *,
    event_id: str,
    event_name: str,
    stamp: datetime,
    revisions: Mapping[str, int] | None = None,
) -> str:
    """Every meeting of the schedule as one iCalendar feed, for the mission's organisers; arguments as
    :func:`agenda_ics`. Complexity: O(M log M) for M meetings."""
    return _calendar(
        schedule.meetings, event_id=event_id, event_name=event_name, stamp=stamp, revisions=revisions or {}
    )
