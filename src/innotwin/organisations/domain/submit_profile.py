from __future__ import annotations

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.organisations.domain._transition import move
from innotwin.organisations.domain.record_audit import SYSTEM
from innotwin.organisations.enums import ProfileStatus
from innotwin.organisations.models import OpportunityProfile


@transaction.atomic
def submit_profile(
    *, actor: User | None, profile: OpportunityProfile, actor_label: str = SYSTEM
) -> OpportunityProfile:
    """Send a draft profile to the pair's coordinators for moderation."""
    return move(profile, ProfileStatus.SUBMITTED, actor=actor, actor_label=actor_label)
