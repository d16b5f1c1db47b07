"""The counting rules: nothing is counted twice, and every observation is countable on its own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from innotwin.core.errors import DataError
from innotwin.core.impact import (
    Fact,
    Period,
    RecordRef,
    check_countable,
    counting_problems,
    double_counting,
    share,
)

TODAY = dt.date(2026, 6, 30)
YEAR_2025 = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def jobs(
    id: int | None,
    *,
    period: Period = YEAR_2025,
    organisation: int = 7,
    country: str = "GB",
    project: str = "A",
    counts: bool = True,
) -> Fact:
    return Fact(
        kpi="jobs_created",
        unit="jobs",
        exclusive=True,
        id=id,
        period=period,
        value=Decimal(4),
        organisation=organisation,
        organisation_label="Harbour Robotics",
        country=country,
        project=project,
        has_link=True,
        counts=counts,
    )


def test_one_job_is_attributed_to_one_project_only() -> None:
    problems = double_counting(jobs(None, project="B"), [jobs(1, project="A")])
    assert len(problems) == 1
    assert "already reported by observation 1 (project: A)" in problems[0].message
    assert problems[0].field == "organisation"


def test_other_periods_countries_and_organisations_do_not_clash() -> None:
    existing = [jobs(1)]
    assert (
        double_counting(jobs(None, period=Period(dt.date(2026, 1, 1), dt.date(2026, 3, 31))), existing) == []
    )
    assert double_counting(jobs(None, country="KR"), existing) == []
    assert double_counting(jobs(None, organisation=8), existing) == []


def test_an_overlapping_period_clashes() -> None:
    half = Period(dt.date(2025, 7, 1), dt.date(2026, 1, 31))
    assert double_counting(jobs(None, period=half), [jobs(1)])


def test_a_disputed_observation_does_not_block_and_an_observation_is_not_its_own_rival() -> None:
    assert double_counting(jobs(None), [jobs(1, counts=False)]) == []
    assert double_counting(jobs(1), [jobs(1)]) == []


def test_the_same_record_fact_is_never_counted_twice_in_any_kpi() -> None:
    ref = RecordRef("pairs", "agreement", 12, "signed")
    first = Fact(kpi="agreements_signed", id=3, period=Period(TODAY, TODAY), value=Decimal(1), record=ref)
    again = Fact(kpi="partnerships_formed", period=Period(TODAY, TODAY), value=Decimal(1), record=ref)
    problems = double_counting(again, [first])
    assert [p.field for p in problems] == ["record"]
    assert "pairs.agreement:12#signed is already counted by observation 3" in problems[0].message
    other_fact = Fact(
        kpi="x",
        period=Period(TODAY, TODAY),
        value=Decimal(1),
        record=RecordRef("pairs", "agreement", 12, "renewed"),
    )
    assert double_counting(other_fact, [first]) == []


def test_an_observation_needs_evidence_a_past_ordered_period_and_a_sound_value() -> None:
    fact = Fact(
        kpi="knowledge_events",
        unit="events",
        period=Period(dt.date(2027, 1, 2), dt.date(2027, 1, 1)),
        value=Decimal("2.5"),
    )
    fields = {problem.field for problem in counting_problems(fact, today=TODAY)}
    assert fields == {"evidence_url", "period_start", "period_end", "value"}


def test_an_exclusive_figure_needs_its_organisation_and_parts_fit_the_whole() -> None:
    fact = Fact(
        kpi="delegation_participants",
        unit="people",
        period=YEAR_2025,
        value=Decimal(10),
        exclusive=True,
        has_document=True,
        part_sme=11,
        part_women_led=3,
    )
    fields = [problem.field for problem in counting_problems(fact, today=TODAY)]
    assert fields == ["organisation", "part_sme"]


def test_check_countable_lists_every_problem_at_once() -> None:
    with pytest.raises(DataError) as raised:
        check_countable(jobs(None, project="B"), [jobs(1)], today=dt.date(2025, 6, 1))
    assert {problem.field for problem in raised.value.problems} == {"period_end", "organisation"}


def test_share() -> None:
    assert share(3, 12) == 0.25
    assert share(0, 0) is None


def test_record_references_round_trip_and_refuse_nonsense() -> None:
    ref = RecordRef.parse("roadmaps.proposal:5#funded")
    assert ref == RecordRef("roadmaps", "proposal", 5, "funded")
    assert ref.token == "roadmaps.proposal:5#funded"
    with pytest.raises(DataError, match="not a record reference"):
        RecordRef.parse("proposal 5")
    with pytest.raises(DataError):
        RecordRef("Roadmaps", "proposal", 0, "funded")
