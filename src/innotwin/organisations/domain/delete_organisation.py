from __future__ import annotations

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.models import Organisation


@transaction.atomic
def delete_organisation(*, actor: User | None, organisation: Organisation, actor_label: str = SYSTEM) -> None:
    """Delete an organisation with its contact people and opportunity profiles."""
    record_audit(actor=actor, action="organisation.deleted", obj=organisation, actor_label=actor_label)
    organisation.delete()
