"""A budget in pounds and won, with the exchange rate used and the date of that rate.

A proposal records the amount in the currency its funder uses and the rate (won per pound) on a stated
date; the other amount is derived from them, rounded to whole units, so that both figures trace to one
rate. When both amounts are given without a rate, the rate they imply (to 4 decimals) is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from innotwin.core.errors import DataError, Problem

__all__ = ["TOLERANCE", "Budget", "BudgetProblem", "budget_problems", "complete_budget"]

_WHOLE = Decimal(1)
_RATE = Decimal("0.0001")
#: Two given amounts may differ from rate × amount by this share (rounding by the person who typed them).
TOLERANCE = Decimal("0.01")

_MESSAGES = {
    "negative": "The {field} cannot be negative.",
    "zero_rate": "The exchange rate must be more than zero won per pound.",
    "rate_needs_date": "Give the date of the exchange rate.",
    "date_needs_rate": "Give the exchange rate for that date, or both amounts.",
    "inconsistent": "£{gbp} at {rate} won per pound is ₩{expected}, not ₩{krw}; correct one of the three "
    "or leave one amount empty.",
}


@dataclass(frozen=True)
class Budget:
    gbp: Decimal | None
    krw: Decimal | None
    rate: Decimal | None
    rate_date: date | None


@dataclass(frozen=True)
class BudgetProblem:
    """What is wrong (``code``), in which field, with the values a message needs."""

    code: str
    field: str
    params: dict[str, str] = dataclass_field(default_factory=dict)

    @property
    def message(self) -> str:
        return _MESSAGES[self.code].format(**self.params)


def budget_problems(
    *, gbp: Decimal | None, krw: Decimal | None, rate: Decimal | None, rate_date: date | None
) -> list[BudgetProblem]:
    """Every problem with the four values, empty when they make a budget."""
    problems = [
        BudgetProblem("negative", name, {"field": label})
        for name, label, value in (
            ("budget_gbp", "budget in pounds", gbp),
            ("budget_krw", "budget in won", krw),
            ("exchange_rate", "exchange rate", rate),
        )
        if value is not None and value < 0
    ]
    if rate is not None and rate == 0:
        problems.append(BudgetProblem("zero_rate", "exchange_rate"))
    if rate is not None and rate_date is None:
        problems.append(BudgetProblem("rate_needs_date", "rate_date"))
    if rate is None and rate_date is not None and (gbp is None or krw is None):
        problems.append(BudgetProblem("date_needs_rate", "exchange_rate"))
    if rate is None and rate_date is None and gbp and krw:
        problems.append(BudgetProblem("rate_needs_date", "rate_date"))
    if not problems and rate and gbp is not None and krw is not None:
        expected = gbp * rate
        if abs(krw - expected) > expected * TOLERANCE:
            problems.append(
                BudgetProblem(
                    "inconsistent",
                    "budget_krw",
                    {"gbp": f"{gbp:,}", "rate": f"{rate}", "expected": f"{expected:,.0f}", "krw": f"{krw:,}"},
                )
            )
    return problems


def complete_budget(
    *, gbp: Decimal | None, krw: Decimal | None, rate: Decimal | None, rate_date: date | None
) -> Budget:
    """The budget with its missing amount or rate derived; :class:`DataError` listing every problem."""
    problems = budget_problems(gbp=gbp, krw=krw, rate=rate, rate_date=rate_date)
    if problems:
        raise DataError([Problem(item.message, field=item.field) for item in problems])
    if rate is not None:
        if gbp is not None and krw is None:
            krw = (gbp * rate).quantize(_WHOLE, rounding=ROUND_HALF_EVEN)
        elif krw is not None and gbp is None:
            gbp = (krw / rate).quantize(_WHOLE, rounding=ROUND_HALF_EVEN)
    elif gbp and krw:
        rate = (krw / gbp).quantize(_RATE, rounding=ROUND_HALF_EVEN)
    return Budget(gbp=gbp, krw=krw, rate=rate, rate_date=rate_date)
