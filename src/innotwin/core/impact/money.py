"""Funding in pounds and won, converted with one recorded exchange rate.

A figure reported in one currency is converted with the rate (won per pound) of a stated date and source;
the rate travels with the figure, so both amounts trace to it. Pounds are kept to the penny and won to the
whole won, rounded half to even. No rate is ever looked up or assumed: a conversion without a rate is an
error that says which rate to give.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from enum import StrEnum

from innotwin.core.errors import DataError, Problem

__all__ = ["Currency", "ExchangeRate", "Money", "convert", "parse_amount"]

_PENNY = Decimal("0.01")
_WON = Decimal(1)


class Currency(StrEnum):
    GBP = "GBP"
    KRW = "KRW"


@dataclass(frozen=True)
class ExchangeRate:
    """How many won one pound bought on ``on``, and where that rate comes from."""

    krw_per_gbp: Decimal
    on: date
    source: str

    def __post_init__(self) -> None:
        problems = []
        if not self.krw_per_gbp.is_finite() or self.krw_per_gbp <= 0:
            problems.append(
                Problem(
                    f"The exchange rate must be more than zero won per pound, not {self.krw_per_gbp}.",
                    field="exchange_rate",
                )
            )
        if not self.source.strip():
            problems.append(
                Problem(
                    "Say where the exchange rate comes from (e.g. the Bank of England daily spot rate).",
                    field="rate_source",
                )
            )
        if problems:
            raise DataError(problems)


@dataclass(frozen=True)
class Money:
    """An amount in both currencies, the one it was reported in, and the rate that links them."""

    gbp: Decimal
    krw: Decimal
    reported_in: Currency
    rate: ExchangeRate


def _round(amount: Decimal, currency: Currency) -> Decimal:
    return amount.quantize(_PENNY if currency is Currency.GBP else _WON, rounding=ROUND_HALF_EVEN)


def convert(amount: Decimal, currency: Currency | str, rate: ExchangeRate) -> Money:
    """``amount`` in ``currency`` as pounds and won at ``rate``; the reported amount is kept as given
    (rounded to its currency's unit), the other is derived from it."""
    try:
        unit = Currency(currency)
    except ValueError:
        raise DataError(
            [
                Problem(
                    f"The currency {currency!r} is not one innotwin records; use GBP or KRW.",
                    field="currency",
                )
            ]
        ) from None
    if not amount.is_finite() or amount < 0:
        raise DataError(
            [Problem(f"An amount of money cannot be {amount}; give zero or more.", field="amount")]
        )
    if unit is Currency.GBP:
        gbp = _round(amount, Currency.GBP)
        krw = _round(gbp * rate.krw_per_gbp, Currency.KRW)
    else:
        krw = _round(amount, Currency.KRW)
        gbp = _round(krw / rate.krw_per_gbp, Currency.GBP)
    return Money(gbp=gbp, krw=krw, reported_in=unit, rate=rate)


def parse_amount(text: str, *, field: str = "value") -> Decimal:
    """A decimal number from text a person typed (``1,250.5`` or ``1250.5``), or a clear error."""
    cleaned = text.strip().replace(",", "").replace("_", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise DataError([Problem(f"{text!r} is not a number.", field=field)]) from None
    if not value.is_finite():
        raise DataError([Problem(f"{text!r} is not a number.", field=field)])
    return value
