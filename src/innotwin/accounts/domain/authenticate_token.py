from __future__ import annotations

from django.utils import timezone

from innotwin.accounts.models import ApiToken, User, hash_token


def authenticate_token(*, raw: str) -> User | None:
    """The active user a raw API token belongs to, or ``None``; records when the token was used."""
    token = ApiToken.objects.select_related("user").filter(digest=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
