"""``/api/v1/impact``: the KPI catalogue, the summary behind the dashboards, observations with their
evidence and verification, targets, and the collection of automatic observations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from innotwin.accounts.permissions import Action, require_permission, visible
from innotwin.impact.domain.collectors import collect
from innotwin.impact.domain.observations import Evidence, MoneyIn, change_status, record_observation
from innotwin.impact.domain.summary import impact_summary, visible_observations
from innotwin.impact.domain.targets import set_target
from innotwin.impact.models import Kpi, Observation
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair

router = Router(tags=["impact"])


class KpiOut(Schema):
    code: str
    name_en: str
    name_ko: str
    definition_en: str
    definition_ko: str
    evidence_en: str
    evidence_ko: str
    unit: str
    direction: str
    level: str
    exclusive: bool
    by_country: bool
    automatic: bool


class ObservationOut(Schema):
    id: int
    kpi: str
    pair: str
    value: Decimal
    value_krw: Decimal | None
    amount: Decimal | None
    currency: str
    exchange_rate: Decimal | None
    rate_date: dt.date | None
    rate_source: str
    period_start: dt.date
    period_end: dt.date
    country: str
    organisation: str | None
    project: str
    part_sme: int | None
    part_women_led: int | None
    method: str
    status: str
    record: str | None
    record_label: str
    evidence_url: str
    has_document: bool
    evidence_note: str
    collector: str
    reported_at: dt.datetime
    is_demo: bool

    @staticmethod
    def resolve_id(obj: Observation) -> int:
        return int(obj.pk)

    @staticmethod
    def resolve_kpi(obj: Observation) -> str:
        return str(obj.kpi_id)

    @staticmethod
    def resolve_pair(obj: Observation) -> str:
        return obj.pair.slug

    @staticmethod
    def resolve_organisation(obj: Observation) -> str | None:
        return obj.organisation.slug if obj.organisation else None

    @staticmethod
    def resolve_record(obj: Observation) -> str | None:
        return obj.record.token if obj.record else None

    @staticmethod
    def resolve_has_document(obj: Observation) -> bool:
        return bool(obj.evidence_file)


class ObservationIn(Schema):
    kpi: str
    pair: str
    value: Decimal | None = None
    period_start: dt.date
    period_end: dt.date | None = None
    country: str = ""
    organisation: str | None = None
    project: str = ""
    amount: Decimal | None = None
    currency: str = ""
    exchange_rate: Decimal | None = None
    rate_date: dt.date | None = None
    rate_source: str = ""
    part_sme: int | None = None
    part_women_led: int | None = None
    method: str = ""
    evidence_url: str = ""
    evidence_note: str = ""


class StatusIn(Schema):
    status: str
    reason: str = ""


class HeadlineOut(Schema):
    kpi: str
    name: str
    unit: str
    verified: Decimal
    verified_krw: Decimal | None
    verified_count: int
    awaiting: Decimal
    awaiting_count: int
    latest: dt.date | None
    evidence: str  # where the observations behind the figure are listed


class FunnelOut(Schema):
    step: str
    count: int
    from_previous: float | None


class TargetOut(Schema):
    pair: str
    kpi: str
    value: Decimal
    baseline: Decimal
    due_on: dt.date
    achieved: Decimal
    share: float | None
    met: bool


class SummaryOut(Schema):
    pair: str | None
    generated: dt.date
    headlines: list[HeadlineOut]
    funnel: list[FunnelOut]
    targets: list[TargetOut]


class TargetIn(Schema):
    pair: str
    kpi: str
    value: Decimal
    baseline: Decimal = Decimal(0)
    due_on: dt.date
    note: str = ""


class CollectOut(Schema):
    created: int
    updated: int
    unchanged: int
    disputed: int
    refused: list[str]


def _pair(request: HttpRequest, slug: str) -> TwinPair:
    pair = visible(request.user, Action.VIEW_PAIR, TwinPair.objects.all()).filter(slug=slug).first()
    if pair is None:
        raise Http404(f"There is no twin pair {slug!r} that you may see.")
    return pair


def _observation(request: HttpRequest, pk: int) -> Observation:
    observation = visible_observations(request.user).filter(pk=pk).first()
    if observation is None:
        raise Http404(f"There is no observation {pk} that you may see.")
    return observation


@router.get("/kpis", response=list[KpiOut], summary="The KPI catalogue")
def kpis(request: HttpRequest) -> QuerySet[Kpi]:
    return Kpi.objects.order_by("position")


@router.get("/summary", response=SummaryOut, summary="The headline figures, funnel and targets")
def summary(request: HttpRequest, pair: str | None = None) -> dict[str, Any]:
    """The figures the dashboard shows (verified observations only), for the programme or one ``pair``."""
    found = _pair(request, pair) if pair else None
    result = impact_summary(request.user, pair=found)
    return {
        "pair": found.slug if found else None,
        "generated": result.generated,
        "headlines": [
            {
                "kpi": item.kpi.code,
                "name": item.kpi.name,
                "unit": item.kpi.unit,
                "verified": item.verified,
                "verified_krw": item.verified_krw if item.kpi.is_money else None,
                "verified_count": item.verified_count,
                "awaiting": item.awaiting,
                "awaiting_count": item.awaiting_count,
                "latest": item.latest,
                "evidence": f"/api/v1/impact/observations?kpi={item.kpi.code}"
                + (f"&pair={found.slug}" if found else ""),
            }
            for item in result.headlines
        ],
        "funnel": [
            {"step": s.name, "count": s.count, "from_previous": s.from_previous} for s in result.funnel
        ],
        "targets": [
            {
                "pair": row.target.pair.slug,
                "kpi": row.target.kpi_id,
                "value": row.target.value,
                "baseline": row.target.baseline,
                "due_on": row.target.due_on,
                "achieved": row.progress.achieved,
                "share": row.progress.share,
                "met": row.progress.met,
            }
            for row in result.targets
        ],
    }


@router.get("/observations", response=list[ObservationOut], summary="Observations with their evidence")
@paginate
def observations(
    request: HttpRequest, pair: str | None = None, kpi: str | None = None, status: str | None = None
) -> QuerySet[Observation]:
    """What the caller may see: verified observations of public pairs for everyone; a pair's coordinators
    see all of the pair's; reporters see their own."""
    found = _pair(request, pair) if pair else None
    result = visible_observations(request.user, pair=found)
    if kpi:
        result = result.filter(kpi=kpi)
    if status:
        result = result.filter(status=status)
    return result.order_by("pk")


