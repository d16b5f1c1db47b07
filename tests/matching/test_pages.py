"""The pages in English and Korean: your matches with why you two, the inbox, an interest, the pair view."""

from __future__ import annotations

import pytest

from innotwin.matching.domain.interests import express_interest
from innotwin.matching.models import Feedback, Interest


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.mark.parametrize(("language", "heading"), [("en", "Matches for"), ("ko", "추천 파트너")])
def test_your_matches_page_explains_why(world, signed_in, language: str, heading: str) -> None:
    client = signed_in(world.liverpool_member)
    response = client.get(f"/{language}/matching/")
    assert response.status_code == 302  # one organisation: straight to its matches
    page = client.get(response["Location"]).content.decode()
    assert heading in page
    assert "부산해운소프트" in page
    assert "선적 데이터 교환" in page  # the Korean passage that met the English need
    assert 'lang="ko"' in page
    assert "<script" not in page.split("</header>", 1)[1].split("<footer", 1)[0]


def test_nav_link_only_for_signed_in_people(world, client, signed_in) -> None:
    assert "/en/matching/" not in client.get("/en/").content.decode()
    assert "/en/matching/" in signed_in(world.liverpool_member).get("/en/").content.decode()


def test_express_interest_and_feedback_from_the_page(world, signed_in) -> None:
    client = signed_in(world.liverpool_member)
    url = "/en/matching/organisations/mersey-port-logistics/"
    response = client.post(url + "interest/", {"candidate": "busan-haeun-soft", "message": "Hello"})
    assert response.status_code == 302
    assert Interest.objects.get().message == "Hello"
    client.post(url + "feedback/", {"candidate": "busan-festival-planning", "kind": "hidden"})
    assert Feedback.objects.get().kind == "hidden"
    page = client.get(url).content.decode()
    assert "Interest sent" in page
    assert "부산축제기획" not in page


def test_outsiders_are_refused(world, signed_in) -> None:
    client = signed_in(world.outsider)
    assert client.get("/en/matching/organisations/mersey-port-logistics/").status_code == 403
    assert client.get("/en/matching/pairs/liverpool-city-region-busan/").status_code == 403


def test_inbox_and_reply_in_korean(world, signed_in) -> None:
    interest = express_interest(
        actor=world.liverpool_member,
        from_organisation=world.orgs["mersey-port-logistics"],
        to_organisation=world.orgs["busan-haeun-soft"],
        message="Shall we?",
    )
    client = signed_in(world.busan_member)
    inbox = client.get("/ko/matching/interests/").content.decode()
    assert "관심 표명" in inbox
    assert "Mersey Port Logistics Ltd" in inbox
    page = client.get(f"/ko/matching/interests/{interest.pk}/").content.decode()
    assert "수락하고 소개받기" in page
    client.post(f"/ko/matching/interests/{interest.pk}/accept/", {"reply": "좋습니다"})
    page = client.get(f"/ko/matching/interests/{interest.pk}/").content.decode()
    assert "alex.morgan@mersey-port-logistics.example.org" in page
    assert signed_in(world.outsider).get(f"/en/matching/interests/{interest.pk}/").status_code == 404


def test_coordinator_sees_the_pairs_strongest_matches(world, signed_in) -> None:
    page = (
        signed_in(world.coordinator).get("/en/matching/pairs/liverpool-city-region-busan/").content.decode()
    )
    assert "Mersey Port Logistics Ltd" in page
    assert "부산해운소프트" in page
    home = signed_in(world.coordinator).get("/en/matching/").content.decode()
    assert "/en/matching/pairs/liverpool-city-region-busan/" in home
