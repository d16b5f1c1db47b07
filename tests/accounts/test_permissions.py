"""The permission matrix: every role against every pair action, on a public and on a proposed pair."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from innotwin.accounts.permissions import Action, has_permission, require_permission, visible
from innotwin.core.errors import PermissionDeniedError
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.enums import PairStatus
from innotwin.pairs.models import TwinPair
from tests.factories import make_pair

# (role, action, on the public pair, on the proposed pair)
MATRIX = [
    ("anonymous", Action.VIEW_PAIR, True, False),
    ("member", Action.VIEW_PAIR, True, False),
    ("coordinator", Action.VIEW_PAIR, True, True),
    ("other_coordinator", Action.VIEW_PAIR, True, False),
    ("admin", Action.VIEW_PAIR, True, True),
    ("anonymous", Action.EDIT_PAIR, False, False),
    ("member", Action.EDIT_PAIR, False, False),
    ("coordinator", Action.EDIT_PAIR, True, True),
    ("other_coordinator", Action.EDIT_PAIR, False, False),
    ("admin", Action.EDIT_PAIR, True, True),
]


@pytest.fixture
def pairs(people):
    public = make_pair(slug="public-pair", status=PairStatus.ACTIVE, suffix="1")
    proposed = make_pair(slug="proposed-pair", status=PairStatus.PROPOSED, suffix="2")
    assign_coordinator(pair=public, user=people["coordinator"])
    assign_coordinator(pair=proposed, user=people["coordinator"])
    return {"public": public, "proposed": proposed}


def _person(people, role):
    return AnonymousUser() if role == "anonymous" else people[role]


@pytest.mark.parametrize(("role", "action", "on_public", "on_proposed"), MATRIX)
def test_pair_permission_matrix(people, pairs, role, action, on_public, on_proposed) -> None:
    person = _person(people, role)
    assert has_permission(person, action, pairs["public"]) is on_public
    assert has_permission(person, action, pairs["proposed"]) is on_proposed


@pytest.mark.parametrize(("role", "action", "on_public", "on_proposed"), MATRIX)
def test_visible_agrees_with_has_permission(people, pairs, role, action, on_public, on_proposed) -> None:
    person = _person(people, role)
    expected = {
        slug for slug, allowed in (("public-pair", on_public), ("proposed-pair", on_proposed)) if allowed
    }
    assert set(visible(person, action, TwinPair.objects.all()).values_list("slug", flat=True)) == expected


@pytest.mark.parametrize(
    ("role", "allowed"), [("anonymous", False), ("member", False), ("coordinator", False), ("admin", True)]
)
def test_programme_actions_only_for_administrators(people, role, allowed) -> None:
    person = _person(people, role)
    assert has_permission(person, Action.PROPOSE_PAIR) is allowed
    assert has_permission(person, Action.MANAGE_PROGRAMME) is allowed


def test_require_permission_anonymous_is_asked_to_sign_in(db) -> None:
    with pytest.raises(PermissionDeniedError, match="Please sign in"):
        require_permission(AnonymousUser(), Action.MANAGE_PROGRAMME)


def test_require_permission_member_is_told_no(people) -> None:
    with pytest.raises(PermissionDeniedError, match="You do not have permission"):
        require_permission(people["member"], Action.MANAGE_PROGRAMME)


def test_deactivated_admin_loses_every_right(people, pairs) -> None:
    admin = people["admin"]
    admin.is_active = False
    admin.save()
    assert has_permission(admin, Action.EDIT_PAIR, pairs["public"]) is False
    assert has_permission(admin, Action.MANAGE_PROGRAMME) is False


def test_assign_coordinator_promotes_a_member(people, pairs) -> None:
    member = people["member"]
    assign_coordinator(pair=pairs["public"], user=member)
    member.refresh_from_db()
    assert member.role == "pair_coordinator"
    assert has_permission(member, Action.EDIT_PAIR, pairs["public"]) is True
