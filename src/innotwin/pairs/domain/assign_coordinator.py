from __future__ import annotations

from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.pairs.models import TwinPair


def assign_coordinator(*, pair: TwinPair, user: User) -> None:
    """Make ``user`` a coordinator of ``pair``; an organisation member becomes a pair coordinator."""
    if user.role == Role.ORGANISATION_MEMBER:
        user.role = Role.PAIR_COORDINATOR
        user.save(update_fields=["role", "is_superuser"])
    pair.coordinators.add(user)
