"""Automatic outputs: each record appears once, in the right KPI; collecting again adds nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from innotwin.impact.domain.collectors import AgreementsCollector, collect
from innotwin.impact.models import Observation
from innotwin.pairs.domain.record_agreement import record_agreement
from innotwin.pairs.enums import AgreementKind

pytestmark = pytest.mark.django_db

SOURCE = "https://example.org/press/mou"


def _mou(pair, **values):
    defaults = {
        "kind": AgreementKind.MOU,
        "title_en": "Port innovation MoU",
        "signed_on": dt.date(2024, 5, 14),
        "source_url": SOURCE,
        "parties": "Town Council; City Hall",
    }
    return record_agreement(pair=pair, **{**defaults, **values})


def test_a_signed_mou_appears_once_in_agreements_signed(pair):
    mou = _mou(pair)
    first = collect()
    assert first.created == 1
    observation = Observation.objects.get()
    assert observation.kpi_id == "agreements_signed"
    assert observation.pair == pair
    assert observation.value == 1
    assert observation.record.token == f"pairs.agreement:{mou.pk}#signed"
    assert observation.evidence_url == SOURCE
    assert observation.period_start == observation.period_end == dt.date(2024, 5, 14)
    assert observation.status == "verified"  # the record cites its public source
    assert observation.status_changes.get().actor_label == "agreements"


def test_collecting_again_adds_nothing(pair):
    _mou(pair)
    collect()
    again = collect()
    assert (again.created, again.unchanged) == (0, 1)
    assert Observation.objects.count() == 1


def test_a_changed_record_updates_its_observation_without_adding_one(pair):
    _mou(pair)
    collect()
    _mou(pair, signed_on=dt.date(2024, 6, 1), date_precision="month")
    result = collect()
    assert (result.created, result.updated) == (0, 1)
    observation = Observation.objects.get()
    assert (observation.period_start, observation.period_end) == (dt.date(2024, 6, 1), dt.date(2024, 6, 30))


def test_programme_milestones_and_undated_agreements_are_not_counted(pair):
    _mou(pair, kind=AgreementKind.PROGRAMME, title_en="Named a potential pair")
    _mou(pair, title_en="MoU with no known date", signed_on=None)
    assert collect().created == 0


def test_an_agreement_without_a_source_awaits_verification(pair):
    _mou(pair, source_url="")
    collect()
    assert Observation.objects.get().status == "reported"


def test_a_record_that_no_longer_qualifies_is_disputed_not_deleted(pair):
    mou = _mou(pair)
    collect()
    mou.kind = AgreementKind.PROGRAMME
    mou.save()
    result = collect()
    assert result.disputed == 1
    observation = Observation.objects.get()
    assert observation.status == "disputed"
    assert "no longer qualifies" in observation.status_changes.last().reason
    assert collect().disputed == 0  # and only once


def test_a_manual_report_of_the_same_record_blocks_the_collector_with_a_reason(pair, people):
    from innotwin.impact.domain.observations import record_observation

    mou = _mou(pair)
    ref = AgreementsCollector().candidates().__next__().record
    record_observation(
        kpi="partnerships_formed",
        pair=pair,
        value=1,
        period_start=mou.signed_on,
        reporter=people["coordinator"],
        record=ref,
    )
    result = collect([AgreementsCollector()])
    assert result.created == 0
    assert "already counted" in result.refused[0]


def test_a_funded_proposal_is_counted_as_submitted_and_as_funded_once_each(pair):
    from innotwin.roadmaps.models import Proposal

    funded = Proposal.objects.create(pair=pair, title_en="Tidal energy exchange", stage="funded")
    Proposal.objects.create(pair=pair, title_en="Still an idea", stage="idea")
    collect()
    collect()
    kpis = sorted(Observation.objects.values_list("kpi_id", "record_key", "record_pk"))
    assert kpis == [
        ("proposals_funded", "funded", funded.pk),
        ("proposals_submitted", "submitted", funded.pk),
    ]
    assert set(Observation.objects.values_list("status", flat=True)) == {"reported"}


def test_a_dropped_proposal_still_counts_as_submitted_from_its_history(pair, people):
    from innotwin.roadmaps.models import Change, Proposal

    proposal = Proposal.objects.create(pair=pair, title_en="Bid that failed", stage="dropped")
    Change.objects.create(
        pair=pair,
        proposal=proposal,
        record="proposal",
        record_id=proposal.pk,
        field="stage",
        old="scoping",
        new="submitted",
        at=timezone.now() - dt.timedelta(days=40),
    )
    collect()
    observation = Observation.objects.get()
    assert observation.kpi_id == "proposals_submitted"
    assert observation.period_end == timezone.localdate() - dt.timedelta(days=40)


def test_an_accepted_introduction_is_counted_once_for_the_pair_of_its_regions(pair, organisations, people):
    from innotwin.matching.models import Interest

    accepted = Interest.objects.create(
        from_organisation=organisations["uk"],
        to_organisation=organisations["kr"],
        status="accepted",
        responded_at=timezone.now(),
    )
    Interest.objects.create(
        from_organisation=organisations["kr"],
        to_organisation=organisations["uk"],
        status="declined",
        responded_at=timezone.now(),
    )
    collect()
    collect()
    observation = Observation.objects.get()
    assert observation.kpi_id == "introductions"
    assert observation.pair == pair
    assert observation.record.token == f"matching.interest:{accepted.pk}#accepted"


def test_the_demo_programme_collects_its_sourced_agreements_once(demo_programme):
    from innotwin.pairs.models import Agreement

    counted = Agreement.objects.exclude(kind="programme").exclude(signed_on=None).count()
    automatic = Observation.objects.filter(kpi="agreements_signed")
    assert automatic.count() == counted
    assert all(item.evidence_url.startswith("https://") for item in automatic)
    assert collect().created == 0
    assert not Observation.objects.filter(is_demo=False).exclude(collector="agreements").exists()


def test_the_demo_mission_counts_only_as_demo_data_once_it_has_taken_place(demo_programme):
    from innotwin.missions.models import Mission

    demo = Mission.objects.get()
    assert demo.is_demo
    Mission.objects.filter(pk=demo.pk).update(status="published")
    collect(today=demo.ends_on + dt.timedelta(days=1))
    from_missions = Observation.objects.filter(collector__in=["delegations", "delegation_participants"])
    assert from_missions.exists()
    assert not from_missions.filter(is_demo=False).exists()


def _mission(pair, *, ends_on, status="published"):
    from innotwin.missions.models import Mission

    return Mission.objects.create(
        pair=pair,
        slug=f"mission-{ends_on}",
        title_en="Port trade mission",
        host_region=pair.region_b,
        host_city="Busan",
        starts_on=ends_on - dt.timedelta(days=2),
        ends_on=ends_on,
        time_zone="Asia/Seoul",
        status=status,
    )


def test_a_mission_that_took_place_counts_as_a_delegation_with_its_participants(pair, organisations, people):
    from innotwin.missions.models import Participant

    held = _mission(pair, ends_on=dt.date(2025, 3, 20))
    _mission(pair, ends_on=timezone.localdate() + dt.timedelta(days=30))  # not held yet
    _mission(pair, ends_on=dt.date(2025, 4, 20), status="draft")  # never published
    for name, organisation in (("A", organisations["uk"]), ("B", organisations["kr"]), ("C", None)):
        Participant.objects.create(
            mission=held, name=name, organisation=organisation, side="GB", time_zone="Europe/London"
        )
    collect()
    collect()
    delegation = Observation.objects.get(kpi="delegations")
    assert delegation.record.token == f"missions.mission:{held.pk}#held"
    assert (delegation.period_start, delegation.period_end) == (dt.date(2025, 3, 18), dt.date(2025, 3, 20))
    participants = Observation.objects.get(kpi="delegation_participants")
    assert (participants.value, participants.part_sme) == (3, 2)  # both test organisations are SMEs


def test_a_changed_figure_of_a_verified_observation_must_be_verified_again(pair, organisations, people):
    from innotwin.impact.domain.observations import change_status
    from innotwin.missions.models import Participant

    held = _mission(pair, ends_on=dt.date(2025, 3, 20))
    Participant.objects.create(mission=held, name="A", side="GB", time_zone="Europe/London")
    collect()
    observation = Observation.objects.get(kpi="delegation_participants")
    change_status(observation=observation, to="verified", reason="", actor=people["coordinator"])
    Participant.objects.create(mission=held, name="B", side="KR", time_zone="Asia/Seoul")
    assert collect().updated == 1
    observation.refresh_from_db()
    assert (observation.value, observation.status) == (2, "disputed")
    assert "verify it again" in observation.status_changes.last().reason
