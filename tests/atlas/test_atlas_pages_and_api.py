from __future__ import annotations

from django.test import Client


def test_region_page_cites_every_headline_figure(atlas, client: Client) -> None:
    page = client.get("/en/regions/KR-26/").content.decode()
    assert "<h1>Busan</h1>" in page
    assert "Headline figures" in page
    assert 'id="note-1"' in page
    assert "KOGL-Type1" in page
    assert "Location quotient" in page


def test_region_page_in_korean(atlas, client: Client) -> None:
    page = client.get("/ko/regions/KR-26/").content.decode()
    assert "<h1>부산광역시</h1>" in page
    assert '<html lang="ko">' in page


def test_units_are_shown_in_the_readers_language(atlas, client: Client) -> None:
    english = client.get("/en/regions/KR-26/").content.decode()
    korean = client.get("/ko/regions/KR-26/").content.decode()
    assert '<span class="figure-unit">persons</span>' in english
    assert '<span class="figure-unit">명</span>' in korean
    assert '<span class="figure-unit">persons</span>' not in korean


def test_region_page_unknown_code_is_404(atlas, client: Client) -> None:
    assert client.get("/en/regions/NOWHERE/").status_code == 404


def test_region_list_filters_by_country_and_level(atlas, client: Client) -> None:
    page = client.get("/en/regions/?country=KR&level=kr-sido")
    assert page.context["page"].paginator.count == 17
    assert 'id="atlas-map-points"' in page.content.decode()


def test_region_list_runs_from_the_largest_regions_to_the_smallest(atlas, client: Client) -> None:
    levels = [region.level for region in client.get("/en/regions/?country=GB").context["page"]]
    assert levels[0] == "uk-itl1"
    assert levels == sorted(levels, key=["uk-itl1", "uk-itl2", "uk-itl3"].index)
    sido = client.get("/ko/regions/?country=KR&level=kr-sido").context["page"]
    korean = [region.name_ko for region in sido]
    assert korean == sorted(korean)


def test_compare_page_shows_both_regions_with_sources(atlas, client: Client) -> None:
    page = client.get("/en/regions/compare/?a=TLD7&b=KR-26").content.decode()
    assert "Merseyside" in page
    assert "Busan" in page
    assert "Strongest specialisations" in page


def test_observations_api_filters_and_carries_provenance(atlas, client: Client) -> None:
    body = client.get("/api/v1/observations?region=KR-26&indicator=population&industry=none").json()
    assert body["count"] >= 1
    item = body["items"][0]
    assert item["region"] == "KR-26"
    assert set(item["source"]) == {"key", "publisher", "dataset", "url", "licence", "via"}
    assert item["source"]["licence"] == "KOGL-Type1"


def test_indicators_api_lists_the_catalogue_in_both_languages(atlas, client: Client) -> None:
    indicators = {item["code"]: item for item in client.get("/api/v1/indicators").json()}
    assert indicators["population"]["name_ko"]
    assert indicators["population"]["unit"] == "persons"
