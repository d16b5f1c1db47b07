"""Record an observation, and move it through verification, under the counting rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from innotwin.core.errors import DataError, NotFoundError, Problem
from innotwin.core.impact import (
    ExchangeRate,
    Fact,
    Period,
    RecordRef,
    check_countable,
    check_transition,
    convert,
    double_counting,
)
from innotwin.core.impact import Status as CoreStatus
from innotwin.impact.domain.regions import pair_regions
from innotwin.impact.enums import Country, Status
from innotwin.impact.models import Kpi, Observation, ProgressReport, StatusChange
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair


@dataclass(frozen=True)
class Evidence:
    """What shows an observation is true: a link, a document (bytes and file name), and a note."""

    url: str = ""
    document: bytes | None = None
    filename: str = ""
    note: str = ""


@dataclass(frozen=True)
class MoneyIn:
    """An amount of money as reported, with the rate (won per pound) of a date, from a source."""

    amount: Decimal
    currency: str
    rate: Decimal
    rate_date: dt.date
    rate_source: str


def kpi_by_code(code: str) -> Kpi:
    kpi = Kpi.objects.filter(pk=code).first()
    if kpi is None:
        codes = ", ".join(Kpi.objects.values_list("code", flat=True))
        raise NotFoundError(f"There is no KPI {code!r}; the KPIs are: {codes}.")
    return kpi


def fact_for(observation: Observation) -> Fact:
    """The counting rules' view of a saved observation."""
    kpi = observation.kpi
    return Fact(
        id=observation.pk,
        kpi=kpi.code,
        unit=kpi.unit,
        exclusive=kpi.exclusive,
        period=observation.period,
        value=observation.value,
        record=observation.record,
        organisation=observation.organisation_id,
        organisation_label=str(observation.organisation or ""),
        country=observation.country,
        project=observation.project,
        has_link=bool(observation.evidence_url),
        has_document=bool(observation.evidence_file),
        part_sme=observation.part_sme,
        part_women_led=observation.part_women_led,
        counts=observation.status != Status.DISPUTED,
    )


def _rivals(kpi: Kpi, *, organisation: Organisation | None, record: RecordRef | None) -> list[Fact]:
    """The saved observations that ``kpi``/``organisation``/``record`` could double count."""
    query = Q(pk__in=[])
    if record is not None:
        query |= Q(
            record_app=record.app, record_model=record.model, record_pk=record.pk, record_key=record.key
        )
    if kpi.exclusive and organisation is not None:
        query |= Q(kpi=kpi, organisation=organisation)
    rivals = Observation.objects.filter(query).select_related("kpi", "organisation")
    return [fact_for(item) for item in rivals]


def _log(observation: Observation, *, old: str, new: str, reason: str, actor: Any, label: str = "") -> None:
    StatusChange.objects.create(
        observation=observation,
        from_status=old,
        to_status=new,
        reason=reason,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=label or (str(actor) if getattr(actor, "pk", None) else "innotwin"),
    )


