"""The stages of a joint proposal and the one table of moves between them.

::

    idea → scoping → submitted → funded → delivering → completed
      any stage before completed → stalled (reason) | dropped (reason)
      stalled → back to any stage from idea to delivering, or dropped (reason)

One step back is allowed while a proposal is not yet funded (scoping → idea, submitted → scoping: a bid
returned for rework). Completed and dropped are final. Moving to stalled or dropped needs a reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from innotwin.core.errors import InvalidStateError

__all__ = [
    "ACTIVE_STAGES",
    "BOARD_STAGES",
    "REASON_STAGES",
    "STAGES",
    "SUBMITTED_OR_LATER",
    "TERMINAL_STAGES",
    "TRANSITIONS",
    "Stage",
    "allowed_targets",
    "check_transition",
]


class Stage(StrEnum):
    IDEA = "idea"
    SCOPING = "scoping"
    SUBMITTED = "submitted"
    FUNDED = "funded"
    DELIVERING = "delivering"
    COMPLETED = "completed"
    STALLED = "stalled"
    DROPPED = "dropped"


#: Every stage in board order.
STAGES: tuple[Stage, ...] = tuple(Stage)
#: The stages of the main path before completion.
ACTIVE_STAGES = (Stage.IDEA, Stage.SCOPING, Stage.SUBMITTED, Stage.FUNDED, Stage.DELIVERING)
BOARD_STAGES = STAGES
TERMINAL_STAGES = frozenset({Stage.COMPLETED, Stage.DROPPED})
#: Moving to one of these needs a reason.
REASON_STAGES = frozenset({Stage.STALLED, Stage.DROPPED})
#: Stages at which a proposal has been submitted to its funding call (the bilateral rule applies).
SUBMITTED_OR_LATER = frozenset({Stage.SUBMITTED, Stage.FUNDED, Stage.DELIVERING, Stage.COMPLETED})

TRANSITIONS: Mapping[Stage, frozenset[Stage]] = {
    Stage.IDEA: frozenset({Stage.SCOPING, Stage.STALLED, Stage.DROPPED}),
    Stage.SCOPING: frozenset({Stage.IDEA, Stage.SUBMITTED, Stage.STALLED, Stage.DROPPED}),
    Stage.SUBMITTED: frozenset({Stage.SCOPING, Stage.FUNDED, Stage.STALLED, Stage.DROPPED}),
    Stage.FUNDED: frozenset({Stage.DELIVERING, Stage.STALLED, Stage.DROPPED}),
    Stage.DELIVERING: frozenset({Stage.COMPLETED, Stage.STALLED, Stage.DROPPED}),
    Stage.STALLED: frozenset({*ACTIVE_STAGES, Stage.DROPPED}),
    Stage.COMPLETED: frozenset(),
    Stage.DROPPED: frozenset(),
}


def _stage(value: str, what: str) -> Stage:
    try:
        return Stage(value)
    except ValueError:
        known = ", ".join(STAGES)
        raise InvalidStateError(f"There is no {what} stage '{value}'; the stages are {known}.") from None


def allowed_targets(current: str) -> tuple[Stage, ...]:
    """The stages a proposal at ``current`` may move to, in board order."""
    allowed = TRANSITIONS[_stage(current, "current")]
    return tuple(stage for stage in STAGES if stage in allowed)


def check_transition(current: str, target: str, *, reason: str = "") -> Stage:
    """``target`` as a :class:`Stage` when the move from ``current`` is allowed; otherwise
    :class:`InvalidStateError` saying why and which moves are possible."""
    source, goal = _stage(current, "current"), _stage(target, "target")
    if source == goal:
        raise InvalidStateError(f"The proposal is already at the stage '{goal}'.")
    allowed = allowed_targets(source)
    if goal not in allowed:
        options = ", ".join(allowed) if allowed else "none: it is final"
        raise InvalidStateError(
            f"A proposal cannot move from '{source}' to '{goal}'; from '{source}' it can move to {options}."
        )
    if goal in REASON_STAGES and not reason.strip():
        raise InvalidStateError(f"Moving a proposal to '{goal}' needs a reason.")
    return goal
