"""The one place that decides who may do what.

Every view, API endpoint and CLI command asks :func:`has_permission` (or :func:`require_permission`)
and scopes lists with :func:`visible`. A rule knows the shape of the objects it judges (a twin pair has
``status`` and ``coordinators``), never the view that asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import PermissionDeniedError

Person = User | AnonymousUser
M = TypeVar("M")

# A twin pair in one of these states is public; a proposed or withdrawn one is seen only by its
# coordinators and the programme administrators.
PUBLIC_PAIR_STATUSES = ("active", "paused", "completed")


class Action(StrEnum):
    VIEW_PAIR = "view_pair"
    EDIT_PAIR = "edit_pair"
    PROPOSE_PAIR = "propose_pair"
    VIEW_REGION = "view_region"
    MANAGE_PROGRAMME = "manage_programme"
    USE_API_TOKENS = "use_api_tokens"


def _is_admin(person: Person) -> bool:
    return isinstance(person, User) and person.is_programme_admin


def _is_signed_in(person: Person) -> bool:
    return isinstance(person, User) and person.is_active


def _coordinates(person: Person, pair: Any) -> bool:
    return _is_signed_in(person) and pair.coordinators.filter(pk=person.pk).exists()


@dataclass(frozen=True)
class Rule:
    """Who may take an action on one object, and the same rule as a filter over many."""

    allows: Callable[[Person, Any], bool]
    scope: Callable[[Person], Q] | None = None


_ALL = Q()
_NONE = Q(pk__in=[])

RULES: dict[Action, Rule] = {
    Action.VIEW_PAIR: Rule(
        allows=lambda p, pair: _is_admin(p) or pair.status in PUBLIC_PAIR_STATUSES or _coordinates(p, pair),
        scope=lambda p: (
            _ALL
            if _is_admin(p)
            else Q(status__in=PUBLIC_PAIR_STATUSES) | (Q(coordinators=p) if _is_signed_in(p) else _NONE)
        ),
    ),
    Action.EDIT_PAIR: Rule(
        allows=lambda p, pair: _is_admin(p) or _coordinates(p, pair),
        scope=lambda p: _ALL if _is_admin(p) else (Q(coordinators=p) if _is_signed_in(p) else _NONE),
    ),
    Action.PROPOSE_PAIR: Rule(allows=lambda p, _obj: _is_admin(p)),
    Action.VIEW_REGION: Rule(allows=lambda _p, _obj: True, scope=lambda _p: _ALL),
    Action.MANAGE_PROGRAMME: Rule(allows=lambda p, _obj: _is_admin(p)),
    Action.USE_API_TOKENS: Rule(allows=lambda p, _obj: _is_signed_in(p)),
}


def has_permission(person: Person, action: Action, obj: Any = None) -> bool:
    """Whether ``person`` may take ``action`` (on ``obj``, for object-level actions)."""
    return RULES[action].allows(person, obj)


def require_permission(person: Person, action: Action, obj: Any = None) -> None:
    """Raise :class:`PermissionDeniedError` unless ``person`` may take ``action``."""
    if not has_permission(person, action, obj):
        if _is_signed_in(person):
            raise PermissionDeniedError(_("You do not have permission to do this."))
        raise PermissionDeniedError(_("Please sign in to do this."))


def visible(person: Person, action: Action, queryset: QuerySet[M]) -> QuerySet[M]:
    """The objects of ``queryset`` on which ``person`` may take ``action``."""
    scope = RULES[action].scope
    if scope is None:
        raise ValueError(f"The action {action} is not a list action; it has no scope.")
    return queryset.filter(scope(person)).distinct()
