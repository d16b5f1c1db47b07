"""Reported observations obey the counting rules, with clear errors; money keeps its recorded rate."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from innotwin.core.errors import DataError
from innotwin.impact.domain.observations import Evidence, MoneyIn, record_observation
from innotwin.impact.models import Observation
from tests.impact.conftest import link, report_jobs

pytestmark = pytest.mark.django_db


def test_one_job_is_attributed_once_across_projects(pair, organisations, people):
    first = report_jobs(pair, organisations["uk"], reporter=people["coordinator"], project="Port drones")
    with pytest.raises(DataError) as raised:
        report_jobs(
            pair,
            organisations["uk"],
            reporter=people["member"],
            project="Smart harbour",
            start=dt.date(2025, 6, 1),
            end=dt.date(2025, 6, 30),
        )
    message = raised.value.message
    assert f"already reported by observation {first.pk} (project: Port drones)" in message
    assert "attributed to one project only" in message
    assert Observation.objects.count() == 1


def test_jobs_in_the_other_country_or_another_year_are_separate(pair, organisations, people):
    report_jobs(pair, organisations["uk"], reporter=people["coordinator"])
    report_jobs(pair, organisations["uk"], reporter=people["coordinator"], country="KR")
    report_jobs(
        pair,
        organisations["uk"],
        reporter=people["coordinator"],
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 12, 31),
    )
    assert Observation.objects.count() == 3


def test_jobs_need_a_country_and_an_organisation(pair, people):
    with pytest.raises(DataError) as raised:
        record_observation(
            kpi="jobs_created",
            pair=pair,
            value=3,
            period_start=dt.date(2025, 1, 1),
            reporter=people["coordinator"],
            evidence=link(),
        )
    assert {problem.field for problem in raised.value.problems} == {"country", "organisation"}


def test_funding_is_stored_in_both_currencies_with_the_recorded_rate(pair, organisations, people):
    money = MoneyIn(
        amount=Decimal("500000000"),
        currency="KRW",
        rate=Decimal("1700.5"),
        rate_date=dt.date(2025, 3, 3),
        rate_source="Bank of Korea base rate",
    )
    observation = record_observation(
        kpi="funding_leveraged",
        pair=pair,
        value=None,
        period_start=dt.date(2025, 3, 3),
        reporter=people["coordinator"],
        evidence=link(),
        organisation=organisations["kr"],
        money=money,
    )
    observation.refresh_from_db()
    assert observation.value == Decimal("294031.17")  # 500,000,000 / 1,700.5, to the penny
    assert observation.value_krw == Decimal("500000000")
    assert (observation.currency, observation.exchange_rate) == ("KRW", Decimal("1700.5000"))
    assert observation.rate_date == dt.date(2025, 3, 3)
    assert observation.rate_source == "Bank of Korea base rate"


def test_funding_without_a_rate_is_refused(pair, organisations, people):
    money = MoneyIn(
        amount=Decimal("1000"), currency="GBP", rate=Decimal(0), rate_date=dt.date(2025, 3, 3), rate_source=""
    )
    with pytest.raises(DataError) as raised:
        record_observation(
            kpi="funding_leveraged",
            pair=pair,
            value=None,
            period_start=dt.date(2025, 3, 3),
            reporter=people["coordinator"],
            evidence=link(),
            organisation=organisations["uk"],
            money=money,
        )
    assert {problem.field for problem in raised.value.problems} == {"exchange_rate", "rate_source"}


def test_emissions_need_their_method_and_a_document_is_evidence(pair, organisations, people):
    arguments = {
        "kpi": "emissions_avoided",
        "pair": pair,
        "value": Decimal("120.5"),
        "period_start": dt.date(2025, 1, 1),
        "period_end": dt.date(2025, 12, 31),
        "reporter": people["coordinator"],
        "organisation": organisations["uk"],
        "evidence": Evidence(document=b"%PDF-1.4 measurement", filename="measurement.pdf"),
    }
    with pytest.raises(DataError, match="method"):
        record_observation(**arguments)
    observation = record_observation(**arguments, method="GHG Protocol, metered electricity vs grid factor")
    assert observation.evidence_file.name.endswith("measurement.pdf")


def test_an_observation_without_evidence_is_refused(pair, people):
    with pytest.raises(DataError, match="Give the evidence"):
        record_observation(
            kpi="knowledge_events",
            pair=pair,
            value=2,
            period_start=dt.date(2025, 2, 1),
            reporter=people["coordinator"],
        )


def test_participants_carry_their_sme_and_women_led_parts(pair, people):
    observation = record_observation(
        kpi="delegation_participants",
        pair=pair,
        value=20,
        period_start=dt.date(2025, 4, 1),
        reporter=people["coordinator"],
        evidence=link(),
        part_sme=12,
        part_women_led=5,
    )
    assert (observation.part_sme, observation.part_women_led) == (12, 5)
    with pytest.raises(DataError, match="has no SME"):
        record_observation(
            kpi="knowledge_events",
            pair=pair,
            value=1,
            period_start=dt.date(2025, 4, 1),
            reporter=people["coordinator"],
            evidence=link(),
            part_sme=1,
        )


def test_the_database_also_refuses_a_second_observation_of_a_record_fact(pair):
    from django.db import IntegrityError, transaction

    from innotwin.impact.models import Kpi

    values = {
        "kpi": Kpi.objects.get(pk="agreements_signed"),
        "pair": pair,
        "value": 1,
        "period_start": dt.date(2024, 1, 1),
        "period_end": dt.date(2024, 1, 1),
        "record_app": "pairs",
        "record_model": "agreement",
        "record_pk": 9,
        "record_key": "signed",
    }
    Observation.objects.create(**values)
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.create(**values)


def test_evidence_links_are_web_addresses_and_organisations_belong_to_the_pair(pair, people):
    from tests.organisations.factories import make_organisation

    elsewhere = make_organisation(name_en="Far Away Ltd", region="N09000003")
    with pytest.raises(DataError) as raised:
        record_observation(
            kpi="jobs_created",
            pair=pair,
            value=1,
            period_start=dt.date(2025, 1, 1),
            reporter=people["coordinator"],
            evidence=link("javascript:alert(1)"),
            country="GB",
            organisation=elsewhere,
        )
    assert {problem.field for problem in raised.value.problems} == {"evidence_url", "organisation"}
