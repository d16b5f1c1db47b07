from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from innotwin.accounts.models import User
from innotwin.organisations.domain.erase_person import ERASED, erase_person
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.models import AuditEntry, Person


@dataclass(frozen=True)
class ErasureResult:
    contacts: int
    account: bool


@transaction.atomic
def erase_personal_data(*, actor: User | None, email: str, actor_label: str = SYSTEM) -> ErasureResult:
    """Erase everything held about the person with ``email``: their contact records, their memberships and
    API tokens, and their account's identifying data (the account is closed). Organisations keep their
    non-personal record; the audit log keeps its entries, naming the person only as an erased account."""
    email = email.strip().lower()
    user = User.objects.filter(email=email).first()
    people = Person.objects.filter(
        Q(email=email) | Q(user=user) if user else Q(email=email), erased_at__isnull=True
    )
    contacts = 0
    for person in people:
        erase_person(actor=actor, person=person, actor_label=actor_label)
        contacts += 1
    if user is not None:
        user.organisations.clear()
        user.api_tokens.all().delete()
        user.email = f"erased-{user.pk}@erased.invalid"
        user.full_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        record_audit(
            actor=actor,
            action="account.erased",
            object_type="user",
            object_id=str(user.pk),
            label=ERASED,
            actor_label=actor_label,
        )
        AuditEntry.objects.filter(actor=user).update(actor_label=ERASED)
    return ErasureResult(contacts=contacts, account=user is not None)
