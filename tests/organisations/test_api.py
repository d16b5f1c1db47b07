"""The registry's REST API: create, read, update, delete, moderation, import and export, one error shape."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from innotwin.accounts.domain.create_api_token import create_api_token
from innotwin.organisations.models import Organisation
from tests.organisations.factories import in_days
from tests.organisations.files import GOOD_ROWS, csv_bytes


def _auth(user) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="test")
    return {"Authorization": f"Bearer {raw}"}


def test_create_read_update_delete_an_organisation(world, client: Client) -> None:
    headers = _auth(world.people["outsider"])
    created = client.post(
        "/api/v1/organisations",
        {
            "name_en": "Api Quay",
            "name_ko": "에이피아이 부두",
            "type": "investor",
            "region": "부산",
            "industries": "KSIC:64",
        },
        content_type="application/json",
        headers=headers,
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["slug"], body["region"], body["url"]) == ("api-quay", "KR-26", "/en/organisations/api-quay/")
    assert body["industries"] == [
        {"scheme": "ksic10", "code": "64", "isic_group": "64", "isic_sections": "K"}
    ]
    patched = client.patch(
        "/api/v1/organisations/api-quay",
        {"founded_year": 2020, "description_ko": "투자"},
        content_type="application/json",
        headers=headers,
    )
    assert (patched.json()["founded_year"], patched.json()["description_ko"]) == (2020, "투자")
    admin = _auth(world.people["admin"])
    assert client.delete("/api/v1/organisations/api-quay", headers=admin).status_code == 204
    assert client.get("/api/v1/organisations/api-quay").json()["error"]["code"] == "not_found"


def test_invalid_values_answer_422_with_each_field(world, client: Client) -> None:
    response = client.post(
        "/api/v1/organisations",
        {"type": "unicorn", "region": "Narnia"},
        content_type="application/json",
        headers=_auth(world.people["member"]),
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "data_error"
    assert [(d["field"], d["message"]) for d in error["details"]] == [
        ("name_en", "A name in English or in Korean is required."),
        (
            "type",
            "'unicorn' is not one of: sme, large_company, university, research_institute, public_body, "
            "cluster, investor.",
        ),
        ("region", "'Narnia' is not a region innotwin knows; give its official code."),
    ]


def test_session_writes_need_the_csrf_token(world) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.people["member"])
    response = client.patch(
        f"/api/v1/organisations/{world.organisation.slug}",
        {"founded_year": 2000},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    client.get("/en/organisations/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    accepted = client.patch(
        f"/api/v1/organisations/{world.organisation.slug}",
        {"founded_year": 2000},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert accepted.status_code == 200


def test_profile_lifecycle_through_the_api(world, client: Client) -> None:
    member, coordinator = _auth(world.people["member"]), _auth(world.people["coordinator"])
    created = client.post(
        f"/api/v1/organisations/{world.organisation.slug}/profiles",
        {
            "kind": "business_request",
            "business_kind": "distribution",
            "title_ko": "유통 파트너",
            "summary_ko": "한국 유통사를 찾습니다.",
            "pillar": "business",
            "stage": "market",
            "expires_on": in_days(60).isoformat(),
            "partner_types": ["large_company"],
        },
        content_type="application/json",
        headers=member,
    ).json()
    profile = created["id"]
    assert (created["status"], created["partner_types"]) == ("draft", ["large_company"])
    assert client.get(f"/api/v1/profiles/{profile}").status_code == 404
    assert client.post(f"/api/v1/profiles/{profile}/submit", headers=member).json()["status"] == "submitted"
    queue = client.get("/api/v1/profiles/moderation", headers=coordinator).json()
    assert [item["id"] for item in queue["items"]] == [world.profiles["submitted"].pk, profile]
    published = client.post(
        f"/api/v1/profiles/{profile}/publish",
        {"note": ""},
        content_type="application/json",
        headers=coordinator,
    )
    assert published.json()["status"] == "published"
    assert client.get(f"/api/v1/profiles/{profile}").json()["title_ko"] == "유통 파트너"
    again = client.post(
        f"/api/v1/profiles/{profile}/publish", {}, content_type="application/json", headers=coordinator
    )
    assert (again.status_code, again.json()["error"]["code"]) == (400, "invalid_state")
    history = client.get(f"/api/v1/profiles/{profile}/history", headers=member).json()
    assert [entry["action"] for entry in history] == [
        "profile.created",
        "profile.submitted",
        "profile.published",
    ]
    assert history[-1]["by"] == "coordinator@example.org"


def test_public_profile_list_shows_only_published_profiles(world, client: Client) -> None:
    body = client.get("/api/v1/profiles").json()
    assert [item["id"] for item in body["items"]] == [world.profiles["published"].pk]
    mine = client.get("/api/v1/profiles?status=draft", headers=_auth(world.people["member"])).json()
    assert [item["id"] for item in mine["items"]] == [world.profiles["draft"].pk]


def test_contacts_need_a_signed_in_caller_and_consent(world, client: Client) -> None:
    member = _auth(world.people["member"])
    added = client.post(
        f"/api/v1/organisations/{world.organisation.slug}/contacts",
        {"full_name": "Aoife Byrne", "email": "aoife@harbour.example", "language": "en"},
        content_type="application/json",
        headers=member,
    )
    assert added.status_code == 201
    assert added.json()["consents"][0]["purpose"] == "listed_contact"
    anonymous = client.get(f"/api/v1/organisations/{world.organisation.slug}/contacts")
    assert anonymous.json()["error"] == {
        "code": "permission_denied",
        "message": "Please sign in to do this.",
        "details": [],
    }
    listed = client.get(
        f"/api/v1/organisations/{world.organisation.slug}/contacts", headers=_auth(world.people["outsider"])
    )
    assert [person["email"] for person in listed.json()] == ["aoife@harbour.example"]
    no_consent = client.post(
        f"/api/v1/organisations/{world.organisation.slug}/contacts",
        {"full_name": "Eve", "consents": ["programme_messages"]},
        content_type="application/json",
        headers=member,
    )
    assert no_consent.json()["error"]["details"][0]["field"] == "consents"


def test_import_dry_run_and_failure_report_rows_and_fields(world, client: Client) -> None:
    admin = _auth(world.people["admin"])
    dry = client.post(
        "/api/v1/organisations/import",
        {"file": SimpleUploadedFile("o.csv", csv_bytes(GOOD_ROWS)), "dry_run": "true"},
        headers=admin,
    ).json()
    assert (dry["rows"], dry["created"], dry["problems"]) == (3, 0, [])
    bad = [*GOOD_ROWS, ["Bad", "", "sme", "Narnia", "", "", "", "", ""]]
    failed = client.post(
        "/api/v1/organisations/import",
        {
            "file": SimpleUploadedFile("o.csv", csv_bytes(bad)),
            "mapping": json.dumps(
                {"Name (English)": "name_en", "Name (Korean)": "name_ko", "Type": "type", "Region": "region"}
            ),
        },
        headers=admin,
    )
    assert failed.status_code == 422
    assert failed.json()["error"]["details"] == [
        {
            "message": "'Narnia' is not a region innotwin knows; give its official code.",
            "file": "o.csv",
            "line": 5,
            "field": "Region",
        }
    ]
    done = client.post(
        "/api/v1/organisations/import",
        {"file": SimpleUploadedFile("o.csv", csv_bytes(GOOD_ROWS))},
        headers=admin,
    ).json()
    assert done["created"] == 3
    assert Organisation.objects.count() == 5


def test_export_formats_and_unknown_format(world, client: Client) -> None:
    headers = _auth(world.people["member"])
    csv_response = client.get("/api/v1/organisations/export?format=csv", headers=headers)
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        b"".join(csv_response.streaming_content).decode("utf-8-sig").startswith("Identifier,Name (English)")
    )
    assert client.get("/api/v1/organisations/export?format=pdf", headers=headers).status_code == 404


def test_my_personal_data_and_erasure(world, client: Client) -> None:
    headers = _auth(world.people["member"])
    data = client.get("/api/v1/me/personal-data", headers=headers).json()
    assert data["account"]["email"] == "member@example.org"
    wrong = client.post(
        "/api/v1/me/erasure",
        {"confirm_email": "someone@example.org"},
        content_type="application/json",
        headers=headers,
    )
    assert wrong.status_code == 403
    erased = client.post(
        "/api/v1/me/erasure",
        {"confirm_email": "member@example.org"},
        content_type="application/json",
        headers=headers,
    )
    assert erased.json() == {"contacts": 0, "account": True}
    assert client.get("/api/v1/me/personal-data", headers=headers).status_code == 401


def test_openapi_lists_the_registry_endpoints(db, client: Client) -> None:
    paths = set(client.get("/api/v1/openapi.json").json()["paths"])
    assert {
        "/api/v1/organisations",
        "/api/v1/organisations/{slug}",
        "/api/v1/organisations/import",
        "/api/v1/organisations/export",
        "/api/v1/profiles/{profile_id}/publish",
        "/api/v1/me/personal-data",
    } <= paths
