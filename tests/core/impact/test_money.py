"""Currency conversion always uses the recorded rate, and rounds each currency to its unit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from innotwin.core.errors import DataError
from innotwin.core.impact import Currency, ExchangeRate, convert, parse_amount

RATE = ExchangeRate(Decimal("1712.3456"), dt.date(2025, 3, 31), "Bank of England daily spot rate")


def test_pounds_convert_to_won_with_the_recorded_rate() -> None:
    money = convert(Decimal("250000"), "GBP", RATE)
    assert money.gbp == Decimal("250000.00")
    assert money.krw == Decimal("428086400")  # 250,000 × 1,712.3456 exactly
    assert money.rate is RATE
    assert money.reported_in is Currency.GBP


def test_won_convert_to_pounds_rounded_to_the_penny() -> None:
    money = convert(Decimal("1000000"), Currency.KRW, RATE)
    assert money.krw == Decimal("1000000")
    assert money.gbp == Decimal("583.99")  # 1,000,000 / 1,712.3456 = 583.9943…


def test_the_same_amount_at_another_rate_gives_another_figure() -> None:
    other = ExchangeRate(Decimal("1650"), dt.date(2024, 1, 2), "Bank of England daily spot rate")
    assert convert(Decimal("100"), "GBP", other).krw == Decimal("165000")
    assert convert(Decimal("100"), "GBP", RATE).krw == Decimal("171235")  # 171,234.56 rounded half-even


@pytest.mark.parametrize("rate", [Decimal("0"), Decimal("-5"), Decimal("NaN")])
def test_a_rate_must_be_positive(rate: Decimal) -> None:
    with pytest.raises(DataError, match="more than zero"):
        ExchangeRate(rate, dt.date(2025, 1, 1), "BoE")


def test_a_rate_needs_its_source() -> None:
    with pytest.raises(DataError, match="where the exchange rate comes from"):
        ExchangeRate(Decimal("1700"), dt.date(2025, 1, 1), "  ")


def test_unknown_currency_and_negative_amount_are_refused() -> None:
    with pytest.raises(DataError, match="GBP or KRW"):
        convert(Decimal("1"), "USD", RATE)
    with pytest.raises(DataError, match="zero or more"):
        convert(Decimal("-1"), "GBP", RATE)


def test_parse_amount_reads_grouped_numbers_and_refuses_words() -> None:
    assert parse_amount("1,250.50") == Decimal("1250.50")
    with pytest.raises(DataError, match="not a number"):
        parse_amount("lots")
