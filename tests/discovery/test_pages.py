"""The Discover page, a pair's explanation and the evidence page, through HTTP, in English and Korean."""

from __future__ import annotations

import re

from django.test import Client

from innotwin.discovery.domain.propose_twin_pair import propose_twin_pair


def test_discover_heat_map_prints_every_pair_score_as_text(atlas, client: Client) -> None:
    page = client.get("/en/discover/").content.decode()
    heat = page[
        page.index('<table class="heat-map"') : page.index("</table>", page.index('<table class="heat-map"'))
    ]
    cells = re.findall(r'<td class="heat-[0-9a-z]+( heat-top)?">([0-9.]+|–)', heat)
    assert len(cells) == 680
    assert sum(1 for top, _value in cells if top) == 10
    assert all(value != "–" for _top, value in cells)
    assert '<caption class="visually-hidden">Score of every pair</caption>' in heat


def test_discover_ranked_table_shows_robustness_and_dimensions_with_data(atlas, client: Client) -> None:
    response = client.get("/en/discover/")
    page = response.content.decode()
    assert "<h1>Discover city pairs</h1>" in page
    assert "In the top 10</th>" in page
    assert "6 of 7" in page
    assert len(response.context["page"]) == 20
    first = response.context["page"][0]
    assert (first.a, first.b) == ("TLG1", "KR-43")
    assert '<a href="/en/discover/pairs/TLG1/KR-43/">' in page


def test_discover_says_which_regions_are_not_scored_and_why(atlas, client: Client) -> None:
    page = client.get("/en/discover/").content.decode()
    assert (
        'Northern Ireland: <span lang="en">BRES by industry is in the shared data for Great Britain' in page
    )


def test_discover_cites_every_input_with_its_year(atlas, client: Client) -> None:
    page = client.get("/en/discover/").content.decode()
    assert "<strong>Employment by industry</strong>: Employment (BRES), 2021 (40 regions)" in page
    assert "<strong>Population</strong>: Population, 2024 (17 regions)" in page
    assert 'id="note-1">ONS/NOMIS, <a href="https://www.nomisweb.co.uk/datasets/newbrespub"' in page


def test_discover_minimum_score_filters_the_table(atlas, client: Client) -> None:
    response = client.get("/en/discover/?min_score=0.65")
    pairs = list(response.context["page"])
    assert pairs
    assert all(pair.total >= 0.65 for pair in pairs)
    assert response.context["shown"] == len(pairs)


def test_discover_profile_changes_the_ranking(atlas, client: Client) -> None:
    response = client.get("/en/discover/?profile=complementarity-first")
    assert response.context["ranking"].profile.name == "complementarity-first"
    assert "Weight profile: Complementarity first" in response.content.decode()


def test_discover_unknown_profile_is_a_form_error_not_a_failure(atlas, client: Client) -> None:
    response = client.get("/en/discover/?profile=nope")
    assert response.status_code == 200
    assert response.context["form"].errors["profile"] == [
        "Select a valid choice. nope is not one of the available choices."
    ]
    assert response.context["ranking"].profile.name == "balanced"


def test_discover_level_of_the_wrong_country_explains_itself(atlas, client: Client) -> None:
    response = client.get("/en/discover/?level_a=kr-sido")
    assert response.status_code == 200
    assert response.context["problems"] == [
        "The atlas has no employment by industry for regions of level 'kr-sido' in United Kingdom; levels "
        "with "
        "it: uk-itl2."
    ]


def test_discover_in_korean(atlas, client: Client) -> None:
    page = client.get("/ko/discover/").content.decode()
    assert '<html lang="ko">' in page
    assert "<h1>도시 쌍 찾기</h1>" in page
    assert "부산광역시" in page


def test_pair_page_charts_have_titles_descriptions_and_tables(atlas, client: Client) -> None:
    page = client.get("/en/discover/pairs/TLD7/KR-26/").content.decode()
    assert page.count('<svg role="img" aria-labelledby=') == 3
    assert '<title id="dim-chart-title">Score of the pair on each dimension, from 0 to 1</title>' in page
    assert '<desc id="lq-a-desc">' in page
    assert "<summary>The dimensions as a table, with what each score is made of</summary>" in page


