from __future__ import annotations

import pytest
from django.test import Client

from innotwin.pairs.enums import PairStatus
from tests.factories import make_pair


def test_root_redirects_to_a_language(db, client: Client) -> None:
    response = client.get("/", headers={"Accept-Language": "ko"})
    assert response.status_code == 302
    assert response["Location"] == "/ko/"


def test_home_lists_pairs_in_english(demo_programme, client: Client) -> None:
    page = client.get("/en/").content.decode()
    assert '<html lang="en">' in page
    assert "Liverpool City Region" in page
    assert "Find the city regions that should partner" in page


def test_home_in_korean_uses_korean_names_and_catalogue(demo_programme, client: Client) -> None:
    page = client.get("/ko/").content.decode()
    assert '<html lang="ko">' in page
    assert "리버풀 시티 리전" in page
    assert "함께할 도시권을 찾고, 그 협력을 운영하세요." in page
    assert "본문으로 건너뛰기" in page


def test_pair_page_shows_agreements_with_dates_and_sources(demo_programme, client: Client) -> None:
    page = client.get("/en/pairs/belfast-sejong/").content.decode()
    assert "City-to-city statement of intent" in page
    assert "March 30, 2022" in page
    assert "https://minutes.belfastcity.gov.uk/mgAi.aspx?ID=65918" in page


def test_pair_page_in_korean_formats_dates_the_korean_way(demo_programme, client: Client) -> None:
    page = client.get("/ko/pairs/belfast-sejong/").content.decode()
    assert "2022년 3월 30일" in page
    assert "도시 간 협력 의향서" in page


def test_pair_page_for_proposed_pair_is_404_for_visitors(db, client: Client) -> None:
    make_pair(slug="secret-pair", status=PairStatus.PROPOSED)
    response = client.get("/en/pairs/secret-pair/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_pair_page_for_proposed_pair_is_shown_to_admin(people, client: Client) -> None:
    make_pair(slug="secret-pair", status=PairStatus.PROPOSED)
    client.force_login(people["admin"])
    assert client.get("/en/pairs/secret-pair/").status_code == 200


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
    ],
)
def test_security_headers_are_sent(db, client: Client, header: str, value: str) -> None:
    assert client.get("/en/")[header] == value


def test_content_security_policy_allows_only_own_origin(db, client: Client) -> None:
    policy = client.get("/en/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy


def test_language_switcher_links_to_the_same_page_in_the_other_language(
    demo_programme, client: Client
) -> None:
    page = client.get("/en/pairs/glasgow-daegu/").content.decode()
    assert 'href="/ko/pairs/glasgow-daegu/" lang="ko"' in page


def test_server_error_page_shows_no_traceback(db, client: Client, settings) -> None:
    from innotwin.web.views import server_error

    request = client.get("/en/").wsgi_request
    response = server_error(request)
    assert response.status_code == 500
    assert "Traceback" not in response.content.decode()
