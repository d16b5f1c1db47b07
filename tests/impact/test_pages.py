"""The impact pages in English and Korean: dashboards, evidence, verification, reporting and targets."""

from __future__ import annotations

import datetime as dt

import pytest

from innotwin.impact.domain.collectors import collect
from innotwin.impact.models import Observation, ProgressReport, Target
from innotwin.pairs.domain.record_agreement import record_agreement
from innotwin.pairs.enums import AgreementKind
from tests.impact.conftest import report_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def mou(pair):
    agreement = record_agreement(
        pair=pair,
        kind=AgreementKind.MOU,
        title_en="Port innovation MoU",
        title_ko="항만 혁신 양해각서",
        signed_on=dt.date(2024, 5, 14),
        source_url="https://example.org/mou",
    )
    collect()
    return agreement


@pytest.mark.parametrize(
    ("language", "title", "funnel"),
    [("en", "Programme impact", "Funnel"), ("ko", "프로그램 성과", "단계별 전환")],
)
def test_the_programme_dashboard_in_both_languages(client, mou, language, title, funnel):
    page = client.get(f"/{language}/impact/").content.decode()
    assert title in page
    assert funnel in page
    assert 'data-kpi="agreements_signed">1<' in page
    assert '<svg class="chart" role="img"' in page
    assert "<desc" in page  # text alternative for each chart
    assert "<table" in page
    assert "style=" not in page
    assert "<script>" not in page  # CSP: no inline styles or scripts


def test_a_headline_figure_is_one_click_from_its_evidence(client, pair, mou):
    page = client.get(f"/en/impact/pairs/{pair.slug}/").content.decode()
    assert f'href="/en/impact/evidence/?kpi=agreements_signed&amp;pair={pair.slug}"' in page
    evidence = client.get(f"/en/impact/evidence/?kpi=agreements_signed&pair={pair.slug}").content.decode()
    assert "Port innovation MoU" in evidence
    assert "https://example.org/mou" in evidence
    observation = Observation.objects.get()
    detail = client.get(f"/ko/impact/observations/{observation.pk}/").content.decode()
    assert f"pairs.agreement:{mou.pk}#signed" in detail
    assert "검증 이력" in detail


def test_the_public_does_not_see_reports_awaiting_verification(client, pair, organisations, people):
    observation = report_jobs(pair, organisations["uk"], reporter=people["member"])
    assert client.get(f"/en/impact/observations/{observation.pk}/").status_code == 404
    client.force_login(people["coordinator"])
    assert client.get(f"/en/impact/observations/{observation.pk}/").status_code == 200


def test_a_coordinator_verifies_from_the_observation_page(client, pair, organisations, people):
    observation = report_jobs(pair, organisations["uk"], reporter=people["member"])
    client.force_login(people["member"])
    assert (
        client.post(f"/en/impact/observations/{observation.pk}/status/", {"status": "verified"}).status_code
        == 403
    )
    client.force_login(people["coordinator"])
    page = client.get(f"/en/impact/observations/{observation.pk}/").content.decode()
    assert "Verify or dispute" in page
    response = client.post(f"/en/impact/observations/{observation.pk}/status/", {"status": "verified"})
    assert response.status_code == 302
    observation.refresh_from_db()
    assert observation.status == "verified"


def test_an_organisation_member_reports_what_changed_with_a_figure(client, pair, organisations, people):
    client.force_login(people["member"])
    page = client.get(f"/ko/impact/pairs/{pair.slug}/report/").content.decode()
    assert "무엇이 달라졌나요" in page
    form = {
        "report_start": "2025-01-01",
        "report_end": "2025-06-30",
        "changes": "Two engineers hired.",
        "report_organisation": organisations["uk"].pk,
        "kpi": "jobs_created",
        "value": "2",
        "country": "GB",
        "organisation": organisations["uk"].pk,
        "project": "Port drones",
        "evidence_url": "https://example.org/hiring",
    }
    response = client.post(f"/en/impact/pairs/{pair.slug}/report/", form)
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    observation = report.observations.get()
    assert (observation.value, observation.period_end, observation.reported_by) == (
        2,
        dt.date(2025, 6, 30),
        people["member"],
    )
    again = client.post(f"/en/impact/pairs/{pair.slug}/report/", {**form, "changes": "Same again."})
    assert again.status_code == 422
    assert "attributed to one project only" in again.content.decode()
    assert ProgressReport.objects.count() == 1  # nothing stored when a figure is refused


def test_someone_outside_the_pair_cannot_report(client, pair, people):
    client.force_login(people["other_coordinator"])
    assert client.get(f"/en/impact/pairs/{pair.slug}/report/").status_code == 403


def test_a_coordinator_sets_a_target_and_sees_progress(client, pair, mou, people):
    client.force_login(people["coordinator"])
    response = client.post(
        f"/en/impact/pairs/{pair.slug}/targets/",
        {"kpi": "agreements_signed", "value": "4", "baseline": "0", "due_on": "2027-12-31"},
    )
    assert response.status_code == 302
    assert Target.objects.get().value == 4
    page = client.get(f"/en/impact/pairs/{pair.slug}/").content.decode()
    assert "Progress against targets" in page
    assert "25%" in page
    client.force_login(people["member"])
    assert client.post(f"/en/impact/pairs/{pair.slug}/targets/", {}).status_code == 403
