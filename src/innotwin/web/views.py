"""The home page and the error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from innotwin.accounts.permissions import Action, visible
from innotwin.pairs.models import Pillar, TwinPair
from innotwin.regions.models import Region


def home(request: HttpRequest) -> HttpResponse:
    pairs = (
        visible(request.user, Action.VIEW_PAIR, TwinPair.objects.all())
        .select_related("region_a__country", "region_b__country")
        .prefetch_related("pillars")
    )
    return render(
        request,
        "web/home.html",
        {"pairs": list(pairs), "pillars": list(Pillar.objects.all()), "region_count": Region.objects.count()},
    )


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(
            {
                "error": {
                    "code": "not_found",
                    "message": _("There is nothing at this address."),
                    "details": [],
                }
            },
            status=404,
        )
    return render(
        request,
        "web/error.html",
        {"status": 404, "message": _("There is nothing at this address.")},
        status=404,
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = (
        str(exception) if exception and str(exception) else _("You do not have permission to see this page.")
    )
    return render(request, "web/error.html", {"status": 403, "message": message}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    message = _("Something went wrong on our side. The error has been logged; please try again later.")
    if _wants_json(request):
        return JsonResponse(
            {"error": {"code": "server_error", "message": message, "details": []}}, status=500
        )
    return render(request, "web/error.html", {"status": 500, "message": message}, status=500)
