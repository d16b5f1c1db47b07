"""Partner matching in headless Chromium: a Liverpool member's matches with "why you two" (an English need
met by a Korean offer), an expression of interest, the Busan member's inbox and acceptance in Korean with
the introduction's contacts, and the coordinator's view of the pair. Every page is checked with axe-core
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

PASSWORD = "mersey-busan-2026"
ACCOUNTS = f"""
import django
django.setup()
from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.organisations.models import Organisation
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.models import TwinPair
for email, slug in (("port@e2e.example", "mersey-port-logistics"), ("haeun@e2e.example", "busan-haeun-soft"),
                    ("pair@e2e.example", None)):
    if not User.objects.filter(email=email).exists():
        create_user(email=email, role=Role.ORGANISATION_MEMBER, password="{PASSWORD}")
    if slug:
        Organisation.objects.get(slug=slug).members.add(User.objects.get(email=email))
pair = TwinPair.objects.get(slug="liverpool-city-region-busan")
assign_coordinator(pair=pair, user=User.objects.get(email="pair@e2e.example"))
"""


@pytest.fixture(scope="module")
def accounts(live_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Members of the Liverpool and Busan port-software firms and a coordinator of their pair."""
    folder = next(tmp_path_factory.getbasetemp().glob("e2e*/database-url.txt")).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("INNOTWIN_")}
    env.update(
        {
            "INNOTWIN_DATA_DIR": str(folder),
            "DATABASE_URL": (folder / "database-url.txt").read_text(),
            "DJANGO_SETTINGS_MODULE": "innotwin.config.settings",
        }
    )
    subprocess.run([sys.executable, "-c", ACCOUNTS], env=env, cwd=folder, check=True, timeout=120)


def _signed_in(browser: Browser, live_server_url: str, email: str, language: str = "en") -> Page:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(live_server_url + "/en/accounts/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server_url + "/en/")
    return page


def _check(page: Page, screenshots: Path, name: str) -> None:
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert axe_violations(page) == []


def test_matches_interest_acceptance_and_pair_view(
    browser: Browser, live_server_url: str, screenshots: Path, accounts: None
) -> None:
    port = _signed_in(browser, live_server_url, "port@e2e.example")
    port.get_by_role("link", name="Your matches").click()
    expect(port.locator("h1")).to_have_text("Matches for Mersey Port Logistics Ltd")
    first = port.locator(".match-card").first
    expect(first.locator("h2")).to_have_text("부산해운소프트")
    first.locator("summary", has_text="Why you two").click()
    expect(first.locator(".why")).to_contain_text("They offer what you seek")
    expect(first.locator(".why [lang=ko]").first).to_be_visible()
    _check(port, screenshots, "matching-your-matches-en")
    first.get_by_label("Message (optional)").fill("Shall we pilot container data exchange between our ports?")
    first.get_by_role("button", name="Express interest").click()
    expect(port.locator(".message-success")).to_contain_text("부산해운소프트")
    expect(port.locator(".match-card").first.locator(".badge")).to_have_text("Interest sent")

    haeun = _signed_in(browser, live_server_url, "haeun@e2e.example")
    haeun.goto(live_server_url + "/ko/matching/interests/")
    expect(haeun.locator("h1")).to_have_text("관심 표명")
    expect(haeun.locator("#notices-title")).to_have_text("알림")
    _check(haeun, screenshots, "matching-inbox-ko")
    haeun.locator("#received-title + table a", has_text="Mersey Port Logistics Ltd").click()
    expect(haeun.locator("blockquote")).to_contain_text("Shall we pilot")
    _check(haeun, screenshots, "matching-interest-ko")
    haeun.get_by_role("button", name="수락하고 소개받기").click()
    expect(haeun.locator("#contacts-title")).to_have_text("소개: 연락처")
    expect(haeun.locator(".contact-list").first).to_contain_text(
        "alex.morgan@mersey-port-logistics.example.org"
    )
    _check(haeun, screenshots, "matching-introduction-ko")

    coordinator = _signed_in(browser, live_server_url, "pair@e2e.example")
    coordinator.goto(live_server_url + "/en/matching/")
    coordinator.get_by_role("link", name="Strongest matches between").first.click()
    expect(coordinator.locator("table")).to_contain_text("Mersey Port Logistics Ltd")
    _check(coordinator, screenshots, "matching-pair-en")
