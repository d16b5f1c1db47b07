"""Roadmaps in headless Chromium, in English and Korean: a coordinator drags a proposal across the pipeline
board (the server applies the same validation as the form), an invalid drop is refused with a message
and no change, the keyboard form moves a card without JavaScript, and the roadmap document opens side by
side. Every page is checked with axe-core and photographed into var/screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.e2e

PASSWORD = "steady-roadmap-2026"
EMAIL = "roadmap-coordinator@e2e.example"
ACCOUNT = f"""
import django
django.setup()
from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.models import TwinPair
if not User.objects.filter(email="{EMAIL}").exists():
    user, _ = create_user(email="{EMAIL}", role=Role.PAIR_COORDINATOR, password="{PASSWORD}")
    assign_coordinator(pair=TwinPair.objects.get(slug="belfast-sejong"), user=user)
"""


@pytest.fixture(scope="module")
def coordinator(live_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A coordinator of Belfast–Sejong in the live server's database."""
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


def _sign_in(page: Page, live_server_url: str) -> None:
    page.goto(live_server_url + "/en/accounts/sign-in/")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server_url + "/en/")


def _check(page: Page, screenshots: Path, name: str) -> None:
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert axe_violations(page) == []


def _card(page: Page, title: str) -> Locator:
    return page.locator(".board-card", has_text=title)


def _drag(page: Page, title: str, stage: str) -> None:
    """Drag the card to the column with the whole board in view, so that nothing scrolls mid-drag."""
    page.locator("#pipeline").evaluate("element => element.scrollIntoView()")
    _card(page, title).drag_to(page.locator(f'[data-stage="{stage}"]'))


def test_dragging_a_proposal_across_the_board_in_both_languages(
    browser: Browser, live_server_url: str, screenshots: Path, coordinator: str
) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1400, "height": 1200})
    page = context.new_page()
    _sign_in(page, live_server_url)

    page.goto(f"{live_server_url}/en/roadmaps/belfast-sejong/")
    expect(
        page.locator('[data-stage="idea"]').locator(".board-card", has_text="Smart city testbed exchange")
    ).to_be_visible()
    _check(page, screenshots, "roadmap-board-en")

    # an invalid drop (idea → funded) is refused on the page and changes nothing
    _drag(page, "Smart city testbed exchange", "funded")
    expect(page.locator("#board-status")).to_contain_text("cannot move to that stage")
    expect(page.locator('[data-stage="idea"]')).to_contain_text("Smart city testbed exchange")

    # idea → scoping by drag and drop; the page reloads with the card in its new column
    _drag(page, "Smart city testbed exchange", "scoping")
    expect(page.locator('[data-stage="scoping"]')).to_contain_text("Smart city testbed exchange")
    expect(page.locator('[data-stage="idea"]')).not_to_contain_text("Smart city testbed exchange")
    page.screenshot(path=str(screenshots / "roadmap-board-en-moved.png"), full_page=True)

    # in Korean: scoping → submitted, the card carrying its Korean title
    page.goto(f"{live_server_url}/ko/roadmaps/belfast-sejong/")
    expect(page.locator('[data-stage="scoping"]')).to_contain_text("스마트시티 테스트베드 교류")
    _drag(page, "스마트시티 테스트베드 교류", "submitted")
    expect(page.locator('[data-stage="submitted"]')).to_contain_text("스마트시티 테스트베드 교류")
    expect(page.locator("h2", has_text="파이프라인")).to_be_visible()
    _check(page, screenshots, "roadmap-board-ko")

    # dropping on "stalled" needs a reason: the card's form opens with the stage chosen
    _drag(page, "스마트시티 테스트베드 교류", "stalled")
    card = _card(page, "스마트시티 테스트베드 교류")
    reason = card.get_by_label("사유")
    expect(reason).to_be_focused()
    reason.fill("협력 기관 확정 대기")
    card.get_by_role("button", name="옮기기", exact=True).click()
    expect(page.locator('[data-stage="stalled"]')).to_contain_text("협력 기관 확정 대기")
    context.close()


def test_the_keyboard_form_moves_a_card_without_javascript(
    browser: Browser, live_server_url: str, screenshots: Path, coordinator: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    _sign_in(page, live_server_url)
    page.goto(f"{live_server_url}/en/roadmaps/belfast-sejong/")
    card = _card(page, "SME soft-landing programme")
    card.locator("summary").click()
    card.get_by_label("Move to").select_option("submitted")
    card.get_by_role("button", name="Move", exact=True).click()
    expect(page.locator(".message")).to_contain_text("moved to Proposal submitted")
    expect(page.locator('[data-stage="submitted"]')).to_contain_text("SME soft-landing programme")
    context.close()


def test_the_roadmap_document_opens_side_by_side(page: Page, live_server_url: str, screenshots: Path) -> None:
    page.goto(f"{live_server_url}/en/roadmaps/west-midlands-ulsan/document/?lang=both&format=html")
    expect(page.locator('td.column[lang="ko"] h1')).to_contain_text("울산")
    expect(page.locator('td.column[lang="en"] h1')).to_contain_text("Ulsan")
    page.screenshot(path=str(screenshots / "roadmap-document-both.png"), full_page=True)
    response = page.request.get(
        f"{live_server_url}/en/roadmaps/west-midlands-ulsan/document/?lang=ko&format=pdf"
    )
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
