from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.core.registry import IndustryCode
from innotwin.organisations.domain._lookups import industry_text
from innotwin.organisations.domain._profile_values import clean_profile_values
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.models import OpportunityProfile, Organisation, ProfileIndustry


def profile_industry_rows(
    codes: tuple[IndustryCode, ...], profile: OpportunityProfile
) -> list[ProfileIndustry]:
    return [
        ProfileIndustry(
            profile=profile,
            scheme=code.scheme,
            code=code.code,
            isic_group=code.isic_group,
            isic_sections="".join(code.sections),
        )
        for code in codes
    ]


def audit_values(cleaned: Mapping[str, Any]) -> dict[str, Any]:
    """Values as the audit log keeps them (dates as ISO text)."""
    return {
        name: value.isoformat() if hasattr(value, "isoformat") else value for name, value in cleaned.items()
    }


@transaction.atomic
def create_profile(
    *, actor: User | None, organisation: Organisation, values: Mapping[str, Any], actor_label: str = SYSTEM
) -> OpportunityProfile:
    """Create a draft opportunity profile of ``organisation``: what it offers or seeks."""
    cleaned, industries = clean_profile_values(values, organisation=organisation)
    profile = OpportunityProfile.objects.create(organisation=organisation, **cleaned)
    ProfileIndustry.objects.bulk_create(profile_industry_rows(industries, profile))
    changes = audit_values(cleaned) | {"industries": industry_text(industries)}
    record_audit(actor=actor, action="profile.created", obj=profile, changes=changes, actor_label=actor_label)
    return profile
