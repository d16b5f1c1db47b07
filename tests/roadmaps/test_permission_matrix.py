"""Every role against the roadmap pages and API endpoints.

``member`` belongs to the Belfast organisation, a partner of the proposal; ``outsider`` to a Busan
organisation that is no partner; ``coordinator`` coordinates Belfast–Sejong; ``other_coordinator``
coordinates Glasgow–Daegu. ``login`` means a redirect to the sign-in page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from innotwin.accounts.permissions import Action, has_permission
from innotwin.roadmaps.domain.roadmap import draft_roadmap

ROLES = ("anonymous", "member", "outsider", "coordinator", "other_coordinator", "admin")


def expect(*codes: Any) -> dict[str, Any]:
    return dict(zip(ROLES, codes, strict=True))


EVERYONE = expect(200, 200, 200, 200, 200, 200)


@dataclass(frozen=True)
class Case:
    name: str
    request: Callable[[Client, dict[str, Any]], Any]
    expected: dict[str, Any]


def _base(world: dict[str, Any]) -> str:
    return f"/en/roadmaps/{world['pair'].slug}/"


def _p(world: dict[str, Any]) -> str:
    return f"{_base(world)}proposals/{world['proposal'].pk}/"


CASES = [
    Case("dashboard", lambda c, w: c.get(_base(w)), EVERYONE),
    Case("proposal page", lambda c, w: c.get(_p(w)), EVERYONE),
    Case("document", lambda c, w: c.get(_base(w) + "document/?lang=ko&format=html"), EVERYONE),
    Case("edit proposal", lambda c, w: c.get(_p(w) + "edit/"), expect("login", 200, 403, 200, 403, 200)),
    Case(
        "move proposal",
        lambda c, w: c.post(_p(w) + "move/", {"stage": "scoping"}),
        expect("login", 302, 403, 302, 403, 302),
    ),
    Case(
        "add milestone",
        lambda c, w: c.post(_p(w) + "milestones/", {"title_en": "Kick-off", "due_on": "2027-01-01"}),
        expect("login", 302, 403, 302, 403, 302),
    ),
    Case("edit roadmap", lambda c, w: c.get(_base(w) + "edit/"), expect("login", 403, 403, 200, 403, 200)),
    Case(
        "new proposal",
        lambda c, w: c.post(_base(w) + "proposals/new/", {"title_en": "Hydrogen buses"}),
        expect("login", 403, 403, 302, 403, 302),
    ),
    Case(
        "dismiss suggestion",
        lambda c, w: c.post(_base(w) + "suggestions/dismiss/", {"key": "theme:x", "reason": "No"}),
        expect("login", 403, 403, 302, 403, 302),
    ),
    Case("API roadmap", lambda c, w: c.get(f"/api/v1/roadmaps/{w['pair'].slug}"), EVERYONE),
    Case("API proposals", lambda c, w: c.get(f"/api/v1/roadmaps/{w['pair'].slug}/proposals"), EVERYONE),
    Case(
        "API change proposal",
        lambda c, w: c.patch(
            f"/api/v1/roadmaps/proposals/{w['proposal'].pk}",
            {"summary_en": "Edited"},
            content_type="application/json",
        ),
        expect(403, 200, 403, 200, 403, 200),
    ),
    Case(
        "API add proposal",
        lambda c, w: c.post(
            f"/api/v1/roadmaps/{w['pair'].slug}/proposals", {"title_en": "X"}, content_type="application/json"
        ),
        expect(403, 403, 403, 201, 403, 201),
    ),
    Case(
        "API add call",
        lambda c, w: c.post("/api/v1/roadmaps/calls", {"name_en": "Call"}, content_type="application/json"),
        expect(403, 403, 403, 403, 403, 201),
    ),
]


def _status(response: Any) -> Any:
    if response.status_code == 302 and "/accounts/sign-in/" in response["Location"]:
        return "login"
    return response.status_code


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world: dict[str, Any], case: Case, role: str) -> None:
    draft_roadmap(actor=None, pair=world["pair"], values={"vision_en": "A vision"})
    client = Client()
    if role != "anonymous":
        client.force_login(world["people"][role])
    assert _status(case.request(client, world)) == case.expected[role]


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (Action.VIEW_ROADMAP, expect(True, True, True, True, True, True)),
        (Action.EDIT_ROADMAP, expect(False, False, False, True, False, True)),
        (Action.EDIT_PROPOSAL, expect(False, True, False, True, False, True)),
        (Action.MANAGE_FUNDING_CALLS, expect(False, False, False, False, False, True)),
    ],
)
def test_rules_match_the_matrix(world: dict[str, Any], action: Action, expected: dict[str, bool]) -> None:
    from django.contrib.auth.models import AnonymousUser

    target = world["proposal"] if action == Action.EDIT_PROPOSAL else world["pair"]
    for role in ROLES:
        person = AnonymousUser() if role == "anonymous" else world["people"][role]
        assert has_permission(person, action, target) is expected[role], role


def test_a_member_of_a_lead_organisation_edits_the_proposal_and_the_scope_agrees(
    world: dict[str, Any],
) -> None:
    from innotwin.accounts.permissions import visible
    from innotwin.roadmaps.domain.proposals import update_proposal
    from innotwin.roadmaps.models import Proposal

    outsider = world["people"]["outsider"]
    assert not has_permission(outsider, Action.EDIT_PROPOSAL, world["proposal"])
    # the outsider's Busan organisation becomes the Korean lead: now the outsider may edit
    update_proposal(actor=None, proposal=world["proposal"], values={"lead_kr": world["busan"].slug})
    proposal = Proposal.objects.get(pk=world["proposal"].pk)
    assert has_permission(outsider, Action.EDIT_PROPOSAL, proposal)
    assert list(visible(outsider, Action.EDIT_PROPOSAL, Proposal.objects.all())) == [proposal]


def test_a_proposed_pair_roadmap_is_hidden_from_the_public(world: dict[str, Any]) -> None:
    from innotwin.pairs.models import TwinPair

    TwinPair.objects.filter(pk=world["pair"].pk).update(status="proposed")
    assert Client().get(_base(world)).status_code == 404
    client = Client()
    client.force_login(world["people"]["coordinator"])
    assert client.get(_base(world)).status_code == 200
