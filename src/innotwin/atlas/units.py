"""The atlas's units of measure in the reader's language. The stored unit stays the source's English
text (it is part of the cited figure); pages show it through :func:`unit_name`."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

UNIT_NAMES: dict[str, Promise] = {
    "persons": _("persons"),
    "companies": _("companies"),
    "enterprises": _("enterprises"),
    "institutions": _("institutions"),
    "applications": _("applications"),
    "GBP": _("GBP"),
    "GBP million": _("GBP million"),
    "KRW": _("KRW"),
    "KRW million": _("KRW million"),
    "EUR": _("EUR"),
    "national currency, million": _("national currency, million"),
    "national currency per person": _("national currency per person"),
    "USD (PPP, constant prices)": _("USD (PPP, constant prices)"),
    "USD million (PPP, constant prices)": _("USD million (PPP, constant prices)"),
}


def unit_name(unit: str) -> str:
    """``unit`` in the active language; a unit without a translation is shown as stored."""
    name = UNIT_NAMES.get(unit)
    return str(name) if name is not None else unit
