"""The verification table, progress against a target, and the funnel."""

from __future__ import annotations

from decimal import Decimal

import pytest

from innotwin.core.errors import DataError, InvalidStateError, PermissionDeniedError
from innotwin.core.impact import Direction, Status, check_transition, funnel, progress


def test_a_reported_observation_is_verified_by_someone_else_without_a_reason() -> None:
    check_transition("reported", "verified", reason="", actor=2, reporter=1)


def test_nobody_verifies_what_they_reported() -> None:
    with pytest.raises(PermissionDeniedError, match="someone else must verify"):
        check_transition(Status.REPORTED, Status.VERIFIED, reason="", actor=1, reporter=1)
    with pytest.raises(PermissionDeniedError):
        check_transition(Status.DISPUTED, Status.VERIFIED, reason="checked again", actor=1, reporter=1)


def test_disputing_needs_a_reason() -> None:
    with pytest.raises(DataError, match="Say why"):
        check_transition("verified", "disputed", reason=" ", actor=2, reporter=1)
    check_transition("verified", "disputed", reason="The MoU was never signed.", actor=2, reporter=1)


def test_moves_outside_the_table_are_refused() -> None:
    with pytest.raises(InvalidStateError, match="cannot become reported"):
        check_transition("verified", "reported", reason="x", actor=2, reporter=1)
    with pytest.raises(InvalidStateError):
        check_transition("reported", "reported", reason="x", actor=2, reporter=1)


def test_an_automatic_observation_can_be_verified_by_anyone_allowed() -> None:
    check_transition("reported", "verified", reason="", actor=1, reporter=None)


def test_progress_towards_a_target() -> None:
    halfway = progress(achieved=Decimal(6), target=Decimal(10), baseline=Decimal(2))
    assert halfway.share == 0.5
    assert not halfway.met
    assert halfway.remaining == Decimal(4)
    done = progress(achieved=Decimal(12), target=Decimal(10))
    assert done.met
    assert done.share == 1.2
    assert done.remaining == 0
    less = progress(
        achieved=Decimal(80), target=Decimal(60), baseline=Decimal(100), direction=Direction.DECREASE
    )
    assert less.share == 0.5
    assert not less.met


def test_the_funnel_gives_each_step_as_a_share_of_the_one_before() -> None:
    steps = funnel([("introductions", 20), ("agreements", 5), ("submitted", 0), ("funded", 0)])
    assert [s.from_previous for s in steps] == [None, 0.25, 0.0, None]
    with pytest.raises(ValueError, match="cannot count"):
        funnel([("x", -1)])
