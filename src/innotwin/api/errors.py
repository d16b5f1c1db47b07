"""One JSON shape for every API error: ``{"error": {"code", "message", "details"}}``."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from innotwin.core.errors import DataError, InnotwinError, NotFoundError, PermissionDeniedError

logger = logging.getLogger(__name__)

_STATUS = {NotFoundError: 404, PermissionDeniedError: 403, DataError: 422}


def error_response(
    api: NinjaAPI,
    request: HttpRequest,
    *,
    status: int,
    code: str,
    message: str,
    details: list[Any] | None = None,
) -> HttpResponse:
    body = {"error": {"code": code, "message": message, "details": details or []}}
    return api.create_response(request, body, status=status)


def install_error_handlers(api: NinjaAPI) -> None:
    """Register the handlers that give every error the same shape."""

    @api.exception_handler(InnotwinError)
    def innotwin_error(request: HttpRequest, exc: InnotwinError) -> HttpResponse:
        status = next((code for kind, code in _STATUS.items() if isinstance(exc, kind)), 400)
        details = [
            {"message": p.message, "file": p.file, "line": p.line, "field": p.field}
            for p in getattr(exc, "problems", ())
        ]
        return error_response(
            api, request, status=status, code=exc.code, message=exc.message, details=details
        )

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        details = [
            {"message": err.get("msg", ""), "field": ".".join(str(p) for p in err.get("loc", ()))}
            for err in exc.errors
        ]
        return error_response(
            api,
            request,
            status=422,
            code="invalid_request",
            message=_("The request is not valid."),
            details=details,
        )

    @api.exception_handler(AuthenticationError)
    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(
            api,
            request,
            status=401,
            code="unauthenticated",
            message=_(
                "The API token is missing, unknown or revoked. Send it as 'Authorization: Bearer TOKEN'."
            ),
        )

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return error_response(api, request, status=exc.status_code, code="http_error", message=str(exc))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(
            api,
            request,
            status=404,
            code="not_found",
            message=str(exc) or _("There is nothing at this address."),
        )

    @api.exception_handler(Exception)
    def unexpected_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("Unexpected error in the API", exc_info=exc)
        return error_response(
            api,
            request,
            status=500,
            code="server_error",
            message=_("Something went wrong on our side. The error has been logged; please try again later."),
        )
