from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.accounts.permissions import Action, has_permission
from innotwin.core.errors import InvalidStateError
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.models import Organisation


@transaction.atomic
def add_member(
    *,
    actor: User | None,
    organisation: Organisation,
    user: User,
    invited: bool = False,
    actor_label: str = SYSTEM,
) -> None:
    """Make ``user`` a member of ``organisation``: they may then edit it and its profiles. ``invited``
    records that their account was created for this membership (see :mod:`.add_member_by_email`)."""
    organisation.members.add(user)
    record_audit(
        actor=actor,
        action="organisation.member_added",
        obj=organisation,
        changes={"member": user.pk, **({"invited": True} if invited else {})},
        actor_label=actor_label,
    )


@transaction.atomic
def remove_member(
    *, actor: User | None, organisation: Organisation, user: User, actor_label: str = SYSTEM
) -> None:
    """Take ``user``'s membership of ``organisation`` away.

    The last member is removed only by those who may also delete the organisation (its moderators and
    administrators) or from the command line (``actor`` is ``None``): a member who removed the last
    member would leave the organisation with nobody to keep it up to date.
    """
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not organisation.members.filter(pk=user.pk).exists():
        raise InvalidStateError(
            _("%(email)s is not a member of %(organisation)s.")
            % {"email": user.email, "organisation": organisation.name}
        )
    last = not organisation.members.exclude(pk=user.pk).exists()
    if last and actor is not None and not has_permission(actor, Action.DELETE_ORGANISATION, organisation):
        raise InvalidStateError(
            _(
                "%(email)s is the only member of %(organisation)s. An organisation needs a member to keep "
                "its profile and opportunities up to date: add another member first, or ask a coordinator "
                "of the twin pair to remove the last one."
            )
            % {"email": user.email, "organisation": organisation.name}
        )
    organisation.members.remove(user)
    record_audit(
        actor=actor,
        action="organisation.member_removed",
        obj=organisation,
        changes={"member": user.pk},
        actor_label=actor_label,
    )
