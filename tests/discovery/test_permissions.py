"""Every role against every discovery page and endpoint: anyone reads, programme administrators propose."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from innotwin.accounts.permissions import Action, has_permission
from innotwin.discovery.domain.propose_twin_pair import propose_twin_pair
from innotwin.pairs.domain.assign_coordinator import assign_coordinator

ROLES = ["anonymous", "member", "coordinator", "other_coordinator", "admin"]
READ_PAGES = [
    "/en/discover/",
    "/ko/discover/?profile=peers",
    "/en/discover/pairs/TLD7/KR-26/",
    "/en/discover/report/?top=1",
]
READ_ENDPOINTS = ["/api/v1/discovery/rankings?top=3", "/api/v1/discovery/pairs/TLD7/KR-26"]


def _client(people, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(people[role])
    return client


@pytest.fixture
def proposed(atlas, people):
    """A discovered pair proposed by the administrator, coordinated by the coordinator."""
    pair = propose_twin_pair(a="TLM8", b="KR-27", proposed_by=people["admin"])
    assign_coordinator(pair=pair, user=people["coordinator"])
    return pair


@pytest.mark.parametrize(
    ("role", "view", "propose"),
    [
        ("anonymous", True, False),
        ("member", True, False),
        ("coordinator", True, False),
        ("other_coordinator", True, False),
        ("admin", True, True),
    ],
)
def test_discovery_permission_matrix(people, role, view, propose) -> None:
    person = AnonymousUser() if role == "anonymous" else people[role]
    assert (has_permission(person, Action.VIEW_DISCOVERY), has_permission(person, Action.PROPOSE_PAIR)) == (
        view,
        propose,
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", READ_PAGES)
def test_discovery_pages_are_open_to_every_role(atlas, people, role: str, path: str) -> None:
    assert _client(people, role).get(path).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_shortlist_pdf_is_open_to_every_role(atlas, people, role: str) -> None:
    response = _client(people, role).get("/en/discover/report.pdf?top=1")
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", READ_ENDPOINTS)
def test_discovery_endpoints_are_open_to_every_role(atlas, people, role: str, path: str) -> None:
    assert _client(people, role).get(path).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_propose_button_is_shown_to_programme_administrators_only(atlas, people, role: str) -> None:
    page = _client(people, role).get("/en/discover/pairs/TLD7/KR-26/").content.decode()
    assert ("Propose as twin pair</button>" in page) is (role == "admin")


@pytest.mark.parametrize(
    ("role", "status", "location"),
    [
        ("anonymous", 302, "/en/accounts/sign-in/?next=/en/discover/pairs/TLD7/KR-26/propose/"),
        ("member", 403, None),
        ("coordinator", 403, None),
        ("other_coordinator", 403, None),
        ("admin", 302, "/en/discover/evidence/merseyside-busan/"),
    ],
)
def test_propose_page_action_is_for_programme_administrators(atlas, people, role, status, location) -> None:
    response = _client(people, role).post("/en/discover/pairs/TLD7/KR-26/propose/", {"profile": "balanced"})
    assert (response.status_code, response.get("Location")) == (status, location)


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 403), ("member", 403), ("coordinator", 403), ("other_coordinator", 403), ("admin", 201)],
)
def test_propose_endpoint_is_for_programme_administrators(atlas, people, role: str, status: int) -> None:
    response = _client(people, role).post(
        "/api/v1/discovery/pairs/TLD7/KR-26/propose", {"profile": "balanced"}, content_type="application/json"
    )
    assert response.status_code == status
    if status == 403:
        assert response.json()["error"]["code"] == "permission_denied"


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 404), ("member", 404), ("coordinator", 200), ("other_coordinator", 404), ("admin", 200)],
)
def test_evidence_of_a_proposed_pair_follows_who_may_see_the_pair(
    proposed, people, role: str, status: int
) -> None:
    client = _client(people, role)
    assert client.get(f"/en/discover/evidence/{proposed.slug}/").status_code == status
    assert client.get(f"/api/v1/discovery/evidence/{proposed.slug}").status_code == status
