from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from innotwin.organisations.domain._transition import move
from innotwin.organisations.enums import ProfileStatus
from innotwin.organisations.models import OpportunityProfile


@transaction.atomic
def expire_profiles(*, today: dt.date | None = None) -> int:
    """Mark every published profile whose expiry date has passed as expired; returns how many."""
    day = today or timezone.localdate()
    due = OpportunityProfile.objects.filter(status=ProfileStatus.PUBLISHED, expires_on__lt=day)
    count = 0
    for profile in due.select_for_update():
        move(profile, ProfileStatus.EXPIRED, actor=None, actor_label="innotwin (expiry date)")
        count += 1
    return count
