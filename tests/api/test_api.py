from __future__ import annotations

from django.test import Client

from innotwin.accounts.domain.create_api_token import create_api_token
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.enums import PairStatus
from tests.factories import make_pair


def test_pairs_list_anonymous_sees_the_four_demo_pairs(demo_programme, client: Client) -> None:
    body = client.get("/api/v1/pairs").json()
    assert body["count"] == 4
    assert sorted(item["slug"] for item in body["items"]) == [
        "belfast-sejong",
        "glasgow-daegu",
        "liverpool-city-region-busan",
        "west-midlands-ulsan",
    ]


def test_pair_detail_has_regions_pillars_and_sourced_agreements(demo_programme, client: Client) -> None:
    body = client.get("/api/v1/pairs/belfast-sejong").json()
    assert body["region_a"] == {
        "code": "N09000003",
        "country": "GB",
        "name_en": "Belfast",
        "name_ko": "벨파스트",
    }
    assert body["region_b"]["name_ko"] == "세종특별자치시"
    assert body["pillars"] == ["civic", "academic", "business"]
    assert [a["signed_on"] for a in body["agreements"]] == ["2021-09-01", "2022-03-30", "2023-08-07"]
    assert all(a["source_url"].startswith("https://") for a in body["agreements"])


def test_proposed_pair_hidden_from_anonymous_visible_with_coordinator_token(people, client: Client) -> None:
    pair = make_pair(slug="hidden-pair", status=PairStatus.PROPOSED)
    assign_coordinator(pair=pair, user=people["coordinator"])
    _token, raw = create_api_token(user=people["coordinator"], name="test")
    anonymous = client.get("/api/v1/pairs/hidden-pair")
    assert anonymous.status_code == 404
    assert anonymous.json()["error"]["code"] == "not_found"
    authorised = client.get("/api/v1/pairs/hidden-pair", headers={"Authorization": f"Bearer {raw}"})
    assert authorised.status_code == 200
    assert authorised.json()["status"] == "proposed"


def test_wrong_token_is_refused_with_the_error_shape(db, client: Client) -> None:
    response = client.get("/api/v1/pairs", headers={"Authorization": "Bearer it_wrong"})
    assert response.status_code == 401
    assert response.json() == {
        "error": {
            "code": "unauthenticated",
            "message": "The API token is missing, unknown or revoked. "
            "Send it as 'Authorization: Bearer TOKEN'.",
            "details": [],
        }
    }


def test_invalid_query_parameter_gives_validation_error_shape(db, client: Client) -> None:
    response = client.get("/api/v1/pairs?limit=many")
    body = response.json()
    assert response.status_code == 422
    assert body["error"]["code"] == "invalid_request"
    assert body["error"]["details"][0]["field"] == "query.limit"


def test_unknown_api_path_gives_json_404(db, client: Client) -> None:
    response = client.get("/api/v1/nowhere")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_regions_filter_by_country_and_level(demo_programme, client: Client) -> None:
    body = client.get("/api/v1/regions?country=kr&level=kr-sido").json()
    assert body["count"] == 17
    assert [item["code"] for item in body["items"][:3]] == ["KR-11", "KR-26", "KR-27"]
    assert {item["country"] for item in body["items"]} == {"KR"}


def test_region_detail_names_parent(demo_programme, client: Client) -> None:
    body = client.get("/api/v1/regions/TLD7").json()
    assert body["parent"] == "TLD"
    assert body["name_ko"] == "머지사이드"


def test_openapi_schema_lists_versioned_endpoints(db, client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["version"] == "1"
    assert {"/api/v1/pairs", "/api/v1/pairs/{slug}", "/api/v1/regions", "/api/v1/regions/{code}"} <= set(
        schema["paths"]
    )


def test_api_docs_page_is_served_without_external_assets(db, client: Client) -> None:
    page = client.get("/api/v1/docs").content.decode()
    assert "swagger" in page.lower()
    assert "cdn." not in page


def test_every_router_refuses_a_session_write_without_the_csrf_token(people) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(people["admin"])
    refused = browser.post("/api/v1/library/documents/999999/withdraw")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["error"]["message"]
    assert browser.get("/api/v1/pairs").status_code == 200  # reads need no token
    _token, raw = create_api_token(user=people["admin"], name="script")
    with_token = Client(enforce_csrf_checks=True).post(
        "/api/v1/library/documents/999999/withdraw", headers={"Authorization": f"Bearer {raw}"}
    )
    assert with_token.status_code == 404
