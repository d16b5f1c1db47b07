from __future__ import annotations

import secrets

from innotwin.accounts.models import ApiToken, User, hash_token


def create_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create an API token for ``user``; returns the record and the raw token, which is never stored."""
    raw = "it_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, digest=hash_token(raw), prefix=raw[:8])
    return token, raw
