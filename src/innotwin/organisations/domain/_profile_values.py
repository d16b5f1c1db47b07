"""Validation of an opportunity profile's values, with messages in the reader's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, Problem
from innotwin.core.registry import IndustryCode, parse_industry_list, translated_by
from innotwin.organisations.domain._lookups import today
from innotwin.organisations.enums import (
    BUSINESS_KINDS,
    BusinessKind,
    OpportunityKind,
    OrganisationType,
    PartnerRole,
    SizeBand,
    Stage,
    TextOrigin,
)
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import Pillar

TEXT_FIELDS = {"title_en": 200, "title_ko": 200, "summary_en": 5000, "summary_ko": 5000}
ORIGIN_FIELDS = ("title_en_origin", "title_ko_origin", "summary_en_origin", "summary_ko_origin")
PROFILE_FIELDS = (
    "kind",
    "business_kind",
    *TEXT_FIELDS,
    *ORIGIN_FIELDS,
    "pillar",
    "industries",
    "partner_types",
    "partner_size",
    "partner_role",
    "stage",
    "expires_on",
)
MAX_YEARS_AHEAD = 3


def _choice(value: Any, choices: type[Any], field: str, problems: list[Problem], *, required: bool) -> str:
    text = str(value or "").strip()
    if not text:
        if required:
            problems.append(Problem(_("This field is required."), field=field))
        return ""
    if text not in choices.values:
        problems.append(
            Problem(
                _("'%(value)s' is not one of the choices: %(choices)s.")
                % {"value": text, "choices": ", ".join(c for c in choices.values if c)},
                field=field,
            )
        )
        return ""
    return text


def _date(value: Any, problems: list[Problem]) -> dt.date | None:
    if isinstance(value, dt.date):
        date = value
    else:
        try:
            date = dt.date.fromisoformat(str(value or "").strip())
        except ValueError:
            problems.append(Problem(_("Give the expiry date as YYYY-MM-DD."), field="expires_on"))
            return None
    first, last = today(), today().replace(year=today().year + MAX_YEARS_AHEAD)
    if not first < date <= last:
        problems.append(
            Problem(
                _("The expiry date must be after today and at most %(years)d years ahead.")
                % {"years": MAX_YEARS_AHEAD},
                field="expires_on",
            )
        )
    return date


def clean_profile_values(
    values: Mapping[str, Any], *, organisation: Organisation
) -> tuple[dict[str, Any], tuple[IndustryCode, ...]]:
    """The profile's values checked and normalised, and its industries; :class:`DataError` lists problems."""
    problems: list[Problem] = []
    cleaned: dict[str, Any] = {}
    cleaned["kind"] = _choice(values.get("kind"), OpportunityKind, "kind", problems, required=True)
    cleaned["business_kind"] = _choice(
        values.get("business_kind"),
        BusinessKind,
        "business_kind",
        problems,
        required=cleaned["kind"] in BUSINESS_KINDS,
    )
    if cleaned["kind"] and cleaned["kind"] not in BUSINESS_KINDS:
        cleaned["business_kind"] = ""
    for name, limit in TEXT_FIELDS.items():
        text = str(values.get(name) or "").strip()
        if len(text) > limit:
            problems.append(
                Problem(_("At most %(limit)d characters are allowed.") % {"limit": limit}, field=name)
            )
        cleaned[name] = text
    if not cleaned["title_en"] and not cleaned["title_ko"]:
        problems.append(Problem(_("Give a title in English or in Korean."), field="title_en"))
    if not cleaned["summary_en"] and not cleaned["summary_ko"]:
        problems.append(Problem(_("Give a summary in English or in Korean."), field="summary_en"))
    for name in ORIGIN_FIELDS:
        cleaned[name] = (
            _choice(values.get(name), TextOrigin, name, problems, required=False) or TextOrigin.ORIGINAL
        )
    pillar = str(values.get("pillar") or "").strip()
    if not pillar:
        problems.append(Problem(_("This field is required."), field="pillar"))
    elif not Pillar.objects.filter(code=pillar).exists():
        problems.append(Problem(_("'%(value)s' is not a pillar.") % {"value": pillar}, field="pillar"))
    cleaned["pillar_id"] = pillar
    raw_types = values.get("partner_types") or []
    if isinstance(raw_types, str):
        raw_types = [part for part in raw_types.replace(";", ",").split(",") if part.strip()]
    cleaned["partner_types"] = [
        _choice(item, OrganisationType, "partner_types", problems, required=False) for item in raw_types
    ]
    cleaned["partner_size"] = _choice(
        values.get("partner_size"), SizeBand, "partner_size", problems, required=False
    )
    cleaned["partner_role"] = _choice(
        values.get("partner_role"), PartnerRole, "partner_role", problems, required=False
    )
    cleaned["stage"] = _choice(values.get("stage"), Stage, "stage", problems, required=True)
    cleaned["expires_on"] = _date(values.get("expires_on"), problems)
    industries: tuple[IndustryCode, ...] = ()
    try:
        with translated_by(_):
            industries = parse_industry_list(
                str(values.get("industries") or ""), country=organisation.region.country_id
            )
    except LookupError as exc:
        problems.append(Problem(str(exc.args[0]), field="industries"))
    if problems:
        raise DataError(problems)
    return cleaned, industries
