"""The knowledge library in headless Chromium, in English and Korean: one search box that finds documents
across languages with the matching passage highlighted, a document page with "more like this", upload with
a refused file and an accepted one, and the cases from other cities on a pair's page. Every page is
checked with axe-core (WCAG 2.2 AA) and photographed into var/screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.e2e

PASSWORD = "quiet-library-2026"
ACCOUNT = f"""
import django
django.setup()
from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
if not User.objects.filter(email="librarian@e2e.example").exists():
    create_user(email="librarian@e2e.example", role=Role.ORGANISATION_MEMBER, password="{PASSWORD}")
"""


@pytest.fixture(scope="module")
def librarian(live_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An organisation member in the live server's database."""
    folder = next(tmp_path_factory.getbasetemp().glob("e2e*/database-url.txt")).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("INNOTWIN_")}
    env.update(
        {
            "INNOTWIN_DATA_DIR": str(folder),
            "DATABASE_URL": (folder / "database-url.txt").read_text(),
            "DJANGO_SETTINGS_MODULE": "innotwin.config.settings",
        }
    )
    subprocess.run([sys.executable, "-c", ACCOUNT], env=env, cwd=folder, check=True, timeout=120)
    return "librarian@e2e.example"


def _check(page: Page, screenshots: Path, name: str) -> None:
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        (
            "en",
            "hydrogen city and green hydrogen town",
            "Ulsan's 2023 work plan and its vision of a hydrogen city",
        ),
        ("ko", "감염 예방 관리와 재료화학 연구", "리버풀 시티 리전 과학·혁신 감사 개정판(2022)"),
    ],
)
def test_search_finds_documents_across_languages(
    page: Page, live_server_url: str, screenshots: Path, language: str, query: str, title: str
) -> None:
    page.goto(f"{live_server_url}/{language}/library/")
    page.locator("#id_q").fill(query)
    page.locator("#id_q").press("Enter")
    first = page.locator(".hit").first
    expect(first.locator("h3")).to_have_text(title)
    expect(first.locator("mark")).not_to_be_empty()
    _check(page, screenshots, f"library-search-{language}")


def test_search_filters_by_theme(page: Page, live_server_url: str, screenshots: Path) -> None:
    page.goto(f"{live_server_url}/en/library/")
    page.get_by_label("Theme").select_option("hydrogen")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".hit")).to_have_count(1)
    _check(page, screenshots, "library-filtered-en")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_document_page_highlights_the_passage_and_shows_similar_documents(
    page: Page, live_server_url: str, screenshots: Path, language: str
) -> None:
    page.goto(f"{live_server_url}/{language}/library/?q=water-based smart city living labs")
    page.locator(".hit h3 a").first.click()
    expect(page.locator("h1")).to_contain_text("에코델타시티" if language == "ko" else "Eco Delta City")
    expect(page.locator("#similar-title + ul li").first).to_be_visible()
    _check(page, screenshots, f"library-document-{language}")


def test_member_upload_refuses_a_disguised_program_then_accepts_a_page(
    browser: Browser, live_server_url: str, librarian: str, screenshots: Path, tmp_path: Path
) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server_url + "/en/accounts/sign-in/")
    page.get_by_label("Email address").fill(librarian)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server_url + "/en/")
    page.goto(live_server_url + "/ko/library/upload/")
    disguised = tmp_path / "brief.pdf"
    disguised.write_bytes(b"MZ\x90\x00\x03 a program")
    page.locator("#id_file").set_input_files(str(disguised))
    page.locator("#id_kind").select_option("policy_brief")
    page.locator("form.library-form button[type=submit]").click()
    expect(page.locator("#id_file_error")).to_contain_text("brief.pdf")
    _check(page, screenshots, "library-upload-refused-ko")
    good = tmp_path / "tidal.html"
    good.write_text(
        "<html><head><title>Sihwa tidal power</title><script>alert(1)</script></head><body>"
        "<h1>Sihwa tidal power</h1>"
        "<p>Liverpool City Region's trade mission visited the Sihwa tidal power plant.</p></body></html>",
        encoding="utf-8",
    )
    page.goto(live_server_url + "/en/library/upload/")
    page.locator("#id_file").set_input_files(str(good))
    page.locator("#id_kind").select_option("case_study")
    page.get_by_label("Net zero and clean energy").check()
    page.locator("form.library-form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Sihwa tidal power")
    expect(page.locator(".messages")).to_contain_text("was added to the library as a draft")
    _check(page, screenshots, "library-uploaded-en")
    context.close()


def test_pair_page_lists_cases_from_other_cities(page: Page, live_server_url: str, screenshots: Path) -> None:
    page.goto(live_server_url + "/ko/pairs/belfast-sejong/")
    section = page.locator("#library-cases-title")
    expect(section).to_have_text("다른 도시의 사례")
    section.scroll_into_view_if_needed()
    expect(page.locator(".case-list a").first).to_be_visible()
    _check(page, screenshots, "library-pair-cases-ko")
