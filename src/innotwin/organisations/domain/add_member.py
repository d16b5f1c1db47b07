from __future__ import annotations

from django.db import transaction

from innotwin.accounts.models import User
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.models import Organisation


@transaction.atomic
def add_member(
    *, actor: User | None, organisation: Organisation, user: User, actor_label: str = SYSTEM
) -> None:
    """Make ``user`` a member of ``organisation``: they may then edit it and its profiles."""
    organisation.members.add(user)
    record_audit(
        actor=actor,
        action="organisation.member_added",
        obj=organisation,
        changes={"member": user.pk},
        actor_label=actor_label,
    )


@transaction.atomic
def remove_member(
    *, actor: User | None, organisation: Organisation, user: User, actor_label: str = SYSTEM
) -> None:
    """Take ``user``'s membership of ``organisation`` away."""
    organisation.members.remove(user)
    record_audit(
        actor=actor,
        action="organisation.member_removed",
        obj=organisation,
        changes={"member": user.pk},
        actor_label=actor_label,
    )
