from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.core.registry import OrganisationRecord
from innotwin.organisations.domain._lookups import RECORD_FIELDS, taken_slugs, unique_slug, validate_values
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.enums import Verification
from innotwin.organisations.models import Organisation, OrganisationIndustry


def industry_rows(record: OrganisationRecord, organisation: Organisation) -> list[OrganisationIndustry]:
    """The industry rows of ``record`` for ``organisation`` (not yet saved)."""
    return [
        OrganisationIndustry(
            organisation=organisation,
            scheme=code.scheme,
            code=code.code,
            isic_group=code.isic_group,
            isic_sections="".join(code.sections),
        )
        for code in record.industries
    ]


def organisation_from(
    record: OrganisationRecord, *, slug: str, source: str, verification: str
) -> Organisation:
    """An unsaved organisation holding ``record``'s values."""
    organisation = Organisation(slug=slug, region_id=record.region, source=source, verification=verification)
    for name in RECORD_FIELDS:
        setattr(organisation, name, getattr(record, name))
    return organisation


@transaction.atomic
def create_organisation(
    *,
    actor: User | None,
    values: Mapping[str, Any],
    verification: Verification = Verification.UNVERIFIED,
    join: bool = True,
    actor_label: str = SYSTEM,
) -> Organisation:
    """Create an organisation from its values (text per import column); its creator becomes a member."""
    record = validate_values(values)
    organisation = organisation_from(
        record, slug=unique_slug(record, source="", taken=taken_slugs()), source="", verification=verification
    )
    organisation.save()
    OrganisationIndustry.objects.bulk_create(industry_rows(record, organisation))
    if join and actor is not None:
        organisation.members.add(actor)
    record_audit(
        actor=actor,
        action="organisation.created",
        obj=organisation,
        changes={name: value for name, value in values.items() if value not in (None, "")},
        actor_label=actor_label,
    )
    return organisation
