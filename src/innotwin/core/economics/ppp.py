"""Purchasing power parity (PPP) conversion: national currency to international (PPP) dollars.

``value_in_ppp_dollars = value_in_national_currency / ppp_rate``, where the PPP rate is the number of
national currency units that buy what one US dollar buys in the United States.

This package ships no rates. The caller supplies a :class:`PPPRate` taken from the OECD's series of
PPPs **for GDP**, **for the same year as the values**, and records where it came from in ``source``:
the OECD Data Explorer dataset "Annual Purchasing Power Parities and exchange rates"
(``DSD_NAMAIN10@DF_TABLE4``; ``SNA_TABLE4`` in the former OECD.Stat), unit "national currency per US
dollar". A rate implied by the OECD Regional Database (a national total in national currency divided by
the same total in USD PPP) is an acceptable substitute when ``source`` says how it was derived.

Reference: Eurostat-OECD (2012). *Methodological Manual on Purchasing Power Parities*.
Publications Office of the European Union.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from innotwin.core.economics._validation import as_vector, invalid

__all__ = ["PPPRate", "to_ppp_dollars"]


@dataclass(frozen=True, kw_only=True)
class PPPRate:
    """A PPP conversion rate with its provenance."""

    #: ISO 4217 code of the national currency, e.g. ``"GBP"``.
    currency: str
    #: The year the rate applies to (the year of the values converted with it).
    year: int
    #: National currency units per US dollar.
    national_currency_per_usd: float
    #: Where the rate comes from, e.g. "OECD DSD_NAMAIN10@DF_TABLE4, PPP for GDP, July 2025 release".
    source: str

    def __post_init__(self) -> None:
        rate = self.national_currency_per_usd
        if (
            isinstance(rate, bool)
            or not isinstance(rate, int | float)
            or not (np.isfinite(rate) and rate > 0)
        ):
            raise invalid("national_currency_per_usd", "PPPRate", "a positive number", repr(rate))
        if not self.source.strip():
            raise invalid(
                "source", "PPPRate", "a description of where the rate comes from", "an empty string"
            )


def to_ppp_dollars(values: ArrayLike, *, rate: PPPRate) -> NDArray[np.float64]:
    """``values`` in national currency converted to PPP US dollars; NaN stays NaN. Complexity: O(n)."""
    return as_vector(values, parameter="values", owner="to_ppp_dollars") / rate.national_currency_per_usd
