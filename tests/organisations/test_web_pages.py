"""The registry's pages through HTTP: directory filters and paging, profiles, forms, moderation, import."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from innotwin.organisations.domain.add_person import add_person
from innotwin.organisations.models import OpportunityProfile, Organisation
from tests.organisations.factories import make_organisation, make_profile
from tests.organisations.files import GOOD_ROWS, csv_bytes


def _names(html: str) -> list[str]:
    return re.findall(r'<h3><a href="/\w\w/organisations/[^"]+/" lang="\w\w">([^<]+)</a></h3>', html)


def test_directory_filters_by_city_including_the_districts_inside_it(world, client: Client) -> None:
    make_organisation(name_en="Mersey Tidal", region="E08000012")
    make_organisation(name_en="Wirral Wind", region="E08000015")
    make_organisation(name_en="Sheffield Forge", region="E08000019")
    html = client.get("/en/organisations/?city=E47000004").content.decode()
    assert _names(html) == ["Mersey Tidal", "Wirral Wind"]
    assert "2 organisations" in html


def test_directory_filters_by_type_industry_pillar_language_and_words(world, client: Client) -> None:
    make_organisation(name_en="Lough University", type="university", industries="SIC:85421")
    make_organisation(
        name_en="",
        name_ko="세종데이터",
        region="KR-50",
        industries="KSIC:63",
        description_ko="공공 데이터 플랫폼",
    )
    assert _names(client.get("/en/organisations/?type=university").content.decode()) == ["Lough University"]
    assert _names(client.get("/en/organisations/?industry=P").content.decode()) == ["Lough University"]
    assert _names(client.get("/en/organisations/?industry=J").content.decode()) == [
        "Harbour Robotics Ltd",
        "세종데이터",
    ]
    assert _names(client.get("/en/organisations/?pillar=business").content.decode()) == [
        "Harbour Robotics Ltd"
    ]
    assert _names(client.get("/en/organisations/?pillar=civic").content.decode()) == []
    assert _names(client.get("/en/organisations/?language=ko").content.decode()) == ["세종데이터"]
    assert _names(client.get("/en/organisations/?q=데이터+플랫폼").content.decode()) == ["세종데이터"]
    assert "No organisation matches these filters." in client.get("/en/organisations/?q=zzz").content.decode()


def test_directory_in_korean_orders_by_korean_name_and_uses_it(world, client: Client) -> None:
    make_organisation(name_en="Zeta Ltd", name_ko="가나다", region="KR-50")
    html = client.get("/ko/organisations/").content.decode()
    assert _names(html) == ["가나다", "Busan Marine Tech", "Harbour Robotics Ltd"]
    assert '<p class="other-name" lang="en">Zeta Ltd</p>' in html
    assert "3개 기관" in html or "3 organisations" in html


def test_directory_pages_keep_the_filters(world, client: Client) -> None:
    for number in range(25):
        make_organisation(name_en=f"Quay {number:02d}", type="investor")
    first = client.get("/en/organisations/?type=investor").content.decode()
    assert len(_names(first)) == 20
    assert 'href="?type=investor&amp;page=2"' in first
    assert "Page 1 of 2" in first
    second = client.get("/en/organisations/?type=investor&page=2").content.decode()
    assert _names(second) == [f"Quay {n}" for n in range(20, 25)]
    assert client.get("/en/organisations/?page=999").status_code == 200


def test_profile_page_flags_machine_translation_and_language(world, client: Client) -> None:
    profile = make_profile(
        organisation=world.organisation,
        status="published",
        title_ko="항만 드론",
        title_ko_origin="machine",
        summary_ko="",
        summary_en="Drones for cranes.",
    )
    html = client.get(f"/ko/organisations/profiles/{profile.pk}/").content.decode()
    assert '<h1 lang="ko">항만 드론</h1>' in html
    assert "flag-machine" in html
    assert '<p lang="en">Drones for cranes.</p>' in html
    assert "history-title" not in html  # the public sees no history


def test_contacts_are_shown_to_signed_in_people_only(world, client: Client) -> None:
    add_person(
        actor=None, organisation=world.organisation, full_name="Aoife Byrne", email="aoife@harbour.example"
    )
    url = f"/en/organisations/{world.organisation.slug}/"
    anonymous = client.get(url).content.decode()
    assert "Aoife" not in anonymous
    assert "to see the contact people of this organisation" in anonymous
    client.force_login(world.people["outsider"])
    assert "mailto:aoife@harbour.example" in client.get(url).content.decode()


def test_create_form_shows_problems_on_their_fields(world, client: Client) -> None:
    client.force_login(world.people["outsider"])
    response = client.post(
        "/en/organisations/new/",
        {"type": "sme", "region": "N09000003", "industries": "SIC:04000", "website": "javascript:alert(1)"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "A name in English or in Korean is required." in html
    assert "&#x27;04000&#x27; is not a UK SIC 2007 code: there is no division 04." in html
    assert 'aria-invalid="true"' in html
    assert Organisation.objects.count() == 2


def test_create_form_in_korean_shows_korean_messages(world, client: Client) -> None:
    client.force_login(world.people["outsider"])
    html = client.post("/ko/organisations/new/", {"region": "N09000003"}).content.decode()
    assert "유형: 필수 항목입니다." in html
    html = client.post("/ko/organisations/new/", {"region": "N09000003", "type": "sme"}).content.decode()
    assert "영문 이름: 영문 또는 국문 기관명이 필요합니다." in html


def test_registering_makes_the_person_a_member_who_can_add_a_profile(world, client: Client) -> None:
    client.force_login(world.people["outsider"])
    response = client.post(
        "/en/organisations/new/",
        {"name_en": "Quay Analytics", "type": "sme", "region": "KR-26", "description_en_origin": "original"},
    )
    assert response["Location"] == "/en/organisations/quay-analytics/"
    organisation = Organisation.objects.get(slug="quay-analytics")
    assert list(organisation.members.all()) == [world.people["outsider"]]
    page = client.get("/en/organisations/quay-analytics/").content.decode()
    assert "Add an opportunity" in page


def test_moderation_queue_publishes_with_a_note(world, client: Client) -> None:
    submitted = world.profiles["submitted"]
    client.force_login(world.people["coordinator"])
    queue = client.get("/en/organisations/moderation/").content.decode()
    assert f"/en/organisations/profiles/{submitted.pk}/" in queue
    assert "1 opportunity awaiting moderation" in queue
    response = client.post(
        f"/en/organisations/profiles/{submitted.pk}/publish/",
        {"note": "Looks good.", "next": "/en/organisations/moderation/"},
    )
    assert response["Location"] == "/en/organisations/moderation/"
    submitted.refresh_from_db()
    assert (submitted.status, submitted.moderation_note) == ("published", "Looks good.")


def test_other_coordinator_sees_an_empty_queue(world, client: Client) -> None:
    client.force_login(world.people["other_coordinator"])
    assert (
        "Nothing is waiting for moderation." in client.get("/en/organisations/moderation/").content.decode()
    )


def test_returning_without_a_note_is_refused_with_a_message(world, client: Client) -> None:
    submitted = world.profiles["submitted"]
    client.force_login(world.people["coordinator"])
    response = client.post(f"/en/organisations/profiles/{submitted.pk}/return/", {"note": ""}, follow=True)
    assert "Say what the organisation should change." in response.content.decode()
    assert OpportunityProfile.objects.get(pk=submitted.pk).status == "submitted"


def test_import_flow_maps_checks_and_imports(world, client: Client) -> None:
    client.force_login(world.people["admin"])
    data = csv_bytes(
        GOOD_ROWS,
        ["Organisation", "Korean name", "Kind", "Where", "Codes", "Year", "Web", "About", "About is"],
    )
    response = client.post(
        "/en/organisations/import/", {"file": SimpleUploadedFile("mine.csv", data), "encoding": "utf-8"}
    )
    mapping_url = response["Location"]
    page = client.get(mapping_url).content.decode()
    assert '<option value="name_en" selected>' in page  # "Organisation" is an alias of the English name
    choices = {
        "column-0": "name_en",
        "column-1": "name_ko",
        "column-2": "type",
        "column-3": "region",
        "column-4": "industries",
        "column-5": "founded_year",
        "column-6": "website",
        "column-7": "description_en",
        "column-8": "description_en_origin",
    }
    checked = client.post(mapping_url, {**choices, "action": "check"}).content.decode()
    assert "All 3 rows are valid. Nothing has been stored yet." in checked
    assert Organisation.objects.count() == 2
    done = client.post(mapping_url, {**choices, "action": "import"})
    assert done["Location"] == "/en/organisations/"
    assert Organisation.objects.count() == 5
    assert client.get(mapping_url).status_code == 404


def test_import_flow_reports_every_problem_and_stores_nothing(world, client: Client) -> None:
    client.force_login(world.people["admin"])
    rows = [["Bad", "", "unicorn", "Narnia", "", "", "", "", ""], *GOOD_ROWS]
    response = client.post(
        "/en/organisations/import/",
        {"file": SimpleUploadedFile("bad.csv", csv_bytes(rows)), "encoding": "utf-8"},
    )
    mapping = {"column-0": "name_en", "column-1": "name_ko", "column-2": "type", "column-3": "region"}
    page = client.post(response["Location"], {**mapping, "action": "import"}).content.decode()
    assert "2 problems found; nothing was imported" in page
    assert "<td>2</td><td>Type</td>" in page
    assert "<td>2</td><td>Region</td>" in page
    assert Organisation.objects.count() == 2


def test_upload_of_a_broken_file_shows_the_problem_on_the_form(world, client: Client) -> None:
    client.force_login(world.people["admin"])
    response = client.post(
        "/en/organisations/import/",
        {"file": SimpleUploadedFile("x.xlsx", b"PK\x03\x04broken"), "encoding": "utf-8"},
    )
    assert response.status_code == 200
    assert "The file is not an Excel workbook (.xlsx)." in response.content.decode()


def test_templates_download_in_both_languages(db, client: Client) -> None:
    response = client.get("/en/organisations/template-ko.csv")
    assert response["Content-Disposition"] == 'attachment; filename="innotwin-organisations-template-ko.csv"'
    assert response.content.decode("utf-8-sig").startswith("기관명(영문),기관명(국문)")
    assert client.get("/en/organisations/template-fr.csv").status_code == 404


def test_nav_links_to_the_directory(db, client: Client) -> None:
    assert '<a href="/ko/organisations/">기관</a>' in client.get("/ko/").content.decode()


def test_profile_form_shows_every_problem_at_once(world, client: Client) -> None:
    client.force_login(world.people["member"])
    html = client.post(
        f"/en/organisations/{world.organisation.slug}/profiles/new/", {"title_en": ""}
    ).content.decode()
    assert "Kind of opportunity: This field is required." in html
    assert "Title in English: Give a title in English or in Korean." in html
    assert "Summary in English: Give a summary in English or in Korean." in html


def test_directory_has_one_live_region_with_the_count(world, client: Client) -> None:
    html = client.get("/en/organisations/?type=sme").content.decode()
    assert '<p id="results-announcer" class="visually-hidden" role="status">2 organisations</p>' in html
    assert "{#" not in html
    assert "aria-live" not in html


def test_directory_counts_published_opportunities(world, client: Client) -> None:
    make_profile(organisation=world.organisation, status="published", title_en="Second offer")
    html = client.get("/en/organisations/").content.decode()
    assert "2 published opportunities" in html
    assert html.count("published opportunit") == 1