@transaction.atomic
def record_observation(
    *,
    kpi: Kpi | str,
    pair: TwinPair,
    value: Decimal | int | None,
    period_start: dt.date,
    period_end: dt.date | None = None,
    reporter: Any = None,
    evidence: Evidence | None = None,
    record: RecordRef | None = None,
    record_label: str = "",
    record_label_ko: str = "",
    country: str = "",
    organisation: Organisation | None = None,
    project: str = "",
    money: MoneyIn | None = None,
    part_sme: int | None = None,
    part_women_led: int | None = None,
    method: str = "",
    collector: str = "",
    report: ProgressReport | None = None,
    status: Status = Status.REPORTED,
    status_reason: str = "",
    is_demo: bool = False,
    today: dt.date | None = None,
) -> Observation:
    """Store one observation after checking every counting rule; raises :class:`DataError` listing every
    problem (nothing is stored then)."""
    kpi = kpi_by_code(kpi) if isinstance(kpi, str) else kpi
    Kpi.objects.select_for_update().filter(pk=kpi.pk).first()  # one writer per KPI: rule 2 holds
    evidence = evidence or Evidence()
    problems: list[Problem] = []
    fields: dict[str, Any] = {}
    if kpi.is_money:
        if money is None:
            problems.append(
                Problem(
                    "Give the amount, its currency, and the exchange rate with its date and source.",
                    field="amount",
                )
            )
        else:
            try:
                converted = convert(
                    money.amount, money.currency, ExchangeRate(money.rate, money.rate_date, money.rate_source)
                )
            except DataError as error:
                problems.extend(error.problems)
            else:
                value = converted.gbp
                fields.update(
                    amount=money.amount,
                    currency=converted.reported_in.value,
                    value_krw=converted.krw,
                    exchange_rate=money.rate,
                    rate_date=money.rate_date,
                    rate_source=money.rate_source.strip(),
                )
                if money.rate_date > (today or timezone.localdate()):
                    problems.append(Problem("The exchange rate's date is in the future.", field="rate_date"))
    if value is None:
        if not kpi.is_money:  # for money, the amount's problems are already listed
            problems.append(Problem("Give the value.", field="value"))
        value = Decimal(0)
    if kpi.by_country and country not in (Country.GB, Country.KR):
        problems.append(Problem(f"Say in which country ({kpi.name_en}): GB or KR.", field="country"))
    elif country and country not in Country.values:
        problems.append(Problem(f"The country {country!r} is neither GB nor KR.", field="country"))
    if evidence.url and not evidence.url.lower().startswith(("https://", "http://")):
        problems.append(
            Problem(f"The evidence link {evidence.url!r} is not a web address.", field="evidence_url")
        )
    if organisation is not None and organisation.region_id not in pair_regions(pair):
        problems.append(
            Problem(
                f"{organisation} is not in either region of {pair.slug}; attribute the figure to an "
                "organisation of the pair.",
                field="organisation",
            )
        )
    if kpi.needs_method and not method.strip():
        problems.append(Problem("Describe the method used to estimate this figure.", field="method"))
    if not kpi.has_parts and (part_sme is not None or part_women_led is not None):
        problems.append(Problem(f"{kpi.name_en} has no SME or women-led parts.", field="part_sme"))
    fact = Fact(
        kpi=kpi.code,
        unit=kpi.unit,
        exclusive=kpi.exclusive,
        period=Period(period_start, period_end or period_start),
        value=Decimal(value),
        record=record,
        organisation=organisation.pk if organisation else None,
        organisation_label=str(organisation or ""),
        country=country,
        project=project,
        has_link=bool(evidence.url),
        has_document=bool(evidence.document),
        part_sme=part_sme,
        part_women_led=part_women_led,
    )
    try:
        check_countable(
            fact, _rivals(kpi, organisation=organisation, record=record), today=today or timezone.localdate()
        )
    except DataError as error:
        problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    observation = Observation(
        kpi=kpi,
        pair=pair,
        value=fact.value,
        period_start=fact.period.start,
        period_end=fact.period.end,
        country=country,
        organisation=organisation,
        project=project.strip(),
        part_sme=part_sme,
        part_women_led=part_women_led,
        method=method.strip(),
        record_app=record.app if record else "",
        record_model=record.model if record else "",
        record_pk=record.pk if record else None,
        record_key=record.key if record else "",
        record_label=record_label[:300],
        record_label_ko=record_label_ko[:300],
        evidence_url=evidence.url,
        evidence_note=evidence.note.strip(),
        collector=collector,
        status=status,
        reported_by=reporter if getattr(reporter, "pk", None) else None,
        report=report,
        is_demo=is_demo,
        **fields,
    )
    if evidence.document:
        observation.evidence_file.save(
            evidence.filename or "evidence", ContentFile(evidence.document), save=False
        )
    observation.save()
    _log(observation, old="", new=status, reason=status_reason, actor=reporter, label=collector)
    return observation


@transaction.atomic
def change_status(*, observation: Observation, to: Status | str, reason: str, actor: Any) -> Observation:
    """Verify, dispute or put forward again an observation; who and why are recorded. Permissions are the
    caller's to check (:data:`Action.VERIFY_IMPACT`); the reporter never verifies their own."""
    observation = (
        Observation.objects.select_for_update(of=("self",))
        .select_related("kpi", "organisation")
        .get(pk=observation.pk)
    )
    if to not in Status.values:
        allowed = ", ".join(Status.values)
        raise DataError([Problem(f"{to!r} is not a status; use one of: {allowed}.", field="status")])
    target = Status(to)
    check_transition(
        CoreStatus(observation.status),
        CoreStatus(target),
        reason=reason,
        actor=getattr(actor, "pk", None),
        reporter=observation.reported_by_id,
    )
    if observation.status == Status.DISPUTED:  # it counts again: the counting rules are checked again
        fact = fact_for(observation)
        rivals = _rivals(observation.kpi, organisation=observation.organisation, record=observation.record)
        problems = double_counting(replace(fact, counts=True), rivals)
        if problems:
            raise DataError(problems)
    old = observation.status
    observation.status = target
    observation.save(update_fields=["status"])
    _log(observation, old=old, new=target, reason=reason.strip(), actor=actor)
    return observation
