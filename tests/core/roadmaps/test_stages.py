"""The stage transition table of joint proposals."""

from __future__ import annotations

import pytest

from innotwin.core.errors import InvalidStateError
from innotwin.core.roadmaps import (
    ACTIVE_STAGES,
    STAGES,
    TERMINAL_STAGES,
    TRANSITIONS,
    Stage,
    allowed_targets,
    check_transition,
)

FORWARD = [
    (Stage.IDEA, Stage.SCOPING),
    (Stage.SCOPING, Stage.SUBMITTED),
    (Stage.SUBMITTED, Stage.FUNDED),
    (Stage.FUNDED, Stage.DELIVERING),
    (Stage.DELIVERING, Stage.COMPLETED),
]


@pytest.mark.parametrize(("current", "target"), FORWARD)
def test_the_main_path_moves_one_step_at_a_time(current: Stage, target: Stage) -> None:
    assert check_transition(current, target) is target


def test_skipping_a_stage_is_refused_with_the_moves_that_are_possible() -> None:
    with pytest.raises(InvalidStateError) as refused:
        check_transition("idea", "funded")
    assert "cannot move from 'idea' to 'funded'" in refused.value.message
    assert "scoping, stalled, dropped" in refused.value.message


@pytest.mark.parametrize("final", sorted(TERMINAL_STAGES))
def test_completed_and_dropped_are_final(final: Stage) -> None:
    assert allowed_targets(final) == ()
    for target in STAGES:
        if target != final:
            with pytest.raises(InvalidStateError, match="none: it is final"):
                check_transition(final, target, reason="because")


@pytest.mark.parametrize("current", ACTIVE_STAGES)
@pytest.mark.parametrize("target", [Stage.STALLED, Stage.DROPPED])
def test_stalling_or_dropping_needs_a_reason(current: Stage, target: Stage) -> None:
    with pytest.raises(InvalidStateError, match="needs a reason"):
        check_transition(current, target, reason="  ")
    assert check_transition(current, target, reason="The partner withdrew.") is target


def test_a_stalled_proposal_resumes_at_any_active_stage_but_not_completed() -> None:
    assert set(allowed_targets("stalled")) == {*ACTIVE_STAGES, Stage.DROPPED}
    with pytest.raises(InvalidStateError):
        check_transition("stalled", "completed")


def test_one_step_back_only_before_funding() -> None:
    assert check_transition("scoping", "idea") is Stage.IDEA
    assert check_transition("submitted", "scoping") is Stage.SCOPING
    with pytest.raises(InvalidStateError):
        check_transition("funded", "submitted")


def test_staying_put_and_unknown_stages_are_refused() -> None:
    with pytest.raises(InvalidStateError, match="already at the stage 'idea'"):
        check_transition("idea", "idea")
    with pytest.raises(InvalidStateError, match="no target stage 'won'"):
        check_transition("idea", "won")
    with pytest.raises(InvalidStateError, match="no current stage 'lost'"):
        allowed_targets("lost")


def test_every_stage_has_a_row_and_no_stage_moves_to_itself() -> None:
    assert set(TRANSITIONS) == set(STAGES)
    assert all(stage not in targets for stage, targets in TRANSITIONS.items())
