"""Golden values of per-capita values and PPP conversion."""

from __future__ import annotations

import math

import pytest

from innotwin.core.economics import PPPRate, per_capita, to_ppp_dollars
from innotwin.core.errors import DataError

RATE = PPPRate(currency="GBP", year=2021, national_currency_per_usd=0.8, source="test rate")


def test_per_capita_divides_and_keeps_missing_values_missing():
    # [100/10, NaN/5, 50/NaN] per 1,000 -> [10,000, NaN, NaN]
    result = per_capita([100.0, math.nan, 50.0], [10.0, 5.0, math.nan], per=1000)
    assert result[0] == 10_000.0
    assert math.isnan(result[1])
    assert math.isnan(result[2])


def test_per_capita_with_zero_population_raises():
    with pytest.raises(DataError) as error:
        per_capita([1.0], [0.0])
    assert str(error.value) == (
        "The 'population' parameter of per_capita must be positive where given (NaN marks a missing value). "
        "Got zero or less instead."
    )


def test_to_ppp_dollars_divides_by_rate():
    # 1,000 GBP / 0.8 GBP per USD = 1,250 PPP USD
    assert to_ppp_dollars([1000.0, 40.0], rate=RATE).tolist() == [1250.0, 50.0]


def test_ppp_rate_of_zero_raises():
    with pytest.raises(DataError) as error:
        PPPRate(currency="KRW", year=2021, national_currency_per_usd=0.0, source="x")
    assert str(error.value) == (
        "The 'national_currency_per_usd' parameter of PPPRate must be a positive number. Got 0.0 instead."
    )


def test_ppp_rate_without_source_raises():
    with pytest.raises(DataError) as error:
        PPPRate(currency="KRW", year=2021, national_currency_per_usd=850.0, source=" ")
    assert str(error.value) == (
        "The 'source' parameter of PPPRate must be a description of where the rate comes from. "
        "Got an empty string instead."
    )
