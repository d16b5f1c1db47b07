"""The verification workflow: reported → verified → disputed, who and when and why, never one's own."""

from __future__ import annotations

import pytest

from innotwin.core.errors import DataError, InvalidStateError, PermissionDeniedError
from innotwin.impact.domain.observations import change_status
from innotwin.impact.domain.summary import impact_summary
from tests.impact.conftest import report_jobs

pytestmark = pytest.mark.django_db


def test_a_report_is_verified_then_disputed_with_the_history_kept(pair, organisations, people):
    observation = report_jobs(pair, organisations["uk"], reporter=people["member"])
    change_status(observation=observation, to="verified", reason="", actor=people["coordinator"])
    change_status(
        observation=observation, to="disputed", reason="Two of the jobs are part-time.", actor=people["admin"]
    )
    history = list(
        observation.status_changes.values_list("from_status", "to_status", "actor__email", "reason")
    )
    assert history == [
        ("", "reported", "member@example.org", ""),
        ("reported", "verified", "coordinator@example.org", ""),
        ("verified", "disputed", "admin@example.org", "Two of the jobs are part-time."),
    ]


def test_only_verified_observations_count_in_the_headline(pair, organisations, people):
    observation = report_jobs(pair, organisations["uk"], reporter=people["member"], value=5)
    jobs = impact_summary(people["admin"], pair=pair).headline("jobs_created")
    assert (jobs.verified, jobs.awaiting) == (0, 5)
    change_status(observation=observation, to="verified", reason="", actor=people["coordinator"])
    assert impact_summary(people["admin"], pair=pair).headline("jobs_created").verified == 5
    change_status(observation=observation, to="disputed", reason="Doubtful.", actor=people["coordinator"])
    jobs = impact_summary(people["admin"], pair=pair).headline("jobs_created")
    assert (jobs.verified, jobs.awaiting) == (0, 0)


def test_the_reporter_cannot_verify_their_own_even_as_administrator(pair, organisations, people):
    observation = report_jobs(pair, organisations["uk"], reporter=people["admin"])
    with pytest.raises(PermissionDeniedError):
        change_status(observation=observation, to="verified", reason="", actor=people["admin"])


def test_a_dispute_needs_a_reason_and_unknown_moves_are_refused(pair, organisations, people):
    observation = report_jobs(pair, organisations["uk"], reporter=people["member"])
    with pytest.raises(DataError, match="Say why"):
        change_status(observation=observation, to="disputed", reason="", actor=people["coordinator"])
    with pytest.raises(DataError, match="not a status"):
        change_status(observation=observation, to="approved", reason="", actor=people["coordinator"])
    change_status(observation=observation, to="verified", reason="", actor=people["coordinator"])
    with pytest.raises(InvalidStateError):
        change_status(observation=observation, to="reported", reason="again", actor=people["coordinator"])


def test_reviving_a_disputed_observation_checks_double_counting_again(pair, organisations, people):
    first = report_jobs(pair, organisations["uk"], reporter=people["member"], project="A")
    change_status(observation=first, to="disputed", reason="Wrong project.", actor=people["coordinator"])
    second = report_jobs(pair, organisations["uk"], reporter=people["member"], project="B")
    with pytest.raises(DataError, match=f"already reported by observation {second.pk}"):
        change_status(
            observation=first, to="verified", reason="It was right after all.", actor=people["coordinator"]
        )
