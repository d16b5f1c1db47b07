"""Atlas pages in headless Chromium: offline maps, a region's profile and a comparison, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.e2e


def test_region_list_draws_both_offline_maps(page: Page, live_server_url: str, screenshots: Path) -> None:
    page.goto(live_server_url + "/en/regions/")
    page.wait_for_selector("#map-KR .leaflet-interactive")
    assert page.locator("#map-KR .leaflet-interactive").count() == 17
    assert page.locator("#map-GB .leaflet-interactive").count() > 20
    page.screenshot(path=str(screenshots / "atlas-regions-en.png"), full_page=True)
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("path", "heading", "name"),
    [
        ("/en/regions/KR-26/", "Busan", "atlas-region-en"),
        ("/ko/regions/TLD7/", "머지사이드", "atlas-region-ko"),
    ],
)
def test_region_page_has_cited_figures_and_no_violations(
    page: Page, live_server_url: str, screenshots: Path, path: str, heading: str, name: str
) -> None:
    page.goto(live_server_url + path)
    assert page.locator("h1").inner_text() == heading
    first_note = page.locator(".figure-card .note-ref a").first
    target = first_note.get_attribute("href")
    assert target is not None
    assert page.locator(target).inner_text() != ""
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert axe_violations(page) == []


def test_compare_form_leads_to_side_by_side_page(page: Page, live_server_url: str, screenshots: Path) -> None:
    page.goto(live_server_url + "/en/regions/TLD7/")
    page.get_by_label("Compare with").select_option("KR-26")
    page.get_by_role("button", name="Compare").click()
    assert page.url.endswith("/en/regions/compare/?a=TLD7&b=KR-26")
    page.screenshot(path=str(screenshots / "atlas-compare-en.png"), full_page=True)
    assert axe_violations(page) == []
