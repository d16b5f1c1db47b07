"""Script and HTML in every text field are shown as text, escaped, on every page that shows them."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from innotwin.organisations.domain.add_person import add_person
from innotwin.organisations.domain.return_profile import return_profile
from innotwin.organisations.domain.submit_profile import submit_profile
from tests.organisations.factories import make_organisation, make_profile
from tests.organisations.files import csv_bytes

PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
SHORT = "<script>alert(1)</script>"
SHORT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
SHORT_FIELDS = {"keywords_en", "keywords_ko", "external_id"}
ORGANISATION_TEXTS = (
    "name_en",
    "name_ko",
    "description_en",
    "description_ko",
    "keywords_en",
    "keywords_ko",
    "locality",
    "postcode",
    "external_id",
)
PROFILE_TEXTS = ("title_en", "title_ko", "summary_en", "summary_ko")


def _tagged(field: str) -> str:
    if field == "postcode":
        return "<i>S1 2AB</i>"
    return f"{field}:{SHORT if field in SHORT_FIELDS else PAYLOAD}"


@pytest.fixture
def injected(world):
    values = {field: _tagged(field) for field in ORGANISATION_TEXTS}
    organisation = make_organisation(
        actor=world.people["member"],
        region="N09000003",
        type="sme",
        **{k: v for k, v in values.items() if k != "name_en"},
        name_en=values["name_en"],
    )
    profile = make_profile(organisation=organisation, **{field: _tagged(field) for field in PROFILE_TEXTS})
    submit_profile(actor=None, profile=profile)
    return_profile(actor=None, profile=profile, note=f"note:{PAYLOAD}")
    submit_profile(actor=None, profile=profile)
    add_person(
        actor=None,
        organisation=organisation,
        full_name=f"full_name:{PAYLOAD}",
        job_title=f"job_title:{PAYLOAD}",
        phone="<b>1</b>",
    )
    return organisation, profile


def _assert_escaped(html: str, fields: tuple[str, ...]) -> None:
    assert "<script>alert" not in html
    assert "onerror=alert(1)>" not in html.replace("onerror=alert(1)&gt;", "")
    for field in fields:
        expected = SHORT_ESCAPED if field in SHORT_FIELDS else ESCAPED
        assert f"{field}:{expected}" in html, field


@pytest.mark.parametrize("language", ["en", "ko"])
def test_injected_texts_are_escaped_on_every_page(world, injected, language: str) -> None:
    organisation, profile = injected
    client = Client()
    client.force_login(world.people["coordinator"])
    name = "name_ko" if language == "ko" else "name_en"
    description = "description_ko" if language == "ko" else "description_en"
    pages = {
        f"/{language}/organisations/?q=name": (name, description),
        f"/{language}/organisations/{organisation.slug}/": (
            "name_en",
            "name_ko",
            description,
            "locality",
            "external_id",
            "full_name",
            "job_title",
            f"keywords_{language}",
        ),
        f"/{language}/organisations/profiles/{profile.pk}/": (
            f"title_{language}",
            f"summary_{language}",
            "note",
        ),
        f"/{language}/organisations/moderation/": (f"title_{language}",),
        f"/{language}/organisations/{organisation.slug}/contacts/": ("full_name", "job_title"),
        f"/{language}/organisations/{organisation.slug}/edit/": ("name_en", "description_en"),
    }
    for url, fields in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        _assert_escaped(html, fields)
        assert "&lt;b&gt;1&lt;/b&gt;" in html or "contacts" not in url
    detail = client.get(f"/{language}/organisations/{organisation.slug}/").content.decode()
    assert "&lt;i&gt;S1 2AB&lt;/i&gt;" in detail


def test_injected_headers_and_cells_are_escaped_on_the_mapping_page(world) -> None:
    client = Client()
    client.force_login(world.people["admin"])
    data = csv_bytes(
        [[f"x{PAYLOAD}", "", "sme", "Belfast"]], [f"Name{PAYLOAD}", "Name (Korean)", "Type", "Region"]
    )
    response = client.post(
        "/en/organisations/import/", {"file": SimpleUploadedFile("o.csv", data), "encoding": "utf-8"}
    )
    page = client.get(response["Location"]).content.decode()
    assert "<script>alert" not in page
    assert f"Name{ESCAPED}" in page
    assert re.search(r"x&lt;script&gt;alert\(&quot;xss", page)


def test_api_returns_injected_text_as_json_data(world, injected) -> None:
    organisation, _profile = injected
    body = Client().get(f"/api/v1/organisations/{organisation.slug}")
    assert body["Content-Type"].startswith("application/json")
    assert body.json()["name_en"] == f"name_en:{PAYLOAD}"
