"""``/api/v1/matching``: matches with explanations, interests, feedback, the pair view; permissions."""

from __future__ import annotations

import pytest

from innotwin.accounts.domain.create_api_token import create_api_token


@pytest.fixture
def call(client):
    def call(user, method: str, path: str, payload: dict | None = None):
        extra = {}
        if user is not None:
            extra["HTTP_AUTHORIZATION"] = f"Bearer {create_api_token(user=user, name='test')[1]}"
        if method == "get":
            return client.get(f"/api/v1/matching{path}", **extra)
        return client.post(
            f"/api/v1/matching{path}", data=payload or {}, content_type="application/json", **extra
        )

    return call


def test_members_get_their_matches_with_explanations(world, call) -> None:
    response = call(world.liverpool_member, "get", "/organisations/mersey-port-logistics/matches?top=3")
    assert response.status_code == 200
    body = response.json()
    assert body["matchable"] is True
    assert body["matches"][0]["organisation"] == "busan-haeun-soft"
    why = body["matches"][0]["explanation"]
    assert why["query_needs"]["offer"]["language"] == "ko"
    assert {part["component"] for part in why["breakdown"]} == {
        "text",
        "industry",
        "themes",
        "partner",
        "freshness",
    }


def test_other_people_may_not_see_an_organisations_matches(world, call) -> None:
    response = call(world.outsider, "get", "/organisations/mersey-port-logistics/matches")
    assert response.status_code == 403
    assert response.json()["error"]["code"]
    assert call(None, "get", "/organisations/mersey-port-logistics/matches").status_code in {401, 403}
    assert call(world.admin, "get", "/organisations/mersey-port-logistics/matches").status_code == 200


def test_interest_accept_and_decline_through_the_api(world, call) -> None:
    created = call(
        world.liverpool_member,
        "post",
        "/interests",
        {
            "from_organisation": "mersey-port-logistics",
            "to_organisation": "busan-haeun-soft",
            "message": "Hello",
        },
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    assert call(world.outsider, "get", f"/interests/{pk}").status_code == 404
    assert call(world.liverpool_member, "post", f"/interests/{pk}/accept", {}).status_code == 403
    accepted = call(world.busan_member, "post", f"/interests/{pk}/accept", {"reply": "좋아요"})
    assert accepted.status_code == 200
    contacts = accepted.json()["contacts"]
    assert contacts["busan-haeun-soft"][0]["email"] == "jimin.kim@busan-haeun-soft.example.org"
    second = call(
        world.busan_member,
        "post",
        "/interests",
        {"from_organisation": "busan-haeun-soft", "to_organisation": "wirral-offshore-wind-services"},
    ).json()["id"]
    refused = call(world.busan_member, "post", f"/interests/{second}/decline", {"reason": "not_now"})
    assert refused.status_code == 403  # only the receiving side declines
    listed = call(world.busan_member, "get", "/interests").json()
    assert {item["id"] for item in listed} == {pk, second}


def test_feedback_endpoint_validates_and_stores(world, call) -> None:
    bad = call(
        world.liverpool_member,
        "post",
        "/organisations/mersey-port-logistics/feedback",
        {"candidate": "korea-marine-steel", "kind": "declined"},
    )
    assert bad.status_code == 422
    good = call(
        world.liverpool_member,
        "post",
        "/organisations/mersey-port-logistics/feedback",
        {"candidate": "korea-marine-steel", "kind": "declined", "reason": "wrong_type"},
    )
    assert good.status_code == 201
    assert good.json()["reason"] == "wrong_type"


def test_coordinators_see_the_pairs_strongest_matches(world, call) -> None:
    response = call(world.coordinator, "get", "/pairs/liverpool-city-region-busan/matches?top=5")
    assert response.status_code == 200
    pairs = {(item["a"], item["b"]) for item in response.json()}
    assert ("mersey-port-logistics", "busan-haeun-soft") in pairs
    assert (
        call(world.liverpool_member, "get", "/pairs/liverpool-city-region-busan/matches").status_code == 403
    )
