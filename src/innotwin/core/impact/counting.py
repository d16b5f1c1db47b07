"""The counting rules: what makes an observation countable, and what would count one thing twice.

1. **One fact, one observation.** A fact drawn from an innotwin record (``pairs.agreement:12#signed``) is
   observed at most once, whatever the KPI or status; a second observation of it is refused.
2. **Attributed once.** For an *exclusive* KPI (jobs, emissions avoided, funding leveraged) an
   organisation's figure for a country and a period is attributed to one project only: a second
   observation for the same organisation, country and an overlapping period is refused, whatever project
   it names. Disputed observations do not block; making one count again re-checks the rule.
3. **Evidence.** Every observation carries its evidence: the record it follows from, a link, or a
   document.
4. **Periods are past and ordered.** The period starts on or before its end, and ends no later than the
   day it is reported.
5. **Values.** Zero or more; whole numbers for counts and people; a part (SMEs, women-led organisations)
   is never more than the whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from innotwin.core.errors import DataError, Problem
from innotwin.core.impact.references import RecordRef

__all__ = [
    "WHOLE_UNITS",
    "Fact",
    "Period",
    "check_countable",
    "counting_problems",
    "double_counting",
    "share",
]

#: Units whose values are whole numbers.
WHOLE_UNITS = frozenset({"count", "people", "jobs", "events"})


@dataclass(frozen=True, order=True)
class Period:
    """A closed range of days an observation covers (one day for a signing)."""

    start: date
    end: date

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def label(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


@dataclass(frozen=True)
class Fact:
    """What the counting rules need to know of one observation (saved, with ``id``, or proposed)."""

    kpi: str
    period: Period
    value: Decimal
    unit: str = "count"
    exclusive: bool = False
    id: int | None = None
    record: RecordRef | None = None
    organisation: int | None = None
    organisation_label: str = ""
    country: str = ""
    project: str = ""
    has_link: bool = False
    has_document: bool = False
    part_sme: int | None = None
    part_women_led: int | None = None
    counts: bool = True  # False for a disputed observation


def counting_problems(fact: Fact, *, today: date) -> list[Problem]:
    """Every problem with one observation on its own (rules 3 to 5)."""
    problems = []
    if fact.record is None and not fact.has_link and not fact.has_document:
        problems.append(
            Problem(
                "Give the evidence: a link, a document, or the innotwin record it follows from.",
                field="evidence_url",
            )
        )
    if fact.period.start > fact.period.end:
        problems.append(
            Problem(
                f"The period starts on {fact.period.start} after it ends on {fact.period.end}.",
                field="period_start",
            )
        )
    if fact.period.end > today:
        problems.append(
            Problem(
                f"The period ends on {fact.period.end}, after today ({today}): report what has happened.",
                field="period_end",
            )
        )
    if not fact.value.is_finite() or fact.value < 0:
        problems.append(Problem(f"The value cannot be {fact.value}; give zero or more.", field="value"))
    elif fact.unit in WHOLE_UNITS and fact.value != fact.value.to_integral_value():
        problems.append(
            Problem(f"The value counts whole {fact.unit}; {fact.value} is not whole.", field="value")
        )
    if fact.exclusive and fact.organisation is None:
        problems.append(
            Problem(
                "Name the organisation this figure is attributed to, so that it is counted once.",
                field="organisation",
            )
        )
    for name, part in (("part_sme", fact.part_sme), ("part_women_led", fact.part_women_led)):
        if part is not None and (part < 0 or (fact.value.is_finite() and part > fact.value)):
            problems.append(
                Problem(f"A part ({part}) must be between zero and the whole ({fact.value}).", field=name)
            )
    return problems


def double_counting(fact: Fact, existing: Iterable[Fact]) -> list[Problem]:
    """Every way ``fact`` would count something already counted in ``existing`` (rules 1 and 2)."""
    problems = []
    for other in existing:
        if fact.id is not None and other.id == fact.id:
            continue
        if fact.record is not None and other.record == fact.record:
            problems.append(
                Problem(
                    f"The record {fact.record.token} is already counted by observation {other.id} "
                    f"({other.kpi}); the same fact is never counted twice.",
                    field="record",
                )
            )
        elif (
            fact.exclusive
            and fact.counts
            and other.counts
            and other.kpi == fact.kpi
            and fact.organisation is not None
            and other.organisation == fact.organisation
            and other.country == fact.country
            and other.period.overlaps(fact.period)
        ):
            where = f" in {fact.country}" if fact.country else ""
            project = f" (project: {other.project})" if other.project else ""
            problems.append(
                Problem(
                    f"{fact.kpi} of {fact.organisation_label or fact.organisation}{where} for "
                    f"{other.period.label} is already reported by observation {other.id}{project}; a "
                    "figure is attributed to one project only — correct that observation instead.",
                    field="organisation",
                )
            )
    return problems


def check_countable(fact: Fact, existing: Iterable[Fact], *, today: date) -> None:
    """Raise :class:`DataError` listing every counting rule ``fact`` breaks."""
    problems = counting_problems(fact, today=today)
    problems += double_counting(fact, existing)
    if problems:
        raise DataError(problems)


def share(part: Decimal | int, whole: Decimal | int) -> float | None:
    """``part`` as a share of ``whole`` (0 to 1), or None when there is no whole."""
    if not whole:
        return None
    return float(Decimal(part) / Decimal(whole))
