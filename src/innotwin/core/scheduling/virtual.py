"""Virtual meetings between countries: common working hours, and fair recurring series.

Times are computed in UTC and read in each side's IANA zone with :mod:`zoneinfo`, so daylight saving is
whatever the tz database says for that date: the weeks when only one side changes clock (the UK in late
March and late October; Korea keeps no daylight saving) come out right without special cases.

A slot is *possible* when, for every side, it starts and ends inside that side's working hours on one of
its working days. Its *burden* for a side is the number of minutes it lies outside that side's core hours
(the early start or the late finish). :func:`plan_virtual_series` picks one slot per occurrence so that
the largest cumulative burden of any side is as small as possible at every step (a greedy min-max
rotation): the early and the late end of the day take turns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from innotwin.core.errors import DataError, Problem

__all__ = ["KOREA", "UK", "Side", "VirtualSeries", "VirtualSlot", "find_virtual_slots", "plan_virtual_series"]


@dataclass(frozen=True, kw_only=True)
class Side:
    """One side of a virtual meeting: its IANA time ``zone``, working hours ``start``–``end`` on the
    ``weekdays`` (Monday 0), and the core hours ``core_start``–``core_end`` outside which a meeting is a
    burden."""

    name: str
    zone: str
    start: time = time(8, 0)
    end: time = time(19, 0)
    core_start: time = time(9, 0)
    core_end: time = time(17, 30)
    weekdays: frozenset[int] = frozenset(range(5))


UK = Side(name="UK", zone="Europe/London")
KOREA = Side(name="Korea", zone="Asia/Seoul")


@dataclass(frozen=True, kw_only=True)
class VirtualSlot:
    """A possible virtual meeting: ``start`` and ``end`` in UTC, ``local_starts`` per side in its zone,
    and ``burden`` per side in minutes outside core hours."""

    start: datetime
    end: datetime
    local_starts: tuple[datetime, ...]
    burden: tuple[int, ...]


@dataclass(frozen=True, kw_only=True)
class VirtualSeries:
    """A recurring series: the chosen ``meetings``, the occurrence dates with no possible slot
    (``skipped``), and each side's total burden in minutes."""

    meetings: tuple[VirtualSlot, ...]
    skipped: tuple[date, ...]
    burden: tuple[int, ...]


def _zones(sides: Sequence[Side]) -> tuple[ZoneInfo, ...]:
    problems = []
    zones = []
    for side in sides:
        try:
            zones.append(ZoneInfo(side.zone))
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(
                Problem(f"zone must be an IANA time zone. Got {side.zone!r}.", field=f"sides[{side.name}]")
            )
        if not side.start < side.end:
            problems.append(
                Problem(
                    f"start must be before end. Got {side.start}–{side.end}.", field=f"sides[{side.name}]"
                )
            )
    if len(sides) < 2:
        problems.append(Problem(f"sides must name at least two sides. Got {len(sides)}.", field="sides"))
    if problems:
        raise DataError(problems)
    return tuple(zones)


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _burden(side: Side, local_start: datetime, local_end: datetime) -> int:
    start = _minutes(local_start.time())
    end = start + int((local_end - local_start).total_seconds() // 60)
    early = max(0, min(end, _minutes(side.core_start)) - start)
    late = max(0, end - max(start, _minutes(side.core_end)))
    return early + late


def _inside(side: Side, local_start: datetime, local_end: datetime) -> bool:
    return (
        local_start.weekday() in side.weekdays
        and local_start.date() == local_end.date()
        and side.start <= local_start.time()
        and local_end.time() <= side.end
    )


def find_virtual_slots(
    *,
    first: date,
    last: date,
    duration: timedelta = timedelta(minutes=60),
    sides: Sequence[Side] = (UK, KOREA),
    step: timedelta = timedelta(minutes=15),
) -> tuple[VirtualSlot, ...]:
    """Every slot of ``duration``, starting on the ``step`` grid in UTC, that lies inside every side's
    working hours, for the UTC days ``first`` to ``last`` inclusive; in time order.

    Raises :class:`~innotwin.core.errors.DataError` for an unknown zone or inverted hours.

    Complexity: O(D·(24 h / step)·n) for D days and n sides.
    """
    zones = _zones(sides)
    if duration <= timedelta(0) or step <= timedelta(0):
        raise DataError(f"duration and step must be positive. Got {duration} and {step}.")
    slots = []
    moment = datetime.combine(first, time(0), tzinfo=UTC)
    stop = datetime.combine(last + timedelta(days=1), time(0), tzinfo=UTC)
    while moment < stop:
        end = moment + duration
        starts = tuple(moment.astimezone(zone) for zone in zones)
        ends = tuple(end.astimezone(zone) for zone in zones)
        if all(_inside(side, s, e) for side, s, e in zip(sides, starts, ends, strict=True)):
            burden = tuple(_burden(side, s, e) for side, s, e in zip(sides, starts, ends, strict=True))
            slots.append(VirtualSlot(start=moment, end=end, local_starts=starts, burden=burden))
        moment += step
    return tuple(slots)


def plan_virtual_series(
    *,
    first: date,
    occurrences: int,
    every: timedelta = timedelta(days=7),
    duration: timedelta = timedelta(minutes=60),
    sides: Sequence[Side] = (UK, KOREA),
    step: timedelta = timedelta(minutes=15),
) -> VirtualSeries:
    """A recurring series of ``occurrences`` meetings, one on each UTC date ``first + k·every``, each at
    the possible slot that keeps the largest cumulative burden of any side smallest (ties: the smaller
    total burden, then the earlier slot). Dates with no possible slot are listed in ``skipped``.

    Complexity: O(occurrences · (24 h / step) · n) for n sides.
    """
    totals = [0] * len(sides)
    chosen: list[VirtualSlot] = []
    skipped: list[date] = []
    for k in range(occurrences):
        day = first + k * every
        options = find_virtual_slots(first=day, last=day, duration=duration, sides=sides, step=step)
        if not options:
            skipped.append(day)
            continue
        best = min(
            options,
            key=lambda slot: (
                max(total + extra for total, extra in zip(totals, slot.burden, strict=True)),
                sum(slot.burden),
                slot.start,
            ),
        )
        totals = [total + extra for total, extra in zip(totals, best.burden, strict=True)]
        chosen.append(best)
    return VirtualSeries(meetings=tuple(chosen), skipped=tuple(skipped), burden=tuple(totals))
