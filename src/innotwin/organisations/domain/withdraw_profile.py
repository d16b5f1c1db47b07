from __future__ import annotations

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.organisations.domain._transition import move
from innotwin.organisations.domain.record_audit import SYSTEM
from innotwin.organisations.enums import ProfileStatus
from innotwin.organisations.models import OpportunityProfile


@transaction.atomic
def withdraw_profile(
    *, actor: User | None, profile: OpportunityProfile, actor_label: str = SYSTEM
) -> OpportunityProfile:
    """Withdraw a profile: it is no longer offered or sought, and no longer shown to the public."""
    return move(profile, ProfileStatus.WITHDRAWN, actor=actor, actor_label=actor_label)
