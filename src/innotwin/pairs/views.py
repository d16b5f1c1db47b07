"""Pages of a twin pair."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from innotwin.accounts.permissions import Action, has_permission, visible
from innotwin.pairs.models import TwinPair


def pair_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One twin pair: its regions, pillars and agreements; a pair a visitor may not see is a 404."""
    pairs = TwinPair.objects.select_related(
        "region_a__country", "region_b__country", "region_a__parent", "region_b__parent"
    )
    pair = visible(request.user, Action.VIEW_PAIR, pairs).filter(slug=slug).first()
    if pair is None:
        raise Http404
    return render(
        request,
        "pairs/detail.html",
        {
            "pair": pair,
            "regions": [pair.region_a, pair.region_b],
            "agreements": pair.agreements.all(),
            "may_plan_missions": has_permission(request.user, Action.MANAGE_MISSION, pair),
        },
    )
