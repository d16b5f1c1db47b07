from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from innotwin.accounts.models import User
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.enums import ConsentPurpose
from innotwin.organisations.models import Person


@transaction.atomic
def withdraw_consent(
    *, actor: User | None, person: Person, purpose: ConsentPurpose | str, actor_label: str = SYSTEM
) -> int:
    """Record that ``person`` withdrew their consent to ``purpose``; without it a contact is not shown."""
    count = person.consents.filter(purpose=purpose, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    record_audit(
        actor=actor,
        action="person.consent_withdrawn",
        obj=person,
        changes={"purpose": str(purpose)},
        actor_label=actor_label,
    )
    return count
