"""The roadmap pages in English and Korean: dashboard, board moves (form and JSON), proposal editing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

from innotwin.roadmaps.domain.proposals import save_milestone
from innotwin.roadmaps.domain.roadmap import add_objective, draft_roadmap
from innotwin.roadmaps.models import Change, Proposal


def _client(world: dict[str, Any], role: str) -> Client:
    client = Client()
    client.force_login(world["people"][role])
    return client


def test_the_dashboard_shows_roadmap_board_timeline_and_overdue_in_korean(world: dict[str, Any]) -> None:
    draft = draft_roadmap(actor=None, pair=world["pair"], values={"vision_ko": "스마트 항만 도시"})
    add_objective(
        actor=None,
        roadmap=draft,
        values={"title_ko": "공동 테스트베드", "pillar": "civic", "theme": "smart_cities"},
    )
    save_milestone(
        actor=None,
        proposal=world["proposal"],
        values={"title_ko": "착수 회의", "due_on": timezone.localdate() - dt.timedelta(days=2)},
    )
    page = Client().get("/ko/roadmaps/belfast-sejong/").content.decode()
    assert "스마트 항만 도시" in page
    assert "공동 테스트베드" in page
    assert "항만 크레인 디지털 트윈" in page  # the card, in Korean
    assert "<svg" in page  # the timeline
    assert "착수 회의" in page  # overdue milestone
    assert "로드맵" in page
    assert "draggable" not in page  # an anonymous visitor moves nothing


def test_the_board_form_moves_a_card_and_refuses_an_invalid_move(world: dict[str, Any]) -> None:
    client = _client(world, "member")
    url = f"/en/roadmaps/belfast-sejong/proposals/{world['proposal'].pk}/move/"
    page = client.get("/en/roadmaps/belfast-sejong/").content.decode()
    assert 'draggable="true"' in page
    assert 'data-targets="scoping stalled dropped ' in page
    response = client.post(url, {"stage": "scoping"}, follow=True)
    assert "moved to Scoping" in response.content.decode()
    assert Proposal.objects.get(pk=world["proposal"].pk).stage == "scoping"
    response = client.post(url, {"stage": "completed"}, follow=True)
    assert "cannot move from Scoping to Completed" in response.content.decode()
    assert Proposal.objects.get(pk=world["proposal"].pk).stage == "scoping"


def test_a_json_move_answers_json_with_the_same_validation(world: dict[str, Any]) -> None:
    client = _client(world, "coordinator")
    url = f"/ko/roadmaps/belfast-sejong/proposals/{world['proposal'].pk}/move/"
    refused = client.post(url, {"stage": "funded"}, HTTP_ACCEPT="application/json")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "invalid_state"
    moved = client.post(url, {"stage": "scoping"}, HTTP_ACCEPT="application/json")
    assert moved.status_code == 200
    assert moved.json()["stage"] == "scoping"
    outsider = _client(world, "outsider").post(url, {"stage": "idea"}, HTTP_ACCEPT="application/json")
    assert outsider.status_code == 403


def test_editing_a_proposal_shows_problems_on_their_fields(world: dict[str, Any]) -> None:
    client = _client(world, "member")
    url = f"/en/roadmaps/belfast-sejong/proposals/{world['proposal'].pk}/edit/"
    response = client.post(url, {"title_en": "Port crane digital twin", "lead_uk": world["sejong"].slug})
    assert response.status_code == 200
    assert "is not in the United Kingdom" in response.content.decode()
    response = client.post(
        url,
        {
            "title_en": "Port crane twin",
            "budget_gbp": "1000",
            "exchange_rate": "1800",
            "rate_date": "2025-01-02",
        },
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get(pk=world["proposal"].pk)
    assert proposal.budget_krw == 1800000
    page = client.get(f"/en/roadmaps/belfast-sejong/proposals/{proposal.pk}/").content.decode()
    assert "Port crane twin" in page
    assert Change.objects.filter(proposal=proposal, field="title_en", new="Port crane twin").exists()


def test_documents_upload_through_the_page_with_their_checks(world: dict[str, Any]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _client(world, "member")
    base = f"/en/roadmaps/belfast-sejong/proposals/{world['proposal'].pk}/"
    bad = SimpleUploadedFile("bid.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(base + "documents/", {"kind": "bid", "file": bad}, follow=True)
    assert "not of an accepted type" in response.content.decode()
    good = SimpleUploadedFile("bid.pdf", b"%PDF-1.7 bid", content_type="application/pdf")
    client.post(base + "documents/", {"kind": "bid", "file": good})
    document = world["proposal"].documents.get()
    download = Client().get(base + f"documents/{document.pk}/")
    assert b"".join(download.streaming_content) == b"%PDF-1.7 bid"


def test_the_roadmap_document_page_is_side_by_side(world: dict[str, Any]) -> None:
    page = Client().get("/en/roadmaps/belfast-sejong/document/?lang=both&format=html").content.decode()
    assert page.count('<td class="column" lang="en">') == page.count('<td class="column" lang="ko">') == 7
    assert "Port crane digital twin" in page
    assert "항만 크레인 디지털 트윈" in page
    assert "<style>" not in page  # the page links its stylesheet (CSP)
    assert Client().get("/en/roadmaps/belfast-sejong/document/?lang=fr").status_code == 400
