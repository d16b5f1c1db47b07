"""Real organisations and profiles for the registry's tests, made through the domain functions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from innotwin.accounts.models import User
from innotwin.organisations.domain.create_organisation import create_organisation
from innotwin.organisations.domain.create_profile import create_profile
from innotwin.organisations.domain.publish_profile import publish_profile
from innotwin.organisations.domain.submit_profile import submit_profile
from innotwin.organisations.domain.withdraw_profile import withdraw_profile
from innotwin.organisations.enums import ProfileStatus
from innotwin.organisations.models import OpportunityProfile, Organisation


def make_organisation(
    *,
    actor: User | None = None,
    name_en: str = "Harbour Robotics Ltd",
    region: str = "N09000003",
    **values: Any,
) -> Organisation:
    """An organisation (by default an SME in Belfast) with ``actor`` as its member."""
    defaults = {"type": "sme", "name_ko": "", "industries": "SIC:62012"}
    return create_organisation(
        actor=actor, values={**defaults, "name_en": name_en, "region": region, **values}
    )


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def make_profile(
    *, organisation: Organisation, status: ProfileStatus = ProfileStatus.DRAFT, **values: Any
) -> OpportunityProfile:
    """An opportunity profile of ``organisation`` moved through the real transitions to ``status``."""
    defaults = {
        "kind": "technology_offer",
        "title_en": "Autonomous inspection drones for port cranes",
        "summary_en": "Drones that inspect crane welds without stopping the port.",
        "pillar": "business",
        "stage": "prototype",
        "expires_on": in_days(180),
        "industries": "SIC:28220",
    }
    profile = create_profile(actor=None, organisation=organisation, values={**defaults, **values})
    if status in {ProfileStatus.SUBMITTED, ProfileStatus.PUBLISHED, ProfileStatus.EXPIRED}:
        submit_profile(actor=None, profile=profile)
    if status in {ProfileStatus.PUBLISHED, ProfileStatus.EXPIRED}:
        publish_profile(actor=None, profile=profile)
    if status == ProfileStatus.EXPIRED:
        OpportunityProfile.objects.filter(pk=profile.pk).update(status=ProfileStatus.EXPIRED)
        profile.refresh_from_db()
    if status == ProfileStatus.WITHDRAWN:
        withdraw_profile(actor=None, profile=profile)
    return profile
