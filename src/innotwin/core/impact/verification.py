"""The verification of an observation, and the one table of moves between its states.

::

    reported → verified            (by someone other than the reporter)
    reported → disputed  (reason)
    verified → disputed  (reason)
    disputed → verified  (reason; by someone other than the reporter)
    disputed → reported  (reason: corrected and put forward again)

Only verified observations count in headline figures; reported ones are shown as awaiting verification;
disputed ones are not counted.
"""

from __future__ import annotations

from enum import StrEnum

from innotwin.core.errors import DataError, InvalidStateError, PermissionDeniedError, Problem

__all__ = ["TRANSITIONS", "Status", "check_transition", "needs_reason"]


class Status(StrEnum):
    REPORTED = "reported"
    VERIFIED = "verified"
    DISPUTED = "disputed"


TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.REPORTED: frozenset({Status.VERIFIED, Status.DISPUTED}),
    Status.VERIFIED: frozenset({Status.DISPUTED}),
    Status.DISPUTED: frozenset({Status.VERIFIED, Status.REPORTED}),
}


def needs_reason(current: Status, target: Status) -> bool:
    """Every move needs a reason except verifying a freshly reported observation."""
    return not (current is Status.REPORTED and target is Status.VERIFIED)


def check_transition(
    current: Status | str, target: Status | str, *, reason: str, actor: int | None, reporter: int | None
) -> None:
    """Raise unless ``actor`` may move an observation reported by ``reporter`` from ``current`` to
    ``target`` with ``reason``. ``actor`` None is innotwin itself (a collector)."""
    now, to = Status(current), Status(target)
    if to not in TRANSITIONS[now]:
        allowed = ", ".join(sorted(TRANSITIONS[now])) or "none"
        raise InvalidStateError(f"An observation that is {now} cannot become {to}; it can become: {allowed}.")
    if to is Status.VERIFIED and actor is not None and reporter is not None and actor == reporter:
        raise PermissionDeniedError("You reported this observation, so someone else must verify it.")
    if needs_reason(now, to) and not reason.strip():
        raise DataError([Problem(f"Say why the observation becomes {to}.", field="reason")])
