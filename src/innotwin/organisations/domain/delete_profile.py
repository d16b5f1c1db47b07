from __future__ import annotations

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.models import OpportunityProfile


@transaction.atomic
def delete_profile(*, actor: User | None, profile: OpportunityProfile, actor_label: str = SYSTEM) -> None:
    """Delete an opportunity profile for good (withdrawing keeps it in the history instead)."""
    record_audit(actor=actor, action="profile.deleted", obj=profile, actor_label=actor_label)
    profile.delete()
