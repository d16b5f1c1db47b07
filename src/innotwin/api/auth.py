"""Bearer-token authentication that also lets anonymous visitors read what is public."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from innotwin.accounts.domain.authenticate_token import authenticate_token
from innotwin.core.errors import PermissionDeniedError


class TokenAuth(HttpBearer):
    """``Authorization: Bearer TOKEN`` identifies the user; without the header the request is anonymous
    (or the signed-in browser session). A header with a wrong token is refused, never downgraded.

    A write made with the browser's session cookie must carry the CSRF token, as a form would; a bearer
    token needs none, because a cross-site page cannot set the header."""

    def __call__(self, request: HttpRequest) -> Any:
        if "Authorization" not in request.headers:
            if request.user.is_authenticated:
                _check_csrf(request)
            return request.user
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = authenticate_token(raw=token)
        if user is None:
            raise AuthenticationError
        request.user = user
        return user


def _check_csrf(request: HttpRequest) -> None:
    """Django's own check (it passes safe methods and honours the test client's opt-out)."""
    refusal = CsrfViewMiddleware(lambda _request: HttpResponse()).process_view(request, None, (), {})
    if refusal is not None:
        raise PermissionDeniedError(_("A write with a browser session needs the CSRF token (X-CSRFToken)."))
