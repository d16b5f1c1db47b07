"""Discovery pages in headless Chromium, in English and Korean, checked with axe-core (WCAG 2.2 AA), and a
programme administrator proposing a discovered pair."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.e2e

ADMIN_EMAIL = "discovery-admin@innotwin.example"
ADMIN_PASSWORD = "a long discovery password"


@pytest.mark.parametrize(
    ("path", "heading", "name"),
    [
        ("/en/discover/", "Discover city pairs", "discover-en"),
        ("/ko/discover/", "도시 쌍 찾기", "discover-ko"),
        ("/en/discover/pairs/TLD7/KR-26/", "Merseyside ↔ and Busan", "discover-pair-en"),
        ("/ko/discover/pairs/TLD7/KR-26/", "머지사이드 ↔ 와(과) 부산광역시", "discover-pair-ko"),
        (
            "/en/discover/pairs/TLG1/KR-43/?profile=peers",
            "Herefordshire, Worcestershire and Warwickshire ↔ and Chungcheongbuk-do",
            "discover-pair-left-out-en",
        ),
        ("/en/discover/report/?top=3", "City-pair shortlist", "discover-report-en"),
        ("/ko/discover/report/?top=3", "도시 쌍 후보 목록", "discover-report-ko"),
    ],
)
def test_discovery_page_renders_and_has_no_accessibility_violations(
    page: Page, live_server_url: str, screenshots: Path, path: str, heading: str, name: str
) -> None:
    response = page.goto(live_server_url + path)
    assert response is not None
    assert response.status == 200
    assert " ".join(page.locator("h1").first.inner_text().split()) == heading
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert axe_violations(page) == []


def test_heat_map_scrolls_by_keyboard_and_reads_as_a_table(page: Page, live_server_url: str) -> None:
    page.goto(live_server_url + "/en/discover/")
    region = page.get_by_role("region", name="Heat map of every pair, scrolls sideways")
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('heat-scroll')") is True
    table = page.get_by_role("table", name="Score of every pair")
    assert table.locator("tbody tr").count() == 40
    assert table.locator("tbody td").count() == 680


ADMIN = f"""
import django
django.setup()
from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
if not User.objects.filter(email="{ADMIN_EMAIL}").exists():
    create_user(email="{ADMIN_EMAIL}", role=Role.PROGRAMME_ADMIN, password="{ADMIN_PASSWORD}")
"""


@pytest.fixture
def discovery_admin(live_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A second programme administrator with a chosen password (the demo one must change its own first)."""
    folder = next(tmp_path_factory.getbasetemp().glob("e2e*/database-url.txt")).parent
    env = {k: v for k, v in os.environ.items() if not k.startswith("INNOTWIN_")}
    env.update(
        {
            "INNOTWIN_DATA_DIR": str(folder),
            "DATABASE_URL": (folder / "database-url.txt").read_text(),
            "DJANGO_SETTINGS_MODULE": "innotwin.config.settings",
        }
    )
    subprocess.run([sys.executable, "-c", ADMIN], env=env, cwd=folder, check=True, timeout=120)
    return ADMIN_EMAIL


def test_programme_administrator_proposes_a_discovered_pair(
    page: Page, live_server_url: str, screenshots: Path, discovery_admin: str
) -> None:
    page.goto(live_server_url + "/en/accounts/sign-in/")
    page.get_by_label("Email address").fill(discovery_admin)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server_url + "/en/")
    page.goto(live_server_url + "/en/discover/pairs/TLD3/KR-27/")
    page.get_by_role("button", name="Propose as twin pair").click()
    assert page.url == live_server_url + "/en/discover/evidence/greater-manchester-daegu/"
    assert " ".join(page.locator("h1").inner_text().split()) == "Evidence for Greater Manchester – Daegu"
    assert page.get_by_role("status").inner_text().strip() == (
        "Greater Manchester – Daegu is proposed as a twin pair, with the evidence below."
    )
    page.screenshot(path=str(screenshots / "discover-evidence-en.png"), full_page=True)
    assert axe_violations(page) == []
