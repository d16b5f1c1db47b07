"""Setting a mission up: the mission, its venues, rooms and tables, the slot grid, the agenda, the
participants and the interpreters. Every function checks its input, lists every problem at once in a
:class:`~innotwin.core.errors.DataError`, and writes inside one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, InvalidStateError, Problem
from innotwin.missions.enums import AgendaKind, MissionStatus
from innotwin.missions.models import (
    AgendaItem,
    Interpreter,
    Mission,
    Participant,
    Room,
    Slot,
    Table,
    Venue,
)
from innotwin.organisations.models import Organisation, Person
from innotwin.pairs.models import TwinPair
from innotwin.regions.models import Region

Window = tuple[dt.datetime, dt.datetime]


def zone_problem(zone: str, field: str) -> Problem | None:
    """A problem when ``zone`` is not an IANA time zone, else None."""
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return Problem(
            _("%(zone)s is not an IANA time zone; write it like Europe/London or Asia/Seoul.")
            % {"zone": zone},
            field=field,
        )
    return None


def require_draft(mission: Mission) -> None:
    """Raise :class:`InvalidStateError` unless ``mission`` is still a draft or in review."""
    if mission.status == MissionStatus.PUBLISHED:
        raise InvalidStateError(
            _("The mission %(title)s is published; its set-up can no longer change.")
            % {"title": mission.title}
        )


def _languages(codes: Iterable[str], field: str, problems: list[Problem]) -> str:
    cleaned = [code.strip().lower() for code in codes if code.strip()]
    if not cleaned or any(len(code) != 2 or not code.isalpha() for code in cleaned):
        problems.append(
            Problem(_("Give the languages as two-letter ISO 639-1 codes, such as en or ko."), field=field)
        )
    return ",".join(dict.fromkeys(cleaned))


def _windows(windows: Sequence[Window], field: str, problems: list[Problem]) -> list[list[str]]:
    stored = []
    for start, end in windows:
        if start.tzinfo is None or end.tzinfo is None or end <= start:
            problems.append(
                Problem(
                    _("Each availability window needs a start before its end, with a time zone."), field=field
                )
            )
            continue
        stored.append([start.isoformat(), end.isoformat()])
    return stored


@transaction.atomic
def create_mission(
    *,
    pair: TwinPair,
    title_en: str,
    title_ko: str = "",
    host_region: str,
    host_city: str,
    starts_on: dt.date,
    ends_on: dt.date,
    time_zone: str,
    travel_minutes: int = 15,
    slug: str = "",
    is_demo: bool = False,
) -> Mission:
    """A new draft mission of ``pair`` hosted in the region with code ``host_region``."""
    problems: list[Problem] = []
    if not (title_en.strip() or title_ko.strip()):
        problems.append(Problem(_("Give the mission a title in English or Korean."), field="title_en"))
    region = Region.objects.filter(code=host_region).first()
    if region is None:
        problems.append(
            Problem(
                _("There is no region with the code %(code)s.") % {"code": host_region}, field="host_region"
            )
        )
    elif host_region not in (pair.region_a_id, pair.region_b_id):
        problems.append(
            Problem(_("The host region must be one of the pair's two regions."), field="host_region")
        )
    if not host_city.strip():
        problems.append(Problem(_("The host city is required."), field="host_city"))
    if ends_on < starts_on:
        problems.append(Problem(_("The last day must not be before the first day."), field="ends_on"))
    if (ends_on - starts_on).days > 30:
        problems.append(Problem(_("A mission lasts at most 31 days."), field="ends_on"))
    zone = zone_problem(time_zone, "time_zone")
    if zone:
        problems.append(zone)
    slug = slug or slugify(f"{pair.slug}-{starts_on.isoformat()}-{title_en or 'mission'}")[:120]
    if Mission.objects.filter(slug=slug).exists():
        problems.append(
            Problem(_("A mission with the slug %(slug)s already exists.") % {"slug": slug}, field="slug")
        )
    if problems:
        raise DataError(problems)
    return Mission.objects.create(
        pair=pair,
        slug=slug,
        title_en=title_en.strip(),
        title_ko=title_ko.strip(),
        host_region=region,
        host_city=host_city.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        time_zone=time_zone,
        travel_minutes=travel_minutes,
        is_demo=is_demo,
    )


@transaction.atomic
def add_venue(*, mission: Mission, name_en: str, name_ko: str = "", address: str = "") -> Venue:
    require_draft(mission)
    if not (name_en.strip() or name_ko.strip()):
        raise DataError([Problem(_("Give the venue a name."), field="name_en")])
    return Venue.objects.create(
        mission=mission, name_en=name_en.strip(), name_ko=name_ko.strip(), address=address
    )


@transaction.atomic
def add_room(*, venue: Venue, name: str, capacity: int, tables: int = 0, seats: int = 2) -> Room:
    """A room of ``capacity`` people at ``venue``, with ``tables`` tables of ``seats`` seats each."""
    require_draft(venue.mission)
    problems = []
    if not name.strip():
        problems.append(Problem(_("Give the room a name."), field="name"))
    if seats < 2:
        problems.append(Problem(_("A table seats at least 2 people."), field="seats"))
    if tables * seats > capacity:
        problems.append(
            Problem(
                _("%(tables)s tables of %(seats)s seats need %(need)s places; the room holds %(capacity)s.")
                % {"tables": tables, "seats": seats, "need": tables * seats, "capacity": capacity},
                field="capacity",
            )
        )
    if problems:
        raise DataError(problems)
    room = Room.objects.create(venue=venue, name=name.strip(), capacity=capacity)
    Table.objects.bulk_create(
        Table(room=room, label=f"{name.strip()[:1].upper()}{n}", capacity=seats) for n in range(1, tables + 1)
    )
    return room


@transaction.atomic
def add_table(*, room: Room, label: str, capacity: int = 2) -> Table:
    require_draft(room.venue.mission)
    used = sum(table.capacity for table in room.tables.all())
    problems = []
    if capacity < 2:
        problems.append(Problem(_("A table seats at least 2 people."), field="capacity"))
    if used + capacity > room.capacity:
        problems.append(
            Problem(
                _("The room holds %(capacity)s people and its tables already seat %(used)s.")
                % {"capacity": room.capacity, "used": used},
                field="capacity",
            )
        )
    if room.tables.filter(label=label).exists():
        problems.append(
            Problem(_("The room already has a table %(label)s.") % {"label": label}, field="label")
        )
    if problems:
        raise DataError(problems)
    return Table.objects.create(room=room, label=label, capacity=capacity)


def slot_times(
    *,
    days: Sequence[dt.date],
    zone: str,
    day_start: dt.time,
    day_end: dt.time,
    minutes: int,
    breaks: Sequence[tuple[dt.time, dt.time]] = (),
) -> list[Window]:
    """The slots of ``minutes`` from ``day_start`` to ``day_end`` (local time in ``zone``) on each day,
    skipping any slot that overlaps a break; aware datetimes in ``zone``, in time order."""
    tz = ZoneInfo(zone)
    windows = []
    for day in days:
        moment = dt.datetime.combine(day, day_start, tzinfo=tz)
        stop = dt.datetime.combine(day, day_end, tzinfo=tz)
        while moment + dt.timedelta(minutes=minutes) <= stop:
            end = moment + dt.timedelta(minutes=minutes)
            clash = next(
                (
                    dt.datetime.combine(day, b_end, tzinfo=tz)
                    for b_start, b_end in breaks
                    if moment < dt.datetime.combine(day, b_end, tzinfo=tz)
                    and dt.datetime.combine(day, b_start, tzinfo=tz) < end
                ),
                None,
            )
            if clash is not None:
                moment = clash
                continue
            windows.append((moment, end))
            moment = end
    return windows


@transaction.atomic
def generate_slots(
    *,
    mission: Mission,
    day_start: dt.time,
    day_end: dt.time,
    minutes: int,
    breaks: Sequence[tuple[dt.time, dt.time]] = (),
    days: Sequence[dt.date] | None = None,
    venue: Venue | None = None,
) -> list[Slot]:
    """Add the slot grid for ``days`` (default: every day of the mission) in the mission's time zone,
    after any slots it already has. ``venue`` confines these slots' meetings to that venue."""
    require_draft(mission)
    problems = []
    if not 5 <= minutes <= 240:
        problems.append(Problem(_("A slot lasts between 5 and 240 minutes."), field="minutes"))
    if day_end <= day_start:
        problems.append(Problem(_("The day must end after it starts."), field="day_end"))
    all_days = [
        mission.starts_on + dt.timedelta(days=n)
        for n in range((mission.ends_on - mission.starts_on).days + 1)
    ]
    chosen = list(days) if days is not None else all_days
    if any(day not in all_days for day in chosen):
        problems.append(Problem(_("Slots can only be on the days of the mission."), field="days"))
    if venue is not None and venue.mission_id != mission.pk:
        problems.append(Problem(_("The venue belongs to another mission."), field="venue"))
    if problems:
        raise DataError(problems)
    windows = slot_times(
        days=chosen,
        zone=mission.time_zone,
        day_start=day_start,
        day_end=day_end,
        minutes=minutes,
        breaks=breaks,
    )
    existing = list(mission.slots.all())
    overlapping = [
        (start, end) for start, end in windows if any(s.start < end and start < s.end for s in existing)
    ]
    if overlapping:
        raise DataError(
            [
                Problem(
                    _("These slots overlap slots the mission already has: %(first)s.")
                    % {"first": overlapping[0][0]},
                    field="days",
                )
            ]
        )
    first = max((slot.index for slot in existing), default=-1) + 1
    return Slot.objects.bulk_create(
        Slot(mission=mission, index=first + n, start=start, end=end, venue=venue)
        for n, (start, end) in enumerate(windows)
    )


