"""``/api/v1/impact`` and ``innotwin impact``: the same rules and the same figures as the pages."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from django.core import mail

from innotwin.cli.main import cli
from innotwin.impact.domain.collectors import collect
from innotwin.impact.models import Observation, Reminder
from innotwin.pairs.domain.record_agreement import record_agreement
from innotwin.pairs.enums import AgreementKind
from tests.impact.conftest import report_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def mou(pair):
    record_agreement(
        pair=pair,
        kind=AgreementKind.MOU,
        title_en="Port MoU",
        signed_on=dt.date(2024, 5, 14),
        source_url="https://example.org/mou",
    )
    collect()


def test_the_summary_and_observations_for_the_public(client, pair, mou):
    summary = client.get(f"/api/v1/impact/summary?pair={pair.slug}").json()
    agreements = next(item for item in summary["headlines"] if item["kpi"] == "agreements_signed")
    assert (Decimal(agreements["verified"]), agreements["verified_count"]) == (1, 1)
    assert agreements["evidence"].endswith(f"kpi=agreements_signed&pair={pair.slug}")
    items = client.get("/api/v1/impact/observations?kpi=agreements_signed").json()["items"]
    assert [item["record"].split("#")[1] for item in items] == ["signed"]
    kpis = client.get("/api/v1/impact/kpis").json()
    assert {"jobs_created", "funding_leveraged", "emissions_avoided"} <= {kpi["code"] for kpi in kpis}


def test_reporting_and_verifying_through_the_api(client, pair, organisations, people):
    body = {
        "kpi": "jobs_created",
        "pair": pair.slug,
        "value": "3",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "country": "KR",
        "organisation": organisations["kr"].slug,
        "evidence_url": "https://example.org/jobs",
    }
    assert client.post(
        "/api/v1/impact/observations", json.dumps(body), content_type="application/json"
    ).status_code in (401, 403)
    client.force_login(people["member"])
    created = client.post("/api/v1/impact/observations", json.dumps(body), content_type="application/json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    twice = client.post("/api/v1/impact/observations", json.dumps(body), content_type="application/json")
    assert twice.status_code == 422
    assert "attributed to one project only" in twice.json()["error"]["message"]
    own = client.post(
        f"/api/v1/impact/observations/{pk}/status",
        json.dumps({"status": "verified"}),
        content_type="application/json",
    )
    assert own.status_code == 403
    client.force_login(people["coordinator"])
    verified = client.post(
        f"/api/v1/impact/observations/{pk}/status",
        json.dumps({"status": "verified"}),
        content_type="application/json",
    )
    assert verified.json()["status"] == "verified"


def test_collect_is_for_administrators(client, people, mou):
    assert client.post("/api/v1/impact/collect").status_code in (401, 403)
    client.force_login(people["admin"])
    assert client.post("/api/v1/impact/collect").json()["created"] == 0


def test_cli_report_writes_csv_to_standard_output_and_files(pair, mou, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["impact", "report", "--pair", pair.slug])
    assert result.exit_code == 0, result.output
    assert "agreements_signed" in result.output
    assert "https://example.org/mou" in result.output
    xlsx = tmp_path / "impact.xlsx"
    result = runner.invoke(cli, ["impact", "report", "--format", "xlsx", "--output", str(xlsx)])
    assert result.exit_code == 0
    assert xlsx.read_bytes().startswith(b"PK")
    result = runner.invoke(cli, ["impact", "report", "--format", "pdf"])
    assert result.exit_code != 0
    assert "--output" in result.output


def test_cli_collect_twice_adds_nothing(pair, mou):
    result = CliRunner().invoke(cli, ["impact", "collect", "--format", "json"])
    assert json.loads(result.output)[0]["created"] == 0
    assert Observation.objects.count() == 1


def test_reminders_go_once_to_coordinators_of_pairs_due_to_report(pair, people, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    people["coordinator"].preferred_language = "ko"
    people["coordinator"].save()
    runner = CliRunner()
    result = runner.invoke(
        cli, ["impact", "remind", "--format", "json", "--base-url", "https://twin.example"]
    )
    assert result.exit_code == 0, result.output
    assert [row["email"] for row in json.loads(result.output)] == ["coordinator@example.org"]
    assert len(mail.outbox) == 1
    assert "성과를 보고할 때입니다" in mail.outbox[0].subject
    assert f"https://twin.example/ko/impact/pairs/{pair.slug}/report/" in mail.outbox[0].body
    again = runner.invoke(cli, ["impact", "remind", "--format", "json"])
    assert json.loads(again.output) == []
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_no_reminder_after_a_recent_report(pair, organisations, people, settings):
    from innotwin.impact.domain.reports import send_reminders, submit_report

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    today = dt.date.today()
    submit_report(
        pair=pair,
        reporter=people["coordinator"],
        period_start=today - dt.timedelta(days=30),
        period_end=today,
        changes="A delegation visited.",
    )
    assert send_reminders(every_days=90) == []
    report_jobs(pair, organisations["uk"], reporter=people["member"])  # figures alone are not a report
    assert send_reminders(every_days=20, dry_run=True) == []


def test_the_management_command_lists_who_would_be_reminded(pair, settings):
    import io

    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("impact_remind", "--dry-run", stdout=out)
    assert f"{pair.slug}\tcoordinator@example.org" in out.getvalue()
    assert "1 reminder(s) would be sent." in out.getvalue()
    assert mail.outbox == []
    assert Reminder.objects.count() == 0
