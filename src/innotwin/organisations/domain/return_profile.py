from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import DataError, Problem
from innotwin.organisations.domain._transition import move
from innotwin.organisations.domain.record_audit import SYSTEM
from innotwin.organisations.enums import ProfileStatus
from innotwin.organisations.models import OpportunityProfile


@transaction.atomic
def return_profile(
    *, actor: User | None, profile: OpportunityProfile, note: str, actor_label: str = SYSTEM
) -> OpportunityProfile:
    """Send a submitted profile back to its organisation as a draft, saying what to change."""
    if not note.strip():
        raise DataError([Problem(_("Say what the organisation should change."), field="note")])
    return move(profile, ProfileStatus.DRAFT, actor=actor, note=note.strip(), actor_label=actor_label)