def test_pair_page_shows_industries_with_location_quotients_and_their_source(atlas, client: Client) -> None:
    page = client.get("/en/discover/pairs/TLD7/KR-26/").content.decode()
    assert '<td>Water transport <span class="muted">(50)</span></td><td class="num">3.74</td>' in page
    assert "Location quotient of employment, Employment (BRES), 2021" in page
    assert "Maritime and ports" in page
    assert "Civic and policy knowledge exchange" in page


def test_pair_page_lists_left_out_dimensions_and_why(atlas, client: Client) -> None:
    page = client.get("/en/discover/pairs/TLG1/KR-43/").content.decode()
    assert "<h3>Left out of this score</h3>" in page
    assert (
        "<li><strong>Policy priorities</strong>: No policy priorities are recorded for Herefordshire, "
        "Worcestershire and Warwickshire or Chungcheongbuk-do.</li>"
    ) in page


def test_pair_page_cites_every_figure_with_year_and_note(atlas, client: Client) -> None:
    response = client.get("/en/discover/pairs/TLD7/KR-26/")
    for row in response.context["inputs"]:
        for cell in (row["a"], row["b"]):
            if cell is not None:
                assert cell["period"] >= 2010
                assert any(note["number"] == cell["note"] for note in response.context["notes"])


def test_pair_page_sentences_follow_the_page_language(atlas, client: Client) -> None:
    english = client.get("/en/discover/pairs/TLD7/KR-26/").content.decode()
    korean = client.get("/ko/discover/pairs/TLD7/KR-26/").content.decode()
    assert "They share 9 specialisations" in english
    assert "두 지역이 함께 특화된 산업(양쪽 모두 입지계수 1 이상)은 9개이며" in korean


def test_pair_page_of_a_region_without_data_is_404_with_the_reason(atlas, client: Client) -> None:
    response = client.get("/en/discover/pairs/TLN0/KR-50/")
    assert response.status_code == 404
    assert "Northern Ireland cannot be paired" in response.content.decode()


def test_pair_page_of_an_unknown_region_is_404(atlas, client: Client) -> None:
    assert client.get("/en/discover/pairs/NOWHERE/KR-50/").status_code == 404


def test_pair_page_links_an_existing_twin_pair_instead_of_proposing(atlas, people, client: Client) -> None:
    pair = propose_twin_pair(a="TLD7", b="KR-26")
    client.force_login(people["admin"])
    page = client.get("/en/discover/pairs/TLD7/KR-26/").content.decode()
    assert f'<a href="/en/pairs/{pair.slug}/">Merseyside – Busan</a>' in page
    assert "Propose as twin pair</button>" not in page


def test_proposing_through_the_page_shows_the_evidence(atlas, people, client: Client) -> None:
    client.force_login(people["admin"])
    response = client.post("/en/discover/pairs/TLD7/KR-26/propose/", {"profile": "peers"}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain == [("/en/discover/evidence/merseyside-busan/", 302)]
    assert "Merseyside – Busan is proposed as a twin pair, with the evidence below." in page
    assert "with the weight profile Peers" in page
    assert (
        'ONS/NOMIS, <a href="https://www.nomisweb.co.uk/datasets/newbrespub" rel="noopener noreferrer">'
        "BRES open access</a>, 2021."
    ) in page


def test_proposing_twice_says_the_pair_exists(atlas, people, client: Client) -> None:
    client.force_login(people["admin"])
    client.post("/en/discover/pairs/TLD7/KR-26/propose/", {"profile": "balanced"})
    response = client.post("/en/discover/pairs/TLD7/KR-26/propose/", {"profile": "balanced"}, follow=True)
    assert (
        "Merseyside – Busan is already a twin pair (Proposed); nothing was changed."
        in response.content.decode()
    )


def test_proposing_with_get_is_not_allowed(atlas, people, client: Client) -> None:
    client.force_login(people["admin"])
    assert client.get("/en/discover/pairs/TLD7/KR-26/propose/").status_code == 405
