"""Every role against every page and every API endpoint of the registry.

Each case runs once per role inside a savepoint that is rolled back, so every role meets the same world:
``member`` belongs to the Belfast company, ``outsider`` to a Busan company, ``coordinator`` coordinates
Belfast–Sejong (and so moderates the Belfast company), ``other_coordinator`` coordinates Glasgow–Daegu.
``login`` means a redirect to the sign-in page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from innotwin.accounts.domain.create_api_token import create_api_token
from innotwin.organisations.domain.add_person import add_person
from tests.organisations.factories import in_days
from tests.organisations.files import csv_bytes

ROLES = ("anonymous", "member", "outsider", "coordinator", "other_coordinator", "admin")


def expect(
    anonymous: Any, member: Any, outsider: Any, coordinator: Any, other_coordinator: Any, admin: Any
) -> dict[str, Any]:
    return dict(zip(ROLES, (anonymous, member, outsider, coordinator, other_coordinator, admin), strict=True))


EVERYONE = expect(200, 200, 200, 200, 200, 200)
SIGNED_IN = expect("login", 200, 200, 200, 200, 200)
EDITORS = expect("login", 200, 403, 200, 403, 200)
EDITORS_POST = expect("login", 302, 403, 302, 403, 302)
MODERATORS_POST = expect("login", 403, 403, 302, 403, 302)
PRIVATE_PROFILE = expect(404, 200, 404, 200, 404, 200)

ORG = "harbour-robotics-ltd"
ORGANISATION_FORM = {
    "name_en": "Harbour Robotics Ltd",
    "type": "sme",
    "region": "N09000003",
    "size_band": "small",
    "description_en_origin": "original",
    "description_ko_origin": "original",
    "keywords_en_origin": "original",
    "keywords_ko_origin": "original",
}
PROFILE_FORM = {
    "kind": "technology_request",
    "title_en": "Sensor partner",
    "summary_en": "We seek sensors.",
    "pillar": "business",
    "stage": "idea",
    "expires_on": in_days(90).isoformat(),
    "title_en_origin": "original",
    "title_ko_origin": "original",
    "summary_en_origin": "original",
    "summary_ko_origin": "original",
}


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    url: str
    expected: dict[str, Any]
    data: dict[str, Any] | Callable[[], dict[str, Any]] = field(default_factory=dict)
    api: bool = False


WEB = [
    Case("directory", "get", "/en/organisations/", EVERYONE),
    Case(
        "directory in Korean with filters",
        "get",
        "/ko/organisations/?type=sme&industry=J&q=harbour",
        EVERYONE,
    ),
    Case("organisation page", "get", f"/en/organisations/{ORG}/", EVERYONE),
    Case("published profile page", "get", "/en/organisations/profiles/{published}/", EVERYONE),
    Case("draft profile page", "get", "/en/organisations/profiles/{draft}/", PRIVATE_PROFILE),
    Case("create form", "get", "/en/organisations/new/", SIGNED_IN),
    Case(
        "create",
        "post",
        "/en/organisations/new/",
        expect("login", 302, 302, 302, 302, 302),
        {**ORGANISATION_FORM, "name_en": "New Quay Ltd"},
    ),
    Case("edit form", "get", f"/en/organisations/{ORG}/edit/", EDITORS),
    Case("edit", "post", f"/en/organisations/{ORG}/edit/", EDITORS_POST, ORGANISATION_FORM),
    Case("verify", "post", f"/en/organisations/{ORG}/verify/", MODERATORS_POST),
    Case("contacts page", "get", f"/en/organisations/{ORG}/contacts/", EDITORS),
    Case(
        "add contact",
        "post",
        f"/en/organisations/{ORG}/contacts/",
        EDITORS_POST,
        {"full_name": "Aoife Byrne", "consents": ["listed_contact"]},
    ),
    Case("erase contact", "post", f"/en/organisations/{ORG}/contacts/{{person}}/erase/", EDITORS_POST),
    Case("members page", "get", f"/en/organisations/{ORG}/members/", EDITORS),
    Case(
        "add member",
        "post",
        f"/en/organisations/{ORG}/members/",
        EDITORS_POST,
        {"email": "colleague@example.org", "language": "en"},
    ),
    Case("remove member confirmation", "get", f"/en/organisations/{ORG}/members/{{member}}/remove/", EDITORS),
    # The member is the last one: refused with a message (and a redirect), the moderators remove them.
    Case("remove member", "post", f"/en/organisations/{ORG}/members/{{member}}/remove/", EDITORS_POST),
    Case("profile create form", "get", f"/en/organisations/{ORG}/profiles/new/", EDITORS),
    Case("profile create", "post", f"/en/organisations/{ORG}/profiles/new/", EDITORS_POST, PROFILE_FORM),
    Case(
        "draft profile edit form",
        "get",
        "/en/organisations/profiles/{draft}/edit/",
        expect("login", 200, 404, 200, 404, 200),
    ),
    Case("published profile edit form", "get", "/en/organisations/profiles/{published}/edit/", EDITORS),
    Case(
        "published profile edit",
        "post",
        "/en/organisations/profiles/{published}/edit/",
        EDITORS_POST,
        PROFILE_FORM,
    ),
    Case(
        "submit draft",
        "post",
        "/en/organisations/profiles/{draft}/submit/",
        expect("login", 302, 404, 302, 404, 302),
    ),
    Case("withdraw published", "post", "/en/organisations/profiles/{published}/withdraw/", EDITORS_POST),
    Case(
        "publish submitted",
        "post",
        "/en/organisations/profiles/{submitted}/publish/",
        expect("login", 403, 404, 302, 404, 302),
    ),
    Case(
        "return submitted",
        "post",
        "/en/organisations/profiles/{submitted}/return/",
        expect("login", 403, 404, 302, 404, 302),
        {"note": "Add a budget."},
    ),
    Case(
        "moderation queue", "get", "/en/organisations/moderation/", expect("login", 403, 403, 200, 200, 200)
    ),
    Case("import page", "get", "/en/organisations/import/", expect("login", 403, 403, 200, 200, 200)),
    Case(
        "import upload",
        "post",
        "/en/organisations/import/",
        expect("login", 403, 403, 302, 302, 302),
        lambda: {
            "encoding": "utf-8",
            "file": SimpleUploadedFile("o.csv", csv_bytes([["A", "", "sme", "Belfast"]])),
        },
    ),
    Case("template", "get", "/ko/organisations/template-ko.xlsx", EVERYONE),
    Case("export csv", "get", "/en/organisations/export.csv", SIGNED_IN),
    Case("export xlsx", "get", "/en/organisations/export.xlsx", SIGNED_IN),
    Case("my data page", "get", "/en/organisations/my-data/", SIGNED_IN),
    Case("my data download", "get", "/en/organisations/my-data.json", SIGNED_IN),
]

API_WRITE = expect(403, 200, 403, 200, 403, 200)
API = [
    Case("list organisations", "get", "/api/v1/organisations?type=sme", EVERYONE, api=True),
    Case(
        "create organisation",
        "post",
        "/api/v1/organisations",
        expect(403, 201, 201, 201, 201, 201),
        {"name_en": "Api Quay Ltd", "type": "sme", "region": "Belfast"},
        api=True,
    ),
    Case("get organisation", "get", f"/api/v1/organisations/{ORG}", EVERYONE, api=True),
    Case(
        "patch organisation",
        "patch",
        f"/api/v1/organisations/{ORG}",
        API_WRITE,
        {"founded_year": 2010},
        api=True,
    ),
    Case(
        "delete organisation",
        "delete",
        f"/api/v1/organisations/{ORG}",
        expect(403, 403, 403, 204, 403, 204),
        api=True,
    ),
    Case(
        "verify organisation",
        "post",
        f"/api/v1/organisations/{ORG}/verify",
        expect(403, 403, 403, 200, 403, 200),
        api=True,
    ),
    Case(
        "list contacts",
        "get",
        f"/api/v1/organisations/{ORG}/contacts",
        expect(403, 200, 200, 200, 200, 200),
        api=True,
    ),
    Case(
        "add contact",
        "post",
        f"/api/v1/organisations/{ORG}/contacts",
        expect(403, 201, 403, 201, 403, 201),
        {"full_name": "Aoife Byrne"},
        api=True,
    ),
    Case(
        "erase contact",
        "delete",
        f"/api/v1/organisations/{ORG}/contacts/{{person}}",
        expect(403, 204, 403, 204, 403, 204),
        api=True,
    ),
    Case(
        "list members",
        "get",
        f"/api/v1/organisations/{ORG}/members",
        expect(403, 200, 403, 200, 403, 200),
        api=True,
    ),
    Case(
        "add member",
        "post",
        f"/api/v1/organisations/{ORG}/members",
        expect(403, 201, 403, 201, 403, 201),
        {"email": "colleague@example.org"},
        api=True,
    ),
    Case(
        "remove the last member",
        "delete",
        f"/api/v1/organisations/{ORG}/members/{{member}}",
        expect(403, 400, 403, 204, 403, 204),
        api=True,
    ),
    Case(
        "add profile",
        "post",
        f"/api/v1/organisations/{ORG}/profiles",
        expect(403, 201, 403, 201, 403, 201),
        {**PROFILE_FORM, "partner_types": ["university"]},
        api=True,
    ),
    Case(
        "export",
        "get",
        "/api/v1/organisations/export?format=json",
        expect(403, 200, 200, 200, 200, 200),
        api=True,
    ),
    Case(
        "import dry run",
        "post",
        "/api/v1/organisations/import",
        expect(403, 403, 403, 200, 200, 200),
        lambda: {
            "dry_run": "true",
            "file": SimpleUploadedFile("o.csv", csv_bytes([["A", "", "sme", "Belfast"]])),
        },
        api=True,
    ),
    Case("list profiles", "get", "/api/v1/profiles", EVERYONE, api=True),
    Case("moderation queue", "get", "/api/v1/profiles/moderation", EVERYONE, api=True),
    Case("get published profile", "get", "/api/v1/profiles/{published}", EVERYONE, api=True),
    Case("get draft profile", "get", "/api/v1/profiles/{draft}", PRIVATE_PROFILE, api=True),
    Case(
        "patch draft profile",
        "patch",
        "/api/v1/profiles/{draft}",
        expect(403, 200, 404, 200, 404, 200),
        {"stage": "proven"},
        api=True,
    ),
    Case(
        "delete draft profile",
        "delete",
        "/api/v1/profiles/{draft}",
        expect(403, 204, 404, 204, 404, 204),
        api=True,
    ),
    Case(
        "submit draft",
        "post",
        "/api/v1/profiles/{draft}/submit",
        expect(403, 200, 404, 200, 404, 200),
        api=True,
    ),
    Case(
        "publish submitted",
        "post",
        "/api/v1/profiles/{submitted}/publish",
        expect(403, 403, 404, 200, 404, 200),
        {},
        api=True,
    ),
    Case(
        "return submitted",
        "post",
        "/api/v1/profiles/{submitted}/return",
        expect(403, 403, 404, 200, 404, 200),
        {"note": "Add a budget."},
        api=True,
    ),
    Case("withdraw published", "post", "/api/v1/profiles/{published}/withdraw", API_WRITE, api=True),
    Case("draft history", "get", "/api/v1/profiles/{draft}/history", PRIVATE_PROFILE, api=True),
    Case(
        "my personal data", "get", "/api/v1/me/personal-data", expect(403, 200, 200, 200, 200, 200), api=True
    ),
]


def _request(client: Client, case: Case, url: str, token: str | None) -> Any:
    data = case.data() if callable(case.data) else dict(case.data)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if case.method == "get":
        return client.get(url, headers=headers)
    if not case.api or any(hasattr(value, "read") for value in data.values()):
        return getattr(client, case.method)(url, data, headers=headers)
    return getattr(client, case.method)(url, data, content_type="application/json", headers=headers)


def _outcome(response: Any) -> Any:
    if response.status_code == 302 and "/accounts/sign-in/" in response["Location"]:
        return "login"
    return response.status_code


@pytest.mark.parametrize("case", WEB + API, ids=lambda case: f"{'api' if case.api else 'web'}: {case.name}")
def test_every_role_gets_what_the_rules_allow(world, case: Case) -> None:
    person = add_person(actor=None, organisation=world.organisation, full_name="Ciara Doyle")
    ids = {status: profile.pk for status, profile in world.profiles.items()}
    url = case.url.format(person=person.pk, member=world.people["member"].pk, **ids)
    outcomes = {}
    for role in ROLES:
        client = Client()
        token = None
        if role != "anonymous":
            user = world.people[role]
            if case.api:
                _token, token = create_api_token(user=user, name="matrix")
            else:
                client.force_login(user)
        with transaction.atomic():
            outcomes[role] = _outcome(_request(client, case, url, token))
            transaction.set_rollback(True)
    assert outcomes == case.expected


def test_erasure_of_ones_own_data_for_every_signed_in_role(world) -> None:
    outcomes = {}
    for role in ROLES:
        client = Client()
        email = "nobody@example.org"
        if role != "anonymous":
            client.force_login(world.people[role])
            email = world.people[role].email
        with transaction.atomic():
            outcomes[role] = _outcome(client.post("/en/organisations/my-data/", {"confirm_email": email}))
            transaction.set_rollback(True)
        with transaction.atomic():
            api = Client()
            if role != "anonymous":
                _token, raw = create_api_token(user=world.people[role], name="x")
                response = api.post(
                    "/api/v1/me/erasure",
                    {"confirm_email": email},
                    content_type="application/json",
                    headers={"Authorization": f"Bearer {raw}"},
                )
            else:
                response = api.post(
                    "/api/v1/me/erasure", {"confirm_email": email}, content_type="application/json"
                )
            outcomes[f"api {role}"] = response.status_code
            transaction.set_rollback(True)
    assert outcomes == {
        **dict.fromkeys(ROLES, 302),
        "anonymous": "login",
        **{f"api {role}": 200 for role in ROLES},
        "api anonymous": 403,
    }
