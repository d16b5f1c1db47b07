"""Template filters shared by every page."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import formats

register = template.Library()

_FORMAT_BY_PRECISION = {"day": "DATE_FORMAT", "month": "YEAR_MONTH_FORMAT", "year": "Y"}


@register.filter
def partial_date(value: dt.date | None, precision: str = "day") -> str:
    """A date shown only as precisely as it is known (day, month or year), in the reader's language."""
    if value is None:
        return ""
    return formats.date_format(value, _FORMAT_BY_PRECISION.get(precision, "DATE_FORMAT"))
