from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.organisations.domain._lookups import RECORD_FIELDS, validate_values, values_of
from innotwin.organisations.domain.create_organisation import industry_rows
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.models import Organisation, OrganisationIndustry


@transaction.atomic
def update_organisation(
    *, actor: User | None, organisation: Organisation, values: Mapping[str, Any], actor_label: str = SYSTEM
) -> Organisation:
    """Change some of an organisation's values (text per import column); the rest stay as they are."""
    before = values_of(organisation)
    merged = {**before, **{name: value for name, value in values.items() if name in before}}
    record = validate_values(merged, exclude=organisation.pk)
    changes = {
        name: [before[name], str(merged[name] or "")]
        for name in before
        if str(before[name]) != str(merged[name] or "")
    }
    for name in RECORD_FIELDS:
        setattr(organisation, name, getattr(record, name))
    organisation.region_id = record.region
    organisation.save()
    if "industries" in changes or "region" in changes:
        organisation.industries.all().delete()
        OrganisationIndustry.objects.bulk_create(industry_rows(record, organisation))
    if changes:
        record_audit(
            actor=actor,
            action="organisation.updated",
            obj=organisation,
            changes=changes,
            actor_label=actor_label,
        )
    return organisation
