"""Missions in headless Chromium, in English and Korean: the demo trade mission's schedule grid with the
unscheduled requests and the LP-bound gap, a move refused with its reasons as the coordinator chooses
(htmx), a clear move, a personal agenda, and the virtual-slot finder. Every page is checked with axe-core
(WCAG 2.2 AA) and photographed into var/screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.e2e

PASSWORD = "busan-mission-2027"
EMAIL = "mission-coordinator@e2e.example"
SLUG = "liverpool-busan-trade-mission-2027"
ACCOUNT = f"""
import django
django.setup()
from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.models import TwinPair
user = User.objects.filter(email="{EMAIL}").first()
if user is None:
    user, _ = create_user(email="{EMAIL}", role=Role.PAIR_COORDINATOR, password="{PASSWORD}")
assign_coordinator(pair=TwinPair.objects.get(slug="liverpool-city-region-busan"), user=user)
"""


@pytest.fixture(scope="module")
def coordinator(live_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A coordinator of the Liverpool City Region – Busan pair in the live server's database."""
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
    return EMAIL


def _check(page: Page, screenshots: Path, name: str) -> None:
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert axe_violations(page) == []


def _sign_in(browser: Browser, url: str, email: str) -> Page:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url + "/en/accounts/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(url + "/en/")
    return page


@pytest.mark.parametrize(
    ("language", "heading", "unscheduled", "bound"),
    [
        ("en", "Meeting schedule", "Requests not scheduled, and why", "Below the bound"),
        ("ko", "미팅 일정", "배정되지 않은 요청과 이유", "상한 대비 부족분"),
    ],
)
def test_the_demo_mission_shows_its_schedule_to_its_coordinator(
    browser: Browser,
    live_server_url: str,
    coordinator: str,
    screenshots: Path,
    language: str,
    heading: str,
    unscheduled: str,
    bound: str,
) -> None:
    page = _sign_in(browser, live_server_url, coordinator)
    page.goto(f"{live_server_url}/{language}/missions/")
    page.get_by_role(
        "link",
        name="리버풀 시티 리전 부산 무역 사절단"
        if language == "ko"
        else "Liverpool City Region trade mission to Busan",
    ).click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_role("heading", name=unscheduled)).to_be_visible()
    expect(page.get_by_text(bound)).to_be_visible()
    expect(page.locator("table.schedule-grid .meeting-cell").first).to_be_visible()
    expect(page.locator(".reason-code", has_text="declined")).to_be_visible()
    _check(page, screenshots, f"missions-detail-{language}")


def test_a_conflicting_move_is_refused_as_it_is_chosen_and_a_clear_one_is_made(
    browser: Browser, live_server_url: str, coordinator: str, screenshots: Path
) -> None:
    page = _sign_in(browser, live_server_url, coordinator)
    page.goto(f"{live_server_url}/en/missions/{SLUG}/")
    # The first meeting of the first slot, onto the table of the second meeting in that slot.
    cells = page.locator("table.schedule-grid tbody tr").first.locator(".meeting-cell")
    second_table = page.locator("table.schedule-grid thead th").nth(2).inner_text().split("\n")[0]
    cells.first.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Move a meeting")).to_be_visible()
    page.get_by_label("Table").select_option(
        label=page.get_by_label("Table")
        .locator("option", has_text=second_table.replace("Table ", ""))
        .first.inner_text()
    )
    expect(page.locator(".move-check.conflict")).to_contain_text("already has a meeting in this slot")
    _check(page, screenshots, "missions-move-conflict-en")
    page.get_by_role("button", name="Move the meeting").click()
    expect(page.locator(".move-check.conflict")).to_be_visible()
    # A slot in the second morning at a table nobody uses then: find one the check clears.
    options = page.get_by_label("Slot").locator("option").all_inner_texts()
    tables = page.get_by_label("Table").locator("option").all_inner_texts()
    for slot_label in reversed(options):
        page.get_by_label("Slot").select_option(label=slot_label)
        for table_label in tables:
            page.get_by_label("Table").select_option(label=table_label)
            page.wait_for_selector("#move-check .move-check")
            if page.locator(".move-check.clear").count():
                break
        if page.locator(".move-check.clear").count():
            break
    expect(page.locator(".move-check.clear")).to_be_visible()
    page.get_by_role("button", name="Move the meeting").click()
    expect(page.get_by_text("The meeting moved; its calendar entry is updated.")).to_be_visible()
    expect(page.get_by_text("moved by hand").first).to_be_visible()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_personal_agenda_and_the_virtual_slot_finder(
    browser: Browser, live_server_url: str, coordinator: str, screenshots: Path, language: str
) -> None:
    page = _sign_in(browser, live_server_url, coordinator)
    page.goto(f"{live_server_url}/{language}/missions/{SLUG}/")
    page.locator("#people-title ~ table a").first.click()
    expect(page.locator(".agenda-list li").first).to_be_visible()
    expect(page.get_by_text("Asia/Seoul").first).to_be_visible()
    _check(page, screenshots, f"missions-agenda-{language}")
    page.goto(
        f"{live_server_url}/{language}/missions/virtual/?first=2027-03-26&days=4&duration=60&zone_a=Europe/London&zone_b=Asia/Seoul&occurrences=6"
    )
    expect(page.locator("#series-title")).to_be_visible()
    expect(page.locator("table.data").first.locator("tbody tr").first).to_be_visible()
    _check(page, screenshots, f"missions-virtual-{language}")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_coordinator_sets_a_mission_up_in_the_browser(
    browser: Browser, live_server_url: str, coordinator: str, screenshots: Path, language: str
) -> None:
    page = _sign_in(browser, live_server_url, coordinator)
    page.goto(f"{live_server_url}/{language}/missions/new/")
    page.locator("#id_title_en").fill(f"Busan port delegation ({language})")
    page.locator("#id_host_region").select_option("KR-26")
    page.locator("#id_host_city").fill("Busan")
    page.locator("#id_starts_on").fill("2027-09-14")
    page.locator("#id_ends_on").fill("2027-09-13")
    page.locator("form.mission-form button[type=submit]").click()
    expect(page.locator("#id_ends_on_error")).to_be_visible()
    _check(page, screenshots, f"missions-new-errors-{language}")
    page.locator("#id_ends_on").fill("2027-09-15")
    page.locator("form.mission-form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(f"Busan port delegation ({language})")
    _check(page, screenshots, f"missions-new-created-{language}")
    page.goto(page.url.rstrip("/") + "/setup/")
    _check(page, screenshots, f"missions-setup-{language}")
