"""The ecosystem registry in headless Chromium, in English and Korean: the directory and its filters, a
profile page, registering an organisation and an offer with validation in the reader's language,
moderation, an import check, and one's own data. Every page is checked with axe-core (WCAG 2.2 AA) and
photographed into var/screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.axe import axe_violations

pytestmark = pytest.mark.e2e

PASSWORD = "harbour-lights-2026"
ACCOUNTS = f"""
import django
django.setup()
from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.models import TwinPair
for email in ("member@e2e.example", "coordinator@e2e.example"):
    if not User.objects.filter(email=email).exists():
        create_user(email=email, role=Role.ORGANISATION_MEMBER, password="{PASSWORD}")
coordinator = User.objects.get(email="coordinator@e2e.example")
assign_coordinator(pair=TwinPair.objects.get(slug="belfast-sejong"), user=coordinator)
"""


@pytest.fixture(scope="module")
def accounts(live_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A member and a coordinator of Belfast–Sejong in the live server's database."""
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
    return {"member": "member@e2e.example", "coordinator": "coordinator@e2e.example"}


def _signed_in(browser: Browser, live_server_url: str, email: str) -> Page:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server_url + "/en/accounts/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server_url + "/en/")
    return page


def _check(page: Page, screenshots: Path, name: str) -> None:
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("language", "heading", "results"),
    [("en", "Organisations in the twin cities", "organisations"), ("ko", "트윈 도시의 기관", "개 기관")],
)
def test_directory_filters_by_city_and_type(
    page: Page, live_server_url: str, screenshots: Path, language: str, heading: str, results: str
) -> None:
    page.goto(f"{live_server_url}/{language}/organisations/?city=KR-26")
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator("#results-title")).to_contain_text(results)
    assert page.locator(".org-card").count() == 20
    _check(page, screenshots, f"registry-directory-{language}")
    announced = page.locator("#results-announcer").inner_text()
    page.locator("#id_type").select_option("university")
    page.wait_for_url("**type=university**")
    expect(page.locator("#results-announcer")).not_to_have_text(announced)
    expect(page.locator("#results-announcer")).to_have_text(page.locator("#results-title").inner_text())
    expect(page.locator(".org-card").first).to_contain_text("University" if language == "en" else "대학")
    assert page.locator(".org-card").count() < 20


def test_organisation_page_in_korean(page: Page, live_server_url: str, screenshots: Path) -> None:
    page.goto(f"{live_server_url}/ko/organisations/?city=KR-26&q=부산")
    page.locator(".org-card h3 a").first.click()
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.locator("#facts-title")).to_have_text("기본 정보")
    expect(page.locator("#contacts-title")).to_have_text("담당자")
    _check(page, screenshots, "registry-organisation-ko")


def test_offer_goes_from_draft_to_published_in_both_languages(
    browser: Browser, live_server_url: str, screenshots: Path, accounts: dict[str, str]
) -> None:
    member = _signed_in(browser, live_server_url, accounts["member"])
    member.goto(live_server_url + "/en/organisations/new/")
    member.get_by_role("button", name="Register the organisation").click()
    expect(member.locator(".error-summary")).to_contain_text("A name in English or in Korean is required.")
    _check(member, screenshots, "registry-organisation-form-errors-en")
    member.get_by_label("Name in English").fill("Lagan Photonics")
    member.get_by_label("Name in Korean").fill("라간 포토닉스")
    member.locator("#id_type").select_option("sme")
    member.locator("#id_region").select_option("N09000003")
    member.get_by_label("Industry codes").fill("26701; 72190")
    member.get_by_label("Description in English", exact=True).fill(
        "Laser sensors for offshore wind turbines."
    )
    member.get_by_role("button", name="Register the organisation").click()
    expect(member.locator("h1")).to_have_text("Lagan Photonics")
    slug = member.url.rstrip("/").rsplit("/", 1)[-1]

    member.goto(f"{live_server_url}/ko/organisations/{slug}/profiles/new/")
    member.locator("form.registry-form button[type=submit]").click()
    expect(member.locator(".error-summary")).to_contain_text("필수 항목입니다.")
    _check(member, screenshots, "registry-profile-form-errors-ko")
    member.locator("#id_kind").select_option("technology_offer")
    member.locator("#id_title_ko").fill("해상풍력 블레이드용 레이저 센서")
    member.locator("#id_summary_ko").fill(
        "블레이드 손상을 조기에 찾는 레이저 센서를 공동 실증할 파트너를 찾습니다."
    )
    member.locator("#id_pillar").select_option("business")
    member.locator("#id_stage").select_option("prototype")
    member.locator("#id_partner_types_1").check()
    member.locator("#id_expires_on").fill("2027-06-30")
    member.locator("form.registry-form button[type=submit]").click()
    expect(member.locator("h1")).to_have_text("해상풍력 블레이드용 레이저 센서")
    member.locator("form[action$='/submit/'] button").click()
    expect(member.locator(".badge-submitted")).to_be_visible()
    profile_url = member.url

    coordinator = _signed_in(browser, live_server_url, accounts["coordinator"])
    coordinator.goto(live_server_url + "/ko/organisations/moderation/")
    card = coordinator.locator(".opportunity-card", has_text="해상풍력 블레이드용 레이저 센서")
    expect(card).to_be_visible()
    _check(coordinator, screenshots, "registry-moderation-ko")
    card.locator("textarea").fill("좋습니다. 게시합니다.")
    card.locator("button[formaction$='/publish/']").click()
    expect(coordinator.locator(".message-success")).to_be_visible()

    public = browser.new_context(bypass_csp=True).new_page()
    public.goto(profile_url.replace("/ko/", "/en/"))
    expect(public.locator("h1")).to_have_text("해상풍력 블레이드용 레이저 센서")
    expect(public.locator(".text-flags").first).to_contain_text("Written in Korean")
    public.screenshot(path=str(screenshots / "registry-profile-public-en.png"), full_page=True)
    assert axe_violations(public) == []