@transaction.atomic
def add_agenda_item(
    *,
    mission: Mission,
    kind: AgendaKind | str,
    title_en: str,
    title_ko: str = "",
    start: dt.datetime,
    end: dt.datetime,
    venue: Venue | None = None,
    location: str = "",
) -> AgendaItem:
    """A shared programme item. Everyone attends it, so no meeting is scheduled in a slot it overlaps."""
    require_draft(mission)
    problems = []
    if kind not in AgendaKind.values:
        problems.append(
            Problem(
                _("Choose one of the agenda kinds: %(kinds)s.") % {"kinds": ", ".join(AgendaKind.values)},
                field="kind",
            )
        )
    if not (title_en.strip() or title_ko.strip()):
        problems.append(Problem(_("Give the agenda item a title."), field="title_en"))
    if start.tzinfo is None or end.tzinfo is None or end <= start:
        problems.append(
            Problem(_("The item must end after it starts; give times with a time zone."), field="end")
        )
    if problems:
        raise DataError(problems)
    return AgendaItem.objects.create(
        mission=mission,
        kind=kind,
        title_en=title_en,
        title_ko=title_ko,
        start=start,
        end=end,
        venue=venue,
        location=location,
    )


@transaction.atomic
def add_participant(
    *,
    mission: Mission,
    name: str = "",
    side: str,
    languages: Iterable[str],
    time_zone: str = "",
    email: str = "",
    organisation: Organisation | None = None,
    organisation_name: str = "",
    person: Person | None = None,
    user: object | None = None,
    preferred_language: str = "en",
    meeting_cap: int = 8,
    availability: Sequence[Window] = (),
) -> Participant:
    """A participant, best taken from the registry (``person`` and its organisation); ``time_zone``
    defaults to the mission's. ``availability`` windows limit when they can meet (none: always)."""
    require_draft(mission)
    problems: list[Problem] = []
    if person is not None:
        organisation = organisation or person.organisation
        name = name or person.full_name
        email = email or person.email
        user = user or person.user
    if not name.strip():
        problems.append(Problem(_("The name is required."), field="name"))
    if organisation is None and not organisation_name.strip():
        problems.append(
            Problem(
                _("Name the participant's organisation or pick it from the registry."), field="organisation"
            )
        )
    if len(side) != 2 or not side.isalpha():
        problems.append(Problem(_("The country is a two-letter code such as GB or KR."), field="side"))
    codes = _languages(languages, "languages", problems)
    zone = time_zone or mission.time_zone
    zone_issue = zone_problem(zone, "time_zone")
    if zone_issue:
        problems.append(zone_issue)
    if preferred_language not in ("en", "ko"):
        problems.append(
            Problem(_("The language of the agenda must be en or ko."), field="preferred_language")
        )
    if not 0 <= meeting_cap <= 100:
        problems.append(Problem(_("The most meetings is a number from 0 to 100."), field="meeting_cap"))
    windows = _windows(availability, "availability", problems)
    if problems:
        raise DataError(problems)
    return Participant.objects.create(
        mission=mission,
        name=name.strip(),
        email=email.strip(),
        organisation=organisation,
        organisation_name=organisation_name.strip(),
        person=person,
        user=user,
        side=side.upper(),
        languages=codes,
        preferred_language=preferred_language,
        time_zone=zone,
        meeting_cap=meeting_cap,
        availability=windows,
    )


@transaction.atomic
def add_interpreter(
    *,
    mission: Mission,
    name: str,
    languages: Iterable[str] = ("en", "ko"),
    capacity: int = 1,
    availability: Sequence[Window] = (),
) -> Interpreter:
    require_draft(mission)
    problems: list[Problem] = []
    if not name.strip():
        problems.append(Problem(_("The name is required."), field="name"))
    codes = _languages(languages, "languages", problems)
    if len(codes.split(",")) < 2:
        problems.append(Problem(_("An interpreter works between at least two languages."), field="languages"))
    if capacity < 1:
        problems.append(Problem(_("An interpreter serves at least one meeting at a time."), field="capacity"))
    windows = _windows(availability, "availability", problems)
    if problems:
        raise DataError(problems)
    return Interpreter.objects.create(
        mission=mission, name=name.strip(), languages=codes, capacity=capacity, availability=windows
    )
