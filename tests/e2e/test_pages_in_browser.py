"""Home and pair pages in headless Chromium, in English and Korean, checked with axe-core (WCAG 2.2 AA)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("path", "heading", "name"),
    [
        ("/en/", "Find the city regions that should partner, and run the partnership.", "home-en"),
        ("/ko/", "함께할 도시권을 찾고, 그 협력을 운영하세요.", "home-ko"),
        ("/en/pairs/belfast-sejong/", "Belfast ↔ and Sejong", "pair-en"),
        ("/ko/pairs/liverpool-city-region-busan/", "리버풀 시티 리전 ↔ 와(과) 부산광역시", "pair-ko"),
    ],
)
def test_page_renders_and_has_no_accessibility_violations(
    page: Page, live_server_url: str, screenshots: Path, path: str, heading: str, name: str
) -> None:
    response = page.goto(live_server_url + path)
    assert response is not None
    assert response.status == 200
    assert " ".join(page.locator("h1").inner_text().split()) == heading
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert axe_violations(page) == []


def test_language_switcher_keeps_the_page(page: Page, live_server_url: str) -> None:
    page.goto(live_server_url + "/en/pairs/glasgow-daegu/")
    page.get_by_role("link", name="한국어").click()
    assert page.url == live_server_url + "/ko/pairs/glasgow-daegu/"
    assert page.locator("html").get_attribute("lang") == "ko"


def test_first_tab_reaches_the_skip_link(page: Page, live_server_url: str) -> None:
    page.goto(live_server_url + "/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"


def test_static_files_are_served_by_the_app_server(page: Page, live_server_url: str) -> None:
    response = page.goto(live_server_url + "/static/vendor/htmx/htmx.min.js")
    assert response is not None
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/javascript")


def test_demo_admin_signs_in_and_must_choose_a_password(
    page: Page, live_server_url: str, demo_admin_password: str, screenshots: Path
) -> None:
    page.goto(live_server_url + "/en/accounts/sign-in/")
    page.get_by_label("Email address").fill("admin@innotwin.example")
    page.get_by_label("Password").fill(demo_admin_password)
    page.get_by_role("button", name="Sign in").click()
    assert page.url == live_server_url + "/en/accounts/password/change/"
    page.screenshot(path=str(screenshots / "password-change-en.png"), full_page=True)
    assert axe_violations(page) == []