def test_import_check_reports_problems_by_row_and_column(
    browser: Browser, live_server_url: str, screenshots: Path, accounts: dict[str, str], tmp_path: Path
) -> None:
    coordinator = _signed_in(browser, live_server_url, accounts["coordinator"])
    coordinator.goto(live_server_url + "/en/organisations/import/")
    _check(coordinator, screenshots, "registry-import-en")
    upload = tmp_path / "belfast.csv"
    upload.write_text(
        "Name (English),Type,Region\nQuay Robotics,sme,Belfast\nFar Away Ltd,sme,Narnia\n", encoding="utf-8"
    )
    coordinator.get_by_label("CSV or Excel file").set_input_files(str(upload))
    coordinator.get_by_role("button", name="Upload and continue").click()
    expect(coordinator.locator("h1")).to_have_text("Map the columns")
    coordinator.get_by_role("button", name="Check the file (dry run)").click()
    expect(coordinator.locator("#report-title")).to_have_text("1 problem found; nothing was imported")
    expect(coordinator.locator(".report tbody tr")).to_have_text(
        "3Region'Narnia' is not a region innotwin knows; give its official code."
    )
    _check(coordinator, screenshots, "registry-import-report-en")


def test_my_data_page_in_korean(
    browser: Browser, live_server_url: str, screenshots: Path, accounts: dict[str, str]
) -> None:
    member = _signed_in(browser, live_server_url, accounts["member"])
    member.goto(live_server_url + "/ko/organisations/my-data/")
    expect(member.locator("h1")).to_have_text("내 데이터")
    _check(member, screenshots, "registry-my-data-ko")


def test_a_member_brings_a_colleague_in_korean(
    browser: Browser, live_server_url: str, screenshots: Path, accounts: dict[str, str]
) -> None:
    member = _signed_in(browser, live_server_url, accounts["member"])
    member.goto(live_server_url + "/en/organisations/new/")
    member.get_by_label("Name in English").fill("Foyle Robotics")
    member.locator("#id_type").select_option("sme")
    member.locator("#id_region").select_option("N09000003")
    member.get_by_role("button", name="Register the organisation").click()
    expect(member.locator("h1")).to_have_text("Foyle Robotics")
    slug = member.url.rstrip("/").rsplit("/", 1)[-1]

    member.goto(f"{live_server_url}/ko/organisations/{slug}/members/")
    member.get_by_label("이메일 주소").fill("not an address")
    member.get_by_role("button", name="회원 추가하기").click()
    expect(member.locator(".errorlist")).to_be_visible()
    _check(member, screenshots, "registry-members-errors-ko")
    member.get_by_label("이메일 주소").fill("colleague@e2e.example")
    member.get_by_role("button", name="회원 추가하기").click()
    expect(member.get_by_role("cell", name="colleague@e2e.example", exact=True)).to_be_visible()
    _check(member, screenshots, "registry-members-ko")
