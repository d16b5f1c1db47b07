"""Adds the Content-Security-Policy header to every response that does not set its own."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class InnotwinErrorMiddleware:
    """Turns an innotwin error raised by a web view into the page a person expects, never a traceback."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from django.contrib.auth.views import redirect_to_login

        from innotwin.core.errors import NotFoundError, PermissionDeniedError
        from innotwin.web.views import not_found, permission_denied

        if isinstance(exception, PermissionDeniedError):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return permission_denied(request, exception)
        if isinstance(exception, NotFoundError):
            return not_found(request, exception)
        return None
