"""Collectors: one per kind of innotwin record, each turning records into observations of one KPI.

A collector yields :class:`Candidate` facts, each with the reference of the record it follows from
(``pairs.agreement:12#signed``). :func:`collect` stores each fact once: running it again adds nothing,
updates what changed in the record (its title, date, source), and disputes the automatic observations whose
record no longer qualifies (deleted, or changed so that it no longer counts) — a person then decides.

The logic model, and which collector feeds it:

* activities — delegations and their participants (``missions.mission`` published and over:
  :class:`MissionsCollector`), introductions (``matching.interest`` accepted:
  :class:`IntroductionsCollector`);
* outputs — agreements signed (``pairs.agreement``: :class:`AgreementsCollector`), proposals submitted
  (``roadmaps.proposal``: :class:`ProposalsCollector`);
* outcomes — proposals funded (``roadmaps.proposal``), jobs, funding (reported, with evidence);
* impacts — emissions avoided (reported, with the method).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from innotwin.core.errors import DataError
from innotwin.core.impact import Period, RecordRef
from innotwin.impact.domain.observations import Evidence, change_status, record_observation
from innotwin.impact.enums import Status
from innotwin.impact.models import Observation
from innotwin.pairs.models import TwinPair

STALE_REASON = "The record this observation follows from no longer qualifies (it was deleted or changed)."
SOURCED_REASON = "Collected from an innotwin record that cites its public source."


@dataclass(frozen=True)
class Candidate:
    """One countable fact of one record."""

    record: RecordRef
    pair: TwinPair
    period: Period
    label: str
    value: Decimal = Decimal(1)
    label_ko: str = ""
    url: str = ""
    note: str = ""
    verified_by_source: bool = False
    is_demo: bool = False
    part_sme: int | None = None


class Collector(Protocol):
    name: str
    kpi: str
    source: str  # app.model

    def candidates(self) -> Iterator[Candidate]: ...


def _period(day: dt.date, precision: str) -> Period:
    """A date known to the day, month or year, as the period it stands for."""
    if precision == "year":
        return Period(day.replace(month=1, day=1), day.replace(month=12, day=31))
    if precision == "month":
        return Period(day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1]))
    return Period(day, day)


class AgreementsCollector:
    """Signed statements of intent, MoUs, roadmaps and agreements of a pair (``pairs.Agreement``).

    Programme milestones are not agreements; an agreement without a date cannot be placed in a period and
    waits until it has one. An agreement that cites a public source is verified by that source.
    """

    name = "agreements"
    kpi = "agreements_signed"
    source = "pairs.agreement"
    kinds = ("statement_of_intent", "mou", "roadmap", "agreement")

    def candidates(self) -> Iterator[Candidate]:
        agreements = apps.get_model("pairs", "Agreement").objects.select_related("pair")
        for agreement in agreements.filter(kind__in=self.kinds, signed_on__isnull=False).order_by("pk"):
            yield Candidate(
                record=RecordRef("pairs", "agreement", agreement.pk, "signed"),
                pair=agreement.pair,
                period=_period(agreement.signed_on, agreement.date_precision),
                label=agreement.title_en,
                label_ko=agreement.title_ko,
                url=agreement.source_url,
                note=agreement.parties,
                verified_by_source=bool(agreement.source_url),
            )


class ProposalsCollector:
    """Joint proposals that reached a stage (``roadmaps.Proposal``): submitted, or funded.

    A proposal counts as submitted once its stage is submitted or later in the pipeline (funded,
    delivering, completed), or when its history shows it was submitted before it stalled or was dropped;
    funded likewise. The date is when it reached the stage (from the history), else when it was last
    changed. Proposals carry no public source, so these observations await verification.
    """

    source = "roadmaps.proposal"

    def __init__(self, stage: str) -> None:
        order = ["submitted", "funded", "delivering", "completed"]
        self.stage = stage
        self.name = f"proposals_{stage}"
        self.kpi = f"proposals_{stage}"
        self.stages = order[order.index(stage) :]

    def candidates(self) -> Iterator[Candidate]:
        if not apps.is_installed("innotwin.roadmaps"):
            return
        proposal_model = apps.get_model("roadmaps", "Proposal")
        change_model = apps.get_model("roadmaps", "Change")
        reached: dict[int, dt.datetime] = {}
        for change in change_model.objects.filter(
            record="proposal", field="stage", new__in=self.stages
        ).order_by("at"):
            reached.setdefault(change.record_id, change.at)
        proposals = proposal_model.objects.select_related("pair").order_by("pk")
        for proposal in proposals:
            if proposal.stage not in self.stages and proposal.pk not in reached:
                continue
            when = reached.get(proposal.pk) or proposal.updated_at
            day = timezone.localdate(when) if timezone.is_aware(when) else when.date()
            yield Candidate(
                record=RecordRef("roadmaps", "proposal", proposal.pk, self.stage),
                pair=proposal.pair,
                period=Period(day, day),
                label=proposal.title_en,
                label_ko=proposal.title_ko,
                is_demo=proposal.is_demo,
            )


class IntroductionsCollector:
    """Accepted expressions of interest (``matching.Interest``): an introduction, attributed to the pair
    whose two regions hold the two organisations (regions inside them included)."""

    name = "introductions"
    kpi = "introductions"
    source = "matching.interest"

    def candidates(self) -> Iterator[Candidate]:
        if not apps.is_installed("innotwin.matching"):
            return
        from innotwin.impact.domain.regions import PairFinder

        finder = PairFinder()
        interests = apps.get_model("matching", "Interest").objects.select_related(
            "from_organisation", "to_organisation"
        )
        for interest in interests.filter(status="accepted", responded_at__isnull=False).order_by("pk"):
            pair = finder.find(interest.from_organisation.region_id, interest.to_organisation.region_id)
            if pair is None:
                continue
            day = timezone.localdate(interest.responded_at)
            yield Candidate(
                record=RecordRef("matching", "interest", interest.pk, "accepted"),
                pair=pair,
                period=Period(day, day),
                label=f"{interest.from_organisation} → {interest.to_organisation}",
            )


class MissionsCollector:
    """Published missions and delegations that have ended (``missions.Mission``): one delegation each
    (``kpi="delegations"``, fact ``held``), or its participants (``kpi="delegation_participants"``, fact
    ``participants``) with how many come from organisations registered as SMEs. Whether an organisation
    is women-led is not in the registry, so that part is left to reports."""

    source = "missions.mission"

    def __init__(self, kpi: str, *, today: dt.date | None = None) -> None:
        self.kpi = kpi
        self.name = kpi
        self.key = "held" if kpi == "delegations" else "participants"
        self.today = today

    def candidates(self) -> Iterator[Candidate]:
        if not apps.is_installed("innotwin.missions"):
            return
        today = self.today or timezone.localdate()
        missions = apps.get_model("missions", "Mission").objects.select_related("pair")
        for mission in missions.filter(status="published", ends_on__lt=today).order_by("pk"):
            value, part_sme = Decimal(1), None
            if self.key == "participants":
                participants = list(mission.participants.select_related("organisation"))
                if not participants:
                    continue
                value = Decimal(len(participants))
                part_sme = sum(
                    1 for item in participants if item.organisation and item.organisation.type == "sme"
                )
            yield Candidate(
                record=RecordRef("missions", "mission", mission.pk, self.key),
                pair=mission.pair,
                period=Period(mission.starts_on, mission.ends_on),
                label=mission.title_en,
                label_ko=mission.title_ko,
                value=value,
                part_sme=part_sme,
                is_demo=mission.is_demo,
            )


def all_collectors(today: dt.date | None = None) -> list[Any]:
    return [
        MissionsCollector("delegations", today=today),
        MissionsCollector("delegation_participants", today=today),
        IntroductionsCollector(),
        AgreementsCollector(),
        ProposalsCollector("submitted"),
        ProposalsCollector("funded"),
    ]


@dataclass
class CollectionResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    disputed: int = 0
    refused: list[str] = field(default_factory=list)
    by_collector: dict[str, int] = field(default_factory=dict)


def _refresh(observation: Observation, candidate: Candidate) -> bool:
    changes = {
        "record_label": candidate.label[:300],
        "record_label_ko": candidate.label_ko[:300],
        "evidence_url": candidate.url,
        "evidence_note": candidate.note,
        "period_start": candidate.period.start,
        "period_end": candidate.period.end,
        "pair_id": candidate.pair.pk,
        "is_demo": candidate.is_demo,
        "value": candidate.value,
        "part_sme": candidate.part_sme,
    }
    changed = [name for name, value in changes.items() if getattr(observation, name) != value]
    old_value = observation.value
    for name in changed:
        setattr(observation, name, changes[name])
    if changed:
        observation.save(update_fields=changed)
    if {"value", "part_sme"} & set(changed) and observation.status == Status.VERIFIED:
        reason = f"The record's figure changed (from {old_value} to {observation.value}); verify it again."
        change_status(observation=observation, to=Status.DISPUTED, reason=reason, actor=None)
    return bool(changed)


@transaction.atomic
def collect(collectors: list[Any] | None = None, *, today: dt.date | None = None) -> CollectionResult:
    """Turn innotwin's records into observations; idempotent (see the module's documentation)."""
    result = CollectionResult()
    for collector in collectors if collectors is not None else all_collectors(today):
        existing = {obs.record: obs for obs in Observation.objects.filter(collector=collector.name)}
        seen = set()
        for candidate in collector.candidates():
            seen.add(candidate.record)
            observation = existing.get(candidate.record)
            if observation is not None:
                if _refresh(observation, candidate):
                    result.updated += 1
                else:
                    result.unchanged += 1
                continue
            try:
                record_observation(
                    kpi=collector.kpi,
                    pair=candidate.pair,
                    value=candidate.value,
                    period_start=candidate.period.start,
                    period_end=candidate.period.end,
                    record=candidate.record,
                    record_label=candidate.label,
                    record_label_ko=candidate.label_ko,
                    evidence=Evidence(url=candidate.url, note=candidate.note),
                    collector=collector.name,
                    status=Status.VERIFIED if candidate.verified_by_source else Status.REPORTED,
                    status_reason=SOURCED_REASON if candidate.verified_by_source else "",
                    is_demo=candidate.is_demo,
                    part_sme=candidate.part_sme,
                    today=today,
                )
            except DataError as error:
                result.refused.append(f"{candidate.record.token}: {error.message}")
                continue
            result.created += 1
            result.by_collector[collector.name] = result.by_collector.get(collector.name, 0) + 1
        for ref, observation in existing.items():
            if ref not in seen and observation.status != Status.DISPUTED:
                change_status(observation=observation, to=Status.DISPUTED, reason=STALE_REASON, actor=None)
                result.disputed += 1
    return result
