"""What the scheduler returns: meetings, unscheduled requests with their reasons, and must-meet conflicts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from innotwin.core.scheduling.backends import Status
from innotwin.core.scheduling.phrases import Reason

__all__ = ["Conflict", "Meeting", "Schedule", "Unscheduled"]


@dataclass(frozen=True, kw_only=True)
class Meeting:
    """One scheduled meeting: a request held in a slot at a table, with an interpreter if needed."""

    request_id: str
    parties: tuple[str, ...]
    slot: int
    start: datetime
    end: datetime
    venue: str
    table: str
    interpreter: str | None


@dataclass(frozen=True, kw_only=True)
class Unscheduled:
    """A request the schedule does not hold, and why. ``blocked`` gives, for each slot the request could
    have used, what took it (empty for the static reasons and must-meet conflicts)."""

    request_id: str
    reason: Reason
    message_en: str
    message_ko: str
    blocked: tuple[tuple[int, Reason], ...] = ()


@dataclass(frozen=True, kw_only=True)
class Conflict:
    """Must-meets that cannot all happen, although any smaller set of them can: the explanation of an
    infeasible input. ``participant_ids`` are the people they share."""

    request_ids: tuple[str, ...]
    participant_ids: tuple[str, ...]
    message_en: str
    message_ko: str
    reason: Reason = Reason.MUST_MEET_CONFLICT


@dataclass(frozen=True, kw_only=True)
class Schedule:
    """A schedule with its quality.

    ``value`` is the objective (request values plus the fairness term), ``request_value`` its first part;
    ``bound`` is the LP-relaxation bound on the objective (None when not asked for), exact when
    ``bound_exact`` and otherwise a valid but looser Lagrangian bound; ``status`` says whether the
    schedule is proven optimal. ``solve_seconds`` is the backend's time; ``bound_seconds`` the bound's
    (inside the backend's time for ``"highs"``).
    """

    meetings: tuple[Meeting, ...]
    unscheduled: tuple[Unscheduled, ...]
    conflicts: tuple[Conflict, ...]
    value: float
    request_value: float
    bound: float | None
    bound_exact: bool
    solver: str
    status: Status
    solve_seconds: float
    bound_seconds: float

    @property
    def ratio(self) -> float | None:
        """``value / bound``: 1.0 means proven optimal; None without a bound."""
        if self.bound is None:
            return None
        return 1.0 if self.bound <= 0 else self.value / self.bound

    def agenda(self, participant_id: str) -> tuple[Meeting, ...]:
        """The meetings of one participant, in time order."""
        return tuple(
            sorted((m for m in self.meetings if participant_id in m.parties), key=lambda m: (m.start, m.slot))
        )

    def unscheduled_by_reason(self) -> dict[str, int]:
        """How many requests are unscheduled for each reason code."""
        return dict(sorted(Counter(item.reason.value for item in self.unscheduled).items()))
