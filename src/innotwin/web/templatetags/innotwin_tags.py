"""Template filters shared by every page."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import formats

from innotwin.atlas.units import unit_name

register = template.Library()

_FORMAT_BY_PRECISION = {"day": "DATE_FORMAT", "month": "YEAR_MONTH_FORMAT", "year": "Y"}


@register.filter
def partial_date(value: dt.date | None, precision: str = "day") -> str:
    """A date shown only as precisely as it is known (day, month or year), in the reader's language."""
    if value is None:
        return ""
    return formats.date_format(value, _FORMAT_BY_PRECISION.get(precision, "DATE_FORMAT"))


@register.filter
def figure(value: float | None) -> str:
    """A statistic as people read it: grouped thousands, at most two decimals, none for whole numbers."""
    if value is None:
        return ""
    decimals = 0 if float(value).is_integer() or abs(value) >= 1000 else 2 if abs(value) < 100 else 1
    return formats.number_format(round(value, decimals), decimal_pos=decimals, force_grouping=True)


@register.filter
def unit(value: str) -> str:
    """A unit of measure of the atlas in the reader's language (``persons`` → ``명``)."""
    return unit_name(value)


@register.filter
def percent(value: float) -> str:
    """A share (0–1) as a percentage with one decimal."""
    return formats.number_format(100 * value, decimal_pos=1) + "%"
