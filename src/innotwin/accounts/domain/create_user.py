from __future__ import annotations

import secrets

from django.db import transaction

from innotwin.accounts.enums import Role
from innotwin.accounts.models import User


@transaction.atomic
def create_user(
    *, email: str, role: Role, full_name: str = "", password: str | None = None
) -> tuple[User, str | None]:
    """Create a person's account; without a password, a one-time password is generated and returned."""
    one_time = None
    if password is None:
        one_time = secrets.token_urlsafe(12)
    user = User.objects.create_user(
        email, password or one_time, role=role, full_name=full_name, must_change_password=one_time is not None
    )
    return user, one_time
