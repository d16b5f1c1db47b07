"""Template filters of the discovery pages."""

from __future__ import annotations

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def share(value: float | None) -> str:
    """A share or probability (0–1) as a percentage rounded to one decimal (1/7 → 14.3%)."""
    if value is None:
        return "–"
    return formats.number_format(round(100 * value, 1), decimal_pos=1) + "%"