@router.get("/observations/{pk}", response=ObservationOut, summary="One observation")
def observation(request: HttpRequest, pk: int) -> Observation:
    return _observation(request, pk)


@router.post("/observations", response={201: ObservationOut}, summary="Report an observation")
def report(request: HttpRequest, payload: ObservationIn) -> Status[Observation]:
    """Report a figure with its evidence (a link; upload documents on the web form). It awaits
    verification; a figure that would be counted twice answers 422 with the rule it breaks."""
    pair = _pair(request, payload.pair)
    require_permission(request.user, Action.REPORT_IMPACT, pair)
    organisation = None
    if payload.organisation:
        organisation = Organisation.objects.filter(slug=payload.organisation).first()
        if organisation is None:
            raise Http404(f"There is no organisation {payload.organisation!r}.")
    money = None
    if payload.amount is not None:
        money = MoneyIn(
            amount=payload.amount,
            currency=payload.currency,
            rate=payload.exchange_rate or Decimal(0),
            rate_date=payload.rate_date or dt.date.min,
            rate_source=payload.rate_source,
        )
    created = record_observation(
        kpi=payload.kpi,
        pair=pair,
        value=payload.value,
        period_start=payload.period_start,
        period_end=payload.period_end,
        reporter=request.user,
        evidence=Evidence(url=payload.evidence_url, note=payload.evidence_note),
        country=payload.country,
        organisation=organisation,
        project=payload.project,
        money=money,
        part_sme=payload.part_sme,
        part_women_led=payload.part_women_led,
        method=payload.method,
    )
    return Status(201, created)


@router.post("/observations/{pk}/status", response=ObservationOut, summary="Verify or dispute an observation")
def status(request: HttpRequest, pk: int, payload: StatusIn) -> Observation:
    """Move an observation: ``verified``, ``disputed`` (with a reason) or back to ``reported``. The pair's
    coordinators and administrators may; nobody verifies what they reported."""
    found = _observation(request, pk)
    require_permission(request.user, Action.VERIFY_IMPACT, found)
    return change_status(observation=found, to=payload.status, reason=payload.reason, actor=request.user)


@router.put("/targets", response=TargetOut, summary="Set a pair's target for a KPI")
def put_target(request: HttpRequest, payload: TargetIn) -> dict[str, Any]:
    pair = _pair(request, payload.pair)
    require_permission(request.user, Action.SET_IMPACT_TARGETS, pair)
    target = set_target(
        pair=pair,
        kpi=payload.kpi,
        value=payload.value,
        baseline=payload.baseline,
        due_on=payload.due_on,
        note=payload.note,
        set_by=request.user,
    )
    row = next(row for row in impact_summary(request.user, pair=pair).targets if row.target.pk == target.pk)
    return {
        "pair": pair.slug,
        "kpi": target.kpi_id,
        "value": target.value,
        "baseline": target.baseline,
        "due_on": target.due_on,
        "achieved": row.progress.achieved,
        "share": row.progress.share,
        "met": row.progress.met,
    }


@router.post("/collect", response=CollectOut, summary="Collect observations from innotwin's records")
def collect_now(request: HttpRequest) -> dict[str, Any]:
    """Programme administrators only; running it again adds nothing."""
    require_permission(request.user, Action.MANAGE_PROGRAMME)
    result = collect()
    return {
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "disputed": result.disputed,
        "refused": result.refused,
    }
