"""``/api/v1/roadmaps``: reads, writes and the one error shape."""

from __future__ import annotations

from typing import Any

from django.test import Client

from innotwin.roadmaps.domain.roadmap import draft_roadmap


def _client(world: dict[str, Any], role: str) -> Client:
    client = Client()
    client.force_login(world["people"][role])
    return client


def test_roadmap_and_proposals_read_in_both_languages(world: dict[str, Any]) -> None:
    draft_roadmap(actor=None, pair=world["pair"], values={"vision_ko": "비전"}, themes=["hydrogen"])
    roadmap = Client().get("/api/v1/roadmaps/belfast-sejong").json()
    assert roadmap["status"] == "draft"
    assert roadmap["themes"] == ["hydrogen"]
    (proposal,) = Client().get("/api/v1/roadmaps/belfast-sejong/proposals").json()
    assert proposal["title_ko"] == "항만 크레인 디지털 트윈"
    detail = Client().get(f"/api/v1/roadmaps/proposals/{proposal['id']}").json()
    assert detail["partners"][0]["country"] == "GB"
    assert Client().get("/api/v1/roadmaps/glasgow-daegu").status_code == 404


def test_an_invalid_stage_move_is_an_error_and_changes_nothing(world: dict[str, Any]) -> None:
    client = _client(world, "member")
    url = f"/api/v1/roadmaps/proposals/{world['proposal'].pk}/stage"
    response = client.post(url, {"stage": "completed"}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_state"
    assert "cannot move from Idea to Completed" in response.json()["error"]["message"]
    assert client.get(f"/api/v1/roadmaps/proposals/{world['proposal'].pk}").json()["stage"] == "idea"
    moved = client.post(url, {"stage": "scoping"}, content_type="application/json")
    assert moved.json()["stage"] == "scoping"


def test_the_bilateral_rule_is_a_data_error_naming_the_missing_side(
    world: dict[str, Any], bilateral_call: Any
) -> None:
    client = _client(world, "coordinator")
    pk = world["proposal"].pk
    client.patch(
        f"/api/v1/roadmaps/proposals/{pk}",
        {"funding_call": bilateral_call.slug},
        content_type="application/json",
    )
    client.post(
        f"/api/v1/roadmaps/proposals/{pk}/stage", {"stage": "scoping"}, content_type="application/json"
    )
    response = client.post(
        f"/api/v1/roadmaps/proposals/{pk}/stage", {"stage": "submitted"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert "no partner in Korea" in response.json()["error"]["message"]
    assert response.json()["error"]["details"][0]["field"] == "partners"
    client.post(
        f"/api/v1/roadmaps/proposals/{pk}/partners",
        {"organisation": world["sejong"].slug, "role": "research"},
        content_type="application/json",
    )
    ok = client.post(
        f"/api/v1/roadmaps/proposals/{pk}/stage", {"stage": "submitted"}, content_type="application/json"
    )
    assert ok.json()["stage"] == "submitted"


def test_milestones_history_agreements_and_calls(world: dict[str, Any], bilateral_call: Any) -> None:
    client = _client(world, "member")
    pk = world["proposal"].pk
    created = client.post(
        f"/api/v1/roadmaps/proposals/{pk}/milestones",
        {"title_en": "Kick-off", "due_on": "2020-01-01"},
        content_type="application/json",
    )
    assert created.status_code == 201
    assert created.json()["overdue"] is True
    history = Client().get(f"/api/v1/roadmaps/proposals/{pk}/history").json()
    assert any(
        h["record"] == "milestone" and h["field"] == "title_en" and h["new"] == "Kick-off" for h in history
    )
    assert Client().get("/api/v1/roadmaps/belfast-sejong/agreements").json() == []
    calls = Client().get("/api/v1/roadmaps/calls").json()
    assert calls[0]["bilateral"] is True


def test_coordinators_record_the_register_entry_of_an_agreement(world: dict[str, Any]) -> None:
    from innotwin.pairs.domain.record_agreement import record_agreement
    from innotwin.pairs.enums import AgreementKind

    agreement = record_agreement(pair=world["pair"], kind=AgreementKind.MOU, title_en="MoU on port data")
    url = f"/api/v1/roadmaps/belfast-sejong/agreements/{agreement.pk}"
    body = {"status": "in_force", "expires_on": "2030-06-30", "themes": ["maritime_ports"]}
    assert _client(world, "member").put(url, body, content_type="application/json").status_code == 403
    response = _client(world, "coordinator").put(url, body, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["themes"] == ["maritime_ports"]
    assert response.json()["expires_on"] == "2030-06-30"
    refused = _client(world, "coordinator").put(
        url, {"themes": ["teleportation"]}, content_type="application/json"
    )
    assert refused.status_code == 422
    (entry,) = Client().get("/api/v1/roadmaps/belfast-sejong/agreements").json()
    assert entry["themes"] == ["maritime_ports"]
