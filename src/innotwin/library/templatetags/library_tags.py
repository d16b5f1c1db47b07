"""Template tags other apps use to show the library: the cases from other cities on a pair's page."""

from __future__ import annotations

from typing import Any

from django import template

from innotwin.library.domain.cases_for_theme import cases_for_pair

register = template.Library()


@register.inclusion_tag("library/_pair_cases.html", takes_context=True)
def library_cases(context: dict[str, Any], pair: Any) -> dict[str, Any]:
    """For each of the pair's themes, the most relevant case studies from other cities."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    return {"pair": pair, "themes": cases_for_pair(user=user, pair=pair)}
