"""Home and pair pages in headless Chromium, in English and Korean, checked with axe-core (WCAG 2.2 AA)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.e2e

AXE = Path(__file__).with_name("vendor") / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _axe_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert len(result["passes"]) > 10  # axe really ran its rules on this page
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in result["violations"]]


@pytest.fixture
def page(browser: Browser) -> Page:
    # axe is injected as a script; the page's own CSP forbids that, so the test context bypasses it.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page  # type: ignore[misc]
    context.close()


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
    assert _axe_violations(page) == []


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
    assert _axe_violations(page) == []
