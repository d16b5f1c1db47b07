from __future__ import annotations

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.enums import Verification
from innotwin.organisations.models import Organisation


@transaction.atomic
def verify_organisation(
    *, actor: User | None, organisation: Organisation, verified: bool = True, actor_label: str = SYSTEM
) -> Organisation:
    """Mark an organisation as verified by a coordinator (or take the mark back)."""
    before = organisation.verification
    organisation.verification = Verification.VERIFIED if verified else Verification.UNVERIFIED
    organisation.save(update_fields=["verification", "updated_at"])
    record_audit(
        actor=actor,
        action="organisation.verified" if verified else "organisation.unverified",
        obj=organisation,
        changes={"verification": [before, organisation.verification]},
        actor_label=actor_label,
    )
    return organisation
