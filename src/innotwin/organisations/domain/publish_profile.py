from __future__ import annotations

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.organisations.domain._transition import move
from innotwin.organisations.domain.record_audit import SYSTEM
from innotwin.organisations.enums import ProfileStatus
from innotwin.organisations.models import OpportunityProfile


@transaction.atomic
def publish_profile(
    *, actor: User | None, profile: OpportunityProfile, note: str = "", actor_label: str = SYSTEM
) -> OpportunityProfile:
    """Publish a submitted profile (a coordinator's moderation decision): everyone can then read it."""
    return move(profile, ProfileStatus.PUBLISHED, actor=actor, note=note, actor_label=actor_label)
