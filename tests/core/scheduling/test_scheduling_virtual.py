"""Virtual meetings across time zones, including the weeks when only the UK changes clock."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import pytest

from innotwin.core.errors import DataError
from innotwin.core.scheduling import KOREA, UK, Side, find_virtual_slots, plan_virtual_series


def _per_day(first: date, last: date) -> dict[date, int]:
    return dict(Counter(slot.start.date() for slot in find_virtual_slots(first=first, last=last)))


def test_find_virtual_slots_late_march_gains_an_hour_when_uk_springs_forward() -> None:
    """Working hours 08:00–19:00 on both sides. Until Sunday 30 March 2025 London is UTC+0, so the
    overlap is 08:00–10:00 UTC (Seoul 17:00–19:00): five one-hour starts on the quarter hour. From
    Monday 31 March London is UTC+1 and Seoul (no daylight saving) unchanged: 07:00–10:00 UTC, nine."""
    week_before = {date(2025, 3, day): 5 for day in range(24, 29)}
    week_after = {date(2025, 3, 31): 9, **{date(2025, 4, day): 9 for day in range(1, 5)}}

    assert _per_day(date(2025, 3, 24), date(2025, 4, 4)) == week_before | week_after


def test_find_virtual_slots_late_october_loses_an_hour_when_uk_falls_back() -> None:
    """London is UTC+1 until Sunday 26 October 2025 and UTC+0 after; Seoul is UTC+9 throughout."""
    assert _per_day(date(2025, 10, 20), date(2025, 10, 31)) == {
        **{date(2025, 10, day): 9 for day in range(20, 25)},
        **{date(2025, 10, day): 5 for day in range(27, 32)},
    }


def test_find_virtual_slots_first_slot_after_change_reads_in_both_zones() -> None:
    first = find_virtual_slots(first=date(2025, 3, 31), last=date(2025, 3, 31))[0]

    assert first.start == datetime(2025, 3, 31, 7, 0, tzinfo=UTC)
    assert [local.strftime("%a %H:%M %Z") for local in first.local_starts] == [
        "Mon 08:00 BST",
        "Mon 16:00 KST",
    ]
    assert first.burden == (60, 0)


def test_find_virtual_slots_weekend_in_one_zone_has_none() -> None:
    assert find_virtual_slots(first=date(2025, 6, 7), last=date(2025, 6, 8)) == ()


def test_find_virtual_slots_unknown_zone_raises_data_error() -> None:
    with pytest.raises(DataError) as caught:
        find_virtual_slots(
            first=date(2025, 6, 2), last=date(2025, 6, 2), sides=(UK, Side(name="X", zone="Mars/Base"))
        )

    assert [problem.field for problem in caught.value.problems] == ["sides[X]"]


def test_plan_virtual_series_alternates_early_and_late_burden() -> None:
    """In June, hourly starts give London 08:00 (UK 60 minutes early, Korea 16:00 comfortable) or
    London 09:00 or 10:00 (Korea 60 minutes late after its 17:00 core end). Minimising the larger running
    total alternates 08:00 and 09:00 London: 60 minutes each way, twice."""
    korea = Side(name="Korea", zone="Asia/Seoul", core_end=time(17, 0))

    series = plan_virtual_series(
        first=date(2025, 6, 2), occurrences=4, sides=(UK, korea), step=timedelta(hours=1)
    )

    assert [m.local_starts[0].strftime("%d %H:%M") for m in series.meetings] == [
        "02 08:00",
        "09 09:00",
        "16 08:00",
        "23 09:00",
    ]
    assert series.burden == (120, 120)
    assert series.skipped == ()


def test_plan_virtual_series_weekend_occurrence_is_skipped() -> None:
    series = plan_virtual_series(first=date(2025, 6, 6), occurrences=2, every=timedelta(days=1))

    assert (len(series.meetings), series.skipped) == (1, (date(2025, 6, 7),))


def test_plan_virtual_series_defaults_pair_uk_and_korea() -> None:
    series = plan_virtual_series(first=date(2025, 10, 20), occurrences=2)

    assert [str(m.local_starts[1].tzinfo) for m in series.meetings] == [KOREA.zone, KOREA.zone]
    assert [m.start.date() for m in series.meetings] == [date(2025, 10, 20), date(2025, 10, 27)]
