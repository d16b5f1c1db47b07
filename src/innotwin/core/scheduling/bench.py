"""A synthetic trade-mission event and a benchmark of every backend on it.

:func:`generate_event` builds an event shaped like a real UK–Korea business mission: two sides of
similar size, English for every UK participant and for about half of the Korean ones (so a large share
of cross-side meetings needs an interpreter), days of back-to-back slots with a lunch break, two venues
a short walk apart, partial availability for some people, a few three-party meetings, and requests
whose targets follow a heavy-tailed popularity (a few people are asked for by very many), as at real
brokerage events. :func:`run_benchmark` schedules it with every backend and reports how close each gets
to the LP-relaxation bound.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from innotwin.core.errors import DataError, Problem
from innotwin.core.scheduling.model import (
    Event,
    Interpreter,
    MeetingRequest,
    Participant,
    Priority,
    Slot,
    Table,
)
from innotwin.core.scheduling.result import Schedule
from innotwin.core.scheduling.scheduler import schedule

__all__ = ["generate_event", "run_benchmark"]

_SLOTS_PER_DAY = 8
_MEETING = timedelta(minutes=25)
_STEP = timedelta(minutes=30)
_LUNCH = timedelta(minutes=60)


def _slots(count: int) -> tuple[Slot, ...]:
    zone = ZoneInfo("Asia/Seoul")
    slots = []
    for index in range(count):
        day, position = divmod(index, _SLOTS_PER_DAY)
        start = datetime(2025, 10, 21 + day, 9, 30, tzinfo=zone) + position * _STEP
        if position >= _SLOTS_PER_DAY // 2:
            start += _LUNCH
        slots.append(Slot(index=index, start=start, end=start + _MEETING))
    return tuple(slots)


def _availability(rng: np.random.Generator, n_slots: int) -> frozenset[int]:
    """Most people stay for the whole event; some come for a window; some have a few other commitments."""
    kind = rng.random()
    if kind < 0.7:
        return frozenset(range(n_slots))
    if kind < 0.9:
        length = int(rng.integers(max(1, n_slots // 3), n_slots + 1))
        first = int(rng.integers(0, n_slots - length + 1))
        return frozenset(range(first, first + length))
    holes = set(rng.choice(n_slots, size=min(n_slots - 1, int(rng.integers(1, 4))), replace=False).tolist())
    return frozenset(range(n_slots)) - holes


def _participants(rng: np.random.Generator, count: int, n_slots: int) -> tuple[Participant, ...]:
    people = []
    for n in range(count):
        korean = n % 2 == 1
        if korean:
            languages = {"ko", "en"} if rng.random() < 0.5 else {"ko"}
        else:
            languages = {"en", "ko"} if rng.random() < 0.05 else {"en"}
        side = "KR" if korean else "GB"
        people.append(
            Participant(
                id=f"p{n:05d}",
                organisation=f"{side}-org-{int(rng.integers(0, max(1, count // 3))):04d}",
                side=side,
                languages=frozenset(languages),
                availability=_availability(rng, n_slots),
                meeting_cap=int(rng.choice([6, 8, 8, 8, 10])),
            )
        )
    return tuple(people)


def _tables(count: int) -> tuple[Table, ...]:
    """Three quarters of the tables in the main hall, the rest in meeting rooms next door; one table in
    ten (and every room) seats a group."""
    in_hall = (3 * count + 3) // 4
    return tuple(
        Table(
            id=f"t{n:03d}",
            venue="Hall" if n < in_hall else "Rooms",
            capacity=4 if n >= in_hall or n % 10 == 9 else 2,
        )
        for n in range(count)
    )


def _requests(
    rng: np.random.Generator, people: tuple[Participant, ...], count: int
) -> tuple[MeetingRequest, ...]:
    n = len(people)
    popularity = rng.lognormal(mean=0.0, sigma=1.2, size=n)
    by_side = {side: np.array([k for k, p in enumerate(people) if p.side == side]) for side in ("GB", "KR")}
    chosen: dict[tuple[int, ...], MeetingRequest] = {}
    must_count = np.zeros(n, dtype=np.int64)
    while len(chosen) < count:
        asker = int(rng.integers(0, n))
        same_side = rng.random() < 0.15
        side = people[asker].side if same_side else ("KR" if people[asker].side == "GB" else "GB")
        pool = by_side[side]
        odds = popularity[pool] / popularity[pool].sum()
        target = int(rng.choice(pool, p=odds))
        if target == asker:
            continue
        parties = [asker, target]
        if rng.random() < 0.04:
            third = int(rng.integers(0, n))
            if third not in parties:
                parties.append(third)
        key = tuple(sorted(parties))
        if key in chosen:
            old = chosen[key]
            chosen[key] = MeetingRequest(id=old.id, parties=old.parties, priority=old.priority, weight=2.0)
            continue
        must = rng.random() < 0.02 and all(must_count[p] < 3 for p in parties)
        if must:
            must_count[parties] += 1
        chosen[key] = MeetingRequest(
            id=f"r{len(chosen):05d}",
            parties=tuple(people[p].id for p in parties),
            priority=Priority.MUST_MEET if must else Priority.WOULD_LIKE,
            weight=float(rng.choice([1.0, 1.0, 1.0, 1.5])),
        )
    return tuple(chosen.values())


def generate_event(
    *,
    participants: int = 1000,
    requests: int = 6000,
    slots: int = 16,
    tables: int = 60,
    interpreters: int = 10,
    seed: int = 0,
) -> Event:
    """A synthetic mission event of the given size; the same ``seed`` gives the same event.

    Raises :class:`~innotwin.core.errors.DataError` for sizes that cannot make an event. Complexity:
    O(requests · participants) time for the popularity draws.
    """
    checks = [
        (participants >= 2, "participants", ">= 2", participants),
        (
            0 <= requests <= participants * (participants - 1) // 2,
            "requests",
            "between 0 and P(P-1)/2",
            requests,
        ),
        (slots >= 1, "slots", ">= 1", slots),
        (tables >= 1, "tables", ">= 1", tables),
        (interpreters >= 0, "interpreters", ">= 0", interpreters),
    ]
    problems = [
        Problem(f"The {name!r} parameter of generate_event must be {rule}. Got {got!r} instead.", field=name)
        for ok, name, rule, got in checks
        if not ok
    ]
    if problems:
        raise DataError(problems)
    rng = np.random.default_rng(seed)
    people = _participants(rng, participants, slots)
    staff = tuple(
        Interpreter(
            id=f"i{n:02d}",
            language_pairs=frozenset({("en", "ko")}),
            availability=frozenset(range(slots)) - {int(rng.integers(0, slots))},
        )
        for n in range(interpreters)
    )
    return Event(
        participants=people,
        slots=_slots(slots),
        tables=_tables(tables),
        requests=_requests(rng, people, requests),
        interpreters=staff,
        travel_time=timedelta(minutes=10),
    )


def _timed(event: Event, **options: Any) -> tuple[Schedule, float]:
    started = time.perf_counter()
    result = schedule(event, **options)
    return result, time.perf_counter() - started


def run_benchmark(
    *,
    participants: int = 1000,
    requests: int = 6000,
    slots: int = 16,
    tables: int = 60,
    interpreters: int = 10,
    seed: int = 1,
    time_limit: float = 60.0,
    fallback_time_limit: float = 2.0,
) -> dict[str, Any]:
    """Schedule a generated event with each backend and compare them with the LP-relaxation bound.

    The exact backend (``"highs"``) runs with ``time_limit`` and computes the bound; the fast fallback
    (``"assignment"``) with ``fallback_time_limit``; the greedy baseline without limit. ``*_seconds`` are
    the backends' own times, ``*_wall_seconds`` include compiling, must-meets and the reasons.
    """
    event = generate_event(
        participants=participants,
        requests=requests,
        slots=slots,
        tables=tables,
        interpreters=interpreters,
        seed=seed,
    )
    exact, exact_wall = _timed(event, solver="highs", time_limit=time_limit, random_state=seed)
    fallback, fallback_wall = _timed(
        event, solver="assignment", time_limit=fallback_time_limit, random_state=seed, bound=False
    )
    greedy, greedy_wall = _timed(event, solver="greedy", random_state=seed, bound=False)
    bound = exact.bound if exact.bound is not None else float("nan")
    return {
        "instance": {
            "participants": participants,
            "requests": requests,
            "slots": slots,
            "tables": tables,
            "interpreters": interpreters,
            "seed": seed,
            "time_limit": time_limit,
            "fallback_time_limit": fallback_time_limit,
        },
        "bound": bound,
        "bound_exact": exact.bound_exact,
        "bound_seconds": exact.bound_seconds,
        "value": exact.value,
        "value_ratio": exact.value / bound,
        "status": exact.status.value,
        "seconds": exact.solve_seconds,
        "wall_seconds": exact_wall,
        "fallback_value": fallback.value,
        "fallback_ratio": fallback.value / bound,
        "fallback_seconds": fallback.solve_seconds,
        "fallback_wall_seconds": fallback_wall,
        "greedy_value": greedy.value,
        "greedy_ratio": greedy.value / bound,
        "greedy_seconds": greedy.solve_seconds,
        "greedy_wall_seconds": greedy_wall,
        "meetings": len(exact.meetings),
        "must_meet_conflicts": len(exact.conflicts),
        "unscheduled": exact.unscheduled_by_reason(),
        "fallback_unscheduled": fallback.unscheduled_by_reason(),
        "greedy_unscheduled": greedy.unscheduled_by_reason(),
    }
