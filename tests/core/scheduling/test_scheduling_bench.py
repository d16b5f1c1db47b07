"""The benchmark generator and runner, on a small instance."""

from __future__ import annotations

import pytest

from innotwin.core.errors import DataError
from innotwin.core.scheduling import Priority
from innotwin.core.scheduling.bench import generate_event, run_benchmark


def test_generate_event_same_seed_gives_same_event() -> None:
    assert generate_event(
        participants=30, requests=60, slots=4, tables=5, interpreters=2, seed=3
    ) == generate_event(participants=30, requests=60, slots=4, tables=5, interpreters=2, seed=3)


def test_generate_event_has_requested_size_and_skewed_popularity() -> None:
    event = generate_event(participants=200, requests=800, slots=8, tables=12, interpreters=3, seed=1)
    asked = sorted(
        (
            sum(1 for request in event.requests if pid in request.parties)
            for pid in {p.id for p in event.participants}
        ),
        reverse=True,
    )

    assert (len(event.participants), len(event.requests), len(event.slots), len(event.tables)) == (
        200,
        800,
        8,
        12,
    )
    assert len(event.interpreters) == 3
    assert sum(asked[:20]) > 2 * sum(asked[-20:])
    assert {request.priority for request in event.requests} == {Priority.MUST_MEET, Priority.WOULD_LIKE}


def test_run_benchmark_reports_every_backend_against_the_bound() -> None:
    report = run_benchmark(
        participants=40,
        requests=120,
        slots=4,
        tables=6,
        interpreters=2,
        seed=2,
        time_limit=10.0,
        fallback_time_limit=1.0,
    )

    assert report["bound_exact"] is True
    assert [report[key] <= 1 + 1e-9 for key in ("value_ratio", "fallback_ratio", "greedy_ratio")] == [
        True
    ] * 3
    assert sum(report["unscheduled"].values()) + report["meetings"] == 120


def test_generate_event_impossible_size_raises_data_error() -> None:
    with pytest.raises(DataError) as caught:
        generate_event(participants=3, requests=10, slots=0)

    assert [problem.field for problem in caught.value.problems] == ["requests", "slots"]
