"""Impact in headless Chromium, in English and Korean: the programme dashboard with its charts, text
alternatives and data tables; a headline figure one click from its evidence and the record behind it; a
pair's dashboard; and a coordinator who reports progress and verifies a figure awaiting verification.
Every page is checked with axe-core (WCAG 2.2 AA) and photographed into var/screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.e2e

PASSWORD = "impact-counts-once-2026"
ACCOUNT = f"""
import django
django.setup()
from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.models import TwinPair
if not User.objects.filter(email="impact@e2e.example").exists():
    user, _ = create_user(email="impact@e2e.example", role=Role.PAIR_COORDINATOR, password="{PASSWORD}")
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
    return "impact@e2e.example"


def _check(page: Page, screenshots: Path, name: str) -> None:
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("language", "heading", "figure_name", "evidence_word"),
    [
        ("en", "Programme impact", "MoUs and agreements signed", "How it is evidenced:"),
        ("ko", "프로그램 성과", "체결된 양해각서 및 협약", "증빙 방법:"),
    ],
)
def test_programme_dashboard_and_the_evidence_behind_a_figure(
    page: Page,
    live_server_url: str,
    screenshots: Path,
    language: str,
    heading: str,
    figure_name: str,
    evidence_word: str,
) -> None:
    page.goto(f"{live_server_url}/{language}/impact/")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    row = page.locator("tr", has_text=figure_name)
    figure = row.locator('a[data-kpi="agreements_signed"]')
    expect(figure).to_have_text("4")  # the demo programme's four dated, sourced agreements
    chart = page.locator("svg.chart").first
    expect(chart).to_have_attribute("role", "img")
    page.locator("details.chart-data summary").first.click()
    expect(page.locator("details.chart-data table").first).to_be_visible()
    _check(page, screenshots, f"impact-programme-{language}")
    figure.click()
    expect(page.get_by_text(evidence_word)).to_be_visible()
    expect(page.locator('a[href^="https://kqliverpool.co.uk"]')).to_be_visible()
    _check(page, screenshots, f"impact-evidence-{language}")
    page.locator("td a", has_text="#").first.click()
    expect(page.locator("code")).to_contain_text("pairs.agreement:")
    _check(page, screenshots, f"impact-observation-{language}")


def test_a_coordinator_reports_and_verifies(
    page: Page, live_server_url: str, screenshots: Path, coordinator: str
) -> None:
    page.goto(f"{live_server_url}/en/accounts/sign-in/")
    page.get_by_label("Email address").fill(coordinator)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server_url + "/en/")
    page.goto(f"{live_server_url}/ko/impact/pairs/liverpool-city-region-busan/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("성과")
    _check(page, screenshots, "impact-pair-ko")
    page.get_by_role("link", name="진행 상황 보고").click()
    page.get_by_label("보고 기간 시작").fill("2025-01-01")
    page.get_by_label("보고 기간 종료").fill("2025-03-31")
    page.get_by_label("지난 보고 이후 달라진 점").fill("Joint webinar on tidal energy held online.")
    page.get_by_label("KPI", exact=True).select_option(label="지식 교류 행사")
    page.get_by_label("값", exact=True).fill("1")
    page.get_by_label("증빙 링크").fill("https://example.org/webinar")
    _check(page, screenshots, "impact-report-form-ko")
    page.get_by_role("button", name="보고 제출").click()
    expect(page.locator(".messages, [role=status], .message").first).to_be_visible()
    page.goto(f"{live_server_url}/en/impact/evidence/?kpi=knowledge_events&pair=liverpool-city-region-busan")
    page.locator("td a", has_text="#").first.click()
    expect(page.get_by_text("Verify or dispute")).to_have_count(0)  # nobody verifies their own report
    page.goto(
        f"{live_server_url}/en/impact/evidence/?kpi=proposals_submitted&pair=liverpool-city-region-busan"
    )
    page.locator("td a", has_text="#").first.click()
    page.get_by_label("New status").select_option("verified")
    page.get_by_role("button", name="Change the status").click()
    expect(page.locator(".status-verified")).to_be_visible()
    _check(page, screenshots, "impact-verified-en")
