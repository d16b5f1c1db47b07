"""Every role against every library page and endpoint: who may read, upload, edit and publish.

D is a draft uploaded by ``member`` from a region of the pair ``coordinator`` coordinates; P is a
published document from Busan, outside that pair. "login" means a redirect to sign in.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.library.domain.add_document import add_document
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from tests.factories import make_pair

ROLES = ("anonymous", "member", "other_member", "coordinator", "other_coordinator", "admin")


@pytest.fixture
def world(atlas, people):
    pair = make_pair(slug="test-pair")
    assign_coordinator(pair=pair, user=people["coordinator"])
    other_member, _ = create_user(
        email="member2@example.org", role=Role.ORGANISATION_MEMBER, password="x" * 12
    )
    draft = add_document(
        data=b"# Drone pilot\n\nDrones deliver parcels in the city.",
        filename="drones.md",
        kind="case_study",
        region=pair.region_b_id,
        uploaded_by=people["member"],
    )
    published = add_document(
        data=b"# Eco Delta City\n\nA water-based smart city.",
        filename="eco.md",
        kind="case_study",
        region="KR-26",
        status="published",
        themes=["smart_cities"],
    )
    users = {**people, "other_member": other_member, "anonymous": None}
    return {"users": users, "D": draft.pk, "P": published.pk}


def _client(world, role: str) -> Client:
    client = Client()
    if world["users"][role] is not None:
        client.force_login(world["users"][role])
    return client


def _outcome(response) -> object:
    if response.status_code == 302:
        return "login" if "/accounts/sign-in/" in response["Location"] else 302
    return response.status_code


# (method, path, body, expected outcome per role in ROLES order)
CASES = [
    ("get", "/en/library/", None, (200, 200, 200, 200, 200, 200)),
    ("get", "/ko/library/?q=드론", None, (200, 200, 200, 200, 200, 200)),
    ("get", "/en/library/{P}/", None, (200, 200, 200, 200, 200, 200)),
    ("get", "/en/library/{D}/", None, (404, 200, 404, 200, 404, 200)),
    ("get", "/en/library/{D}/file/", None, (404, 200, 404, 200, 404, 200)),
    ("get", "/en/library/upload/", None, ("login", 200, 200, 200, 200, 200)),
    ("get", "/en/library/{D}/edit/", None, ("login", 403, 404, 200, 404, 200)),
    ("get", "/en/library/{P}/edit/", None, ("login", 403, 403, 403, 403, 200)),
    ("post", "/en/library/{D}/publish/", {}, ("login", 403, 404, 302, 404, 302)),
    ("post", "/en/library/{P}/publish/", {"action": "withdraw"}, ("login", 403, 403, 403, 403, 302)),
    ("get", "/api/v1/library/search?q=drone", None, (200, 200, 200, 200, 200, 200)),
    ("get", "/api/v1/library/documents", None, (200, 200, 200, 200, 200, 200)),
    ("get", "/api/v1/library/documents/{P}", None, (200, 200, 200, 200, 200, 200)),
    ("get", "/api/v1/library/documents/{D}", None, (404, 200, 404, 200, 404, 200)),
    ("get", "/api/v1/library/documents/{D}/similar", None, (404, 200, 404, 200, 404, 200)),
    ("get", "/api/v1/library/themes/smart_cities/cases?pair=test-pair", None, (200,) * 6),
    ("upload", "/api/v1/library/documents", None, (403, 201, 201, 201, 201, 201)),
    ("patch", "/api/v1/library/documents/{D}", {"title_en": "Renamed"}, (404, 403, 404, 200, 404, 200)),
    ("patch", "/api/v1/library/documents/{P}", {"title_en": "Renamed"}, (403, 403, 403, 403, 403, 200)),
    ("post", "/api/v1/library/documents/{D}/publish", {}, (404, 403, 404, 200, 404, 200)),
    ("post", "/api/v1/library/documents/{P}/withdraw", {}, (403, 403, 403, 403, 403, 200)),
]


@pytest.mark.parametrize(("method", "path", "body", "expected"), CASES, ids=[f"{c[0]} {c[1]}" for c in CASES])
def test_library_permission_for_every_role(world, method: str, path: str, body, expected) -> None:
    url = path.format(D=world["D"], P=world["P"])
    outcomes = []
    for role in ROLES:
        with transaction.atomic():  # each role meets the same world: what one changes is rolled back
            outcomes.append(_request(_client(world, role), method, url, body, role))
            transaction.set_rollback(True)
    assert dict(zip(ROLES, outcomes, strict=True)) == dict(zip(ROLES, expected, strict=True))


def _request(client: Client, method: str, url: str, body, role: str) -> object:
    if method == "get":
        response = client.get(url)
    elif method == "post":
        response = client.post(url, body)
    elif method == "patch":
        response = client.patch(url, body, content_type="application/json")
    else:
        upload = SimpleUploadedFile(f"{role}.md", f"# Note by {role}\n\nShore power.".encode())
        response = client.post(url, {"file": upload, "kind": "policy_brief"})
    return _outcome(response)


def test_library_lists_drafts_only_to_those_who_may_see_them(world) -> None:
    counts = {role: _client(world, role).get("/api/v1/library/documents").json()["count"] for role in ROLES}
    assert counts == {
        "anonymous": 1,
        "member": 2,
        "other_member": 1,
        "coordinator": 2,
        "other_coordinator": 1,
        "admin": 2,
    }
