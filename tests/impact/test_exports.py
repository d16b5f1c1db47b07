"""The exported figures equal the dashboard's: one function feeds both, tested through both outputs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from innotwin.impact.domain.collectors import collect
from innotwin.impact.domain.observations import MoneyIn, change_status, record_observation
from innotwin.impact.domain.summary import impact_summary
from innotwin.impact.interfaces.exports import csv_text, report_html, report_pdf, xlsx_bytes
from innotwin.pairs.domain.record_agreement import record_agreement
from innotwin.pairs.enums import AgreementKind
from tests.impact.conftest import link, report_jobs

pytestmark = pytest.mark.django_db

FIGURE = re.compile(r'data-kpi="(?P<kpi>[a-z_]+)">(?P<value>[^<]+)<')


@pytest.fixture
def achieved(pair, organisations, people):
    """A collected MoU, verified jobs in both countries, funding in won, and jobs awaiting verification
    whose project name is a spreadsheet formula."""
    record_agreement(
        pair=pair,
        kind=AgreementKind.MOU,
        title_en='=HYPERLINK("http://evil")',
        signed_on=dt.date(2024, 5, 14),
        source_url="https://example.org/mou",
    )
    collect()
    for country, value in (("GB", 12), ("KR", 30)):
        jobs = report_jobs(pair, organisations["uk"], reporter=people["member"], country=country, value=value)
        change_status(observation=jobs, to="verified", reason="", actor=people["coordinator"])
    money = MoneyIn(
        amount=Decimal("1500000000"),
        currency="KRW",
        rate=Decimal("1750"),
        rate_date=dt.date(2025, 2, 3),
        rate_source="Bank of England daily spot rate",
    )
    funding = record_observation(
        kpi="funding_leveraged",
        pair=pair,
        value=None,
        period_start=dt.date(2025, 2, 3),
        reporter=people["member"],
        evidence=link(),
        organisation=organisations["kr"],
        money=money,
    )
    change_status(observation=funding, to="verified", reason="", actor=people["coordinator"])
    report_jobs(pair, organisations["kr"], reporter=people["member"], project="=1+1", value=7)
    return pair


def _dashboard(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return {match["kpi"]: match["value"] for match in FIGURE.finditer(response.content.decode())}


def test_csv_and_xlsx_figures_equal_the_dashboards(client, people, achieved):
    from openpyxl import load_workbook

    client.force_login(people["coordinator"])
    shown = _dashboard(client, f"/en/impact/pairs/{achieved.slug}/")
    assert shown["jobs_created"] == "42"
    assert shown["agreements_signed"] == "1"
    assert shown["funding_leveraged"] == "£857,142.86"  # 1.5bn won at 1,750 won per pound

    summary = impact_summary(people["coordinator"], pair=achieved)
    with translation.override("en"):
        rows = list(csv.DictReader(io.StringIO(csv_text(summary).lstrip("\ufeff"))))
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for row in rows:
        if row["Status"] == "verified":
            totals[row["KPI code"]] += Decimal(row["Value"])
    assert totals == {"agreements_signed": 1, "jobs_created": 42, "funding_leveraged": Decimal("857142.86")}
    funding = next(row for row in rows if row["KPI code"] == "funding_leveraged")
    assert (funding["Won per pound"], funding["Date of the exchange rate"]) == ("1750", "2025-02-03")

    workbook = load_workbook(io.BytesIO(xlsx_bytes(summary)))
    headline = {row[0]: row for row in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert headline["jobs_created"][2] == 42
    assert headline["agreements_signed"][2] == 1
    assert Decimal(str(headline["funding_leveraged"][2])) == Decimal("857142.86")
    assert headline["jobs_created"][6] == 7  # awaiting verification, shown apart


def test_exports_never_carry_a_live_formula(people, achieved):
    from openpyxl import load_workbook

    summary = impact_summary(people["coordinator"], pair=achieved)
    text = csv_text(summary)
    assert "'=1+1" in text
    assert "'=HYPERLINK" in text
    assert ",=1+1" not in text
    sheet = load_workbook(io.BytesIO(xlsx_bytes(summary))).worksheets[1]
    cells = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    risky = [cell for cell in cells if cell.value.startswith("=")]
    assert risky
    assert all(cell.data_type == "s" for cell in risky)


def test_the_pdf_report_shows_the_dashboards_figures_in_both_languages(client, people, achieved):
    client.force_login(people["coordinator"])
    summary = impact_summary(people["coordinator"], pair=achieved)
    for language in ("en", "ko"):
        shown = _dashboard(client, f"/{language}/impact/pairs/{achieved.slug}/")
        html = report_html(summary, language=language)
        in_report = {match["kpi"]: match["value"] for match in FIGURE.finditer(html)}
        assert in_report == shown
    assert "영향" in report_html(summary, language="ko")
    pdf = report_pdf(summary, language="ko")
    assert pdf.startswith(b"%PDF")


def test_the_public_export_holds_only_verified_observations(achieved):
    summary = impact_summary(AnonymousUser(), pair=achieved)
    with translation.override("en"):
        rows = list(csv.DictReader(io.StringIO(csv_text(summary).lstrip("\ufeff"))))
    assert {row["Status"] for row in rows} == {"verified"}
    assert len(rows) == 4


def test_downloads_from_the_dashboard(client, people, achieved):
    client.force_login(people["coordinator"])
    response = client.get(f"/ko/impact/download.csv?pair={achieved.slug}")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "KPI 코드" in response.content.decode("utf-8")
    response = client.get("/en/impact/download.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get("/en/impact/download.pdf").content.startswith(b"%PDF")
    assert client.get("/en/impact/download.exe").status_code == 404
