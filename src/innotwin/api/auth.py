"""Bearer-token authentication that also lets anonymous visitors read what is public."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from innotwin.accounts.domain.authenticate_token import authenticate_token


class TokenAuth(HttpBearer):
    """``Authorization: Bearer TOKEN`` identifies the user; without the header the request is anonymous
    (or the signed-in browser session). A header with a wrong token is refused, never downgraded."""

    def __call__(self, request: HttpRequest) -> Any:
        if "Authorization" not in request.headers:
            return request.user
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = authenticate_token(raw=token)
        if user is None:
            raise AuthenticationError
        request.user = user
        return user
