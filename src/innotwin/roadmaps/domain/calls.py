"""Funding calls that proposals can target."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, Problem
from innotwin.roadmaps.domain._common import parse_date
from innotwin.roadmaps.models import FundingCall


@transaction.atomic
def save_funding_call(*, values: Mapping[str, Any], is_demo: bool = False) -> FundingCall:
    """Create or update (by slug) a funding call."""
    problems: list[Problem] = []
    name_en, name_ko = str(values.get("name_en") or "").strip(), str(values.get("name_ko") or "").strip()
    if not (name_en or name_ko):
        problems.append(Problem(_("Give the call a name in English or Korean."), field="name_en"))
    slug = slugify(str(values.get("slug") or name_en))[:120]
    if not slug:
        problems.append(Problem(_("Give the call a slug of Latin letters and digits."), field="slug"))
    opens_on = parse_date(values.get("opens_on"), "opens_on", problems)
    closes_on = parse_date(values.get("closes_on"), "closes_on", problems)
    if opens_on and closes_on and closes_on < opens_on:
        problems.append(Problem(_("A call cannot close before it opens."), field="closes_on"))
    if problems:
        raise DataError(problems)
    call, _created = FundingCall.objects.update_or_create(
        slug=slug,
        defaults={
            "name_en": name_en,
            "name_ko": name_ko,
            "funder": str(values.get("funder") or "").strip(),
            "bilateral": bool(values.get("bilateral", False)),
            "opens_on": opens_on,
            "closes_on": closes_on,
            "url": str(values.get("url") or "").strip(),
            "is_demo": is_demo,
        },
    )
    return call
