"""Dates and times on the mission pages, written the way each language writes them."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.formats import date_format
from django.utils.translation import get_language

register = template.Library()

_FORMATS = {
    "when": ("D j M, H:i", "n월 j일 (D) H:i"),
    "when_year": ("D j M Y, H:i", "Y년 n월 j일 (D) H:i"),
    "day": ("D j M", "n월 j일 (D)"),
    "date": ("j M Y", "Y년 n월 j일"),
}


@register.filter(expects_localtime=True)
def local(value: dt.date | dt.datetime | None, kind: str = "when") -> str:
    """``value`` as ``kind`` (when, when_year, day, date) in the current language; times are already in
    the template's current time zone."""
    if value is None:
        return ""
    english, korean = _FORMATS[kind]
    return date_format(value, korean if (get_language() or "en").startswith("ko") else english)
