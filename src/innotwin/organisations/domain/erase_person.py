from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from innotwin.accounts.models import User
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.models import AuditEntry, Person

ERASED = "[erased]"


@transaction.atomic
def erase_person(*, actor: User | None, person: Person, actor_label: str = SYSTEM) -> Person:
    """Erase a contact person's personal data; the organisation and the fact of consent (when, to what)
    stay, without anything that identifies the person."""
    now = timezone.now()
    person.full_name = person.job_title = person.email = person.phone = ""
    person.user = None
    person.erased_at = person.erased_at or now
    person.save()
    person.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)
    AuditEntry.objects.filter(object_type="person", object_id=str(person.pk)).update(
        object_label=ERASED, changes={}
    )
    record_audit(actor=actor, action="person.erased", obj=person, label=ERASED, actor_label=actor_label)
    return person
