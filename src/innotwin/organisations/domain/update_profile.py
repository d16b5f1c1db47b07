from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.accounts.permissions import Action, has_permission
from innotwin.organisations.domain._lookups import industry_text
from innotwin.organisations.domain._profile_values import PROFILE_FIELDS, clean_profile_values
from innotwin.organisations.domain.create_profile import audit_values, profile_industry_rows
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.enums import ProfileStatus
from innotwin.organisations.models import OpportunityProfile


def profile_values(profile: OpportunityProfile) -> dict[str, Any]:
    """A profile's values in the shape :func:`update_profile` and the forms take."""
    values = {name: getattr(profile, name) for name in PROFILE_FIELDS if name not in {"pillar", "industries"}}
    values["pillar"] = profile.pillar_id
    values["industries"] = industry_text(profile.industries.all())
    return values


@transaction.atomic
def update_profile(
    *, actor: User | None, profile: OpportunityProfile, values: Mapping[str, Any], actor_label: str = SYSTEM
) -> OpportunityProfile:
    """Change a profile. A member's change to a published profile sends it back to moderation; a change to
    an expired or withdrawn profile makes it a draft again."""
    before = profile_values(profile)
    merged = {**before, **{name: value for name, value in values.items() if name in before}}
    cleaned, industries = clean_profile_values(merged, organisation=profile.organisation)
    after = audit_values(cleaned) | {"industries": industry_text(industries)}
    old = audit_values({**before, "pillar_id": before["pillar"]})
    changes = {name: [old.get(name), value] for name, value in after.items() if old.get(name) != value}
    changes.pop("pillar", None)
    for name, value in cleaned.items():
        setattr(profile, name, value)
    status = profile.status
    moderator = actor is None or has_permission(actor, Action.MODERATE_PROFILE, profile)
    if changes and status == ProfileStatus.PUBLISHED and not moderator:
        profile.status = ProfileStatus.SUBMITTED
    elif changes and status in {ProfileStatus.EXPIRED, ProfileStatus.WITHDRAWN}:
        profile.status = ProfileStatus.DRAFT
    if profile.status != status:
        changes["status"] = [status, profile.status]
    profile.save()
    if "industries" in changes:
        profile.industries.all().delete()
        profile.industries.model.objects.bulk_create(profile_industry_rows(industries, profile))
    if changes:
        record_audit(
            actor=actor, action="profile.updated", obj=profile, changes=changes, actor_label=actor_label
        )
    return profile
