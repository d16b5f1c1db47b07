"""What the roadmap verbs share: reading values, the change history, the bilateral rule and messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import DataError, NotFoundError, Problem
from innotwin.core.roadmaps import SUBMITTED_OR_LATER, FieldChange, bilateral_gap, budget_problems, diff
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import Pillar, TwinPair
from innotwin.roadmaps.models import Change, FundingCall, Proposal, Theme

UK, KOREA = "GB", "KR"

PROPOSAL_FIELDS = (
    "title_en",
    "title_ko",
    "summary_en",
    "summary_ko",
    "pillar",
    "theme",
    "lead_uk",
    "lead_kr",
    "funding_call",
    "budget_gbp",
    "budget_krw",
    "exchange_rate",
    "rate_date",
    "starts_on",
    "ends_on",
)
#: Fields of a proposal's snapshot, in history order (stage fields and partners come from their verbs).
SNAPSHOT_FIELDS = (*PROPOSAL_FIELDS, "stage", "stage_reason", "partners")


def country_name(code: str) -> str:
    return str({UK: _("the United Kingdom"), KOREA: _("Korea")}.get(code, code))


def text(value: Any) -> str:
    """A value as the history stores it."""
    if value is None:
        return ""
    if isinstance(value, Model):
        return str(getattr(value, "slug", None) or value.pk)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def proposal_snapshot(proposal: Proposal) -> dict[str, str]:
    """The proposal as the history sees it: every field as text, partners as ``slug:role`` lines."""
    snapshot = {name: text(getattr(proposal, name)) for name in PROPOSAL_FIELDS}
    snapshot["stage"] = proposal.stage
    snapshot["stage_reason"] = proposal.stage_reason
    snapshot["partners"] = (
        "\n".join(
            sorted(
                f"{partner.organisation.slug}:{partner.role}"
                for partner in proposal.partners.select_related("organisation")
            )
        )
        if proposal.pk
        else ""
    )
    return snapshot


def record_changes(
    *,
    pair: TwinPair,
    proposal: Proposal | None,
    record: str,
    record_id: int,
    changes: Iterable[FieldChange],
    actor: User | None,
    actor_label: str = "",
) -> int:
    """Store one :class:`Change` per field change; returns how many."""
    now = timezone.now()
    rows = [
        Change(
            pair=pair,
            proposal=proposal,
            record=record,
            record_id=record_id,
            field=change.field,
            old=change.old,
            new=change.new,
            actor=actor,
            actor_label=actor_label or (str(actor) if actor else "innotwin"),
            at=now,
        )
        for change in changes
    ]
    Change.objects.bulk_create(rows)
    return len(rows)


def record_proposal_diff(
    proposal: Proposal, before: Mapping[str, str], *, actor: User | None, actor_label: str = ""
) -> int:
    return record_changes(
        pair=proposal.pair,
        proposal=proposal,
        record="proposal",
        record_id=proposal.pk,
        changes=diff(before, proposal_snapshot(proposal)),
        actor=actor,
        actor_label=actor_label,
    )


def parse_date(value: Any, field: str, problems: list[Problem]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(
            Problem(_("%(value)s is not a date; write it as YYYY-MM-DD.") % {"value": value}, field=field)
        )
        return None


def parse_decimal(value: Any, field: str, problems: list[Problem]) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        problems.append(Problem(_("%(value)s is not a number.") % {"value": value}, field=field))
        return None
    if not number.is_finite():
        problems.append(Problem(_("%(value)s is not a number.") % {"value": value}, field=field))
        return None
    return number


def lookup(model: type[Any], key: str, value: Any, field: str, problems: list[Problem]) -> Any:
    """The ``model`` row whose ``key`` is ``value`` (None for an empty value); a problem if none."""
    if value in (None, ""):
        return None
    if isinstance(value, model):
        return value
    found = model.objects.filter(**{key: value}).first()
    if found is None:
        problems.append(
            Problem(_("There is no %(what)s '%(value)s'.") % {"what": field, "value": value}, field=field)
        )
    return found


def organisation(value: Any, field: str, problems: list[Problem]) -> Organisation | None:
    if value in (None, ""):
        return None
    if isinstance(value, Organisation):
        return value
    key = "pk" if str(value).isdigit() else "slug"
    found: Organisation | None = Organisation.objects.select_related("region").filter(**{key: value}).first()
    if found is None:
        problems.append(Problem(_("There is no organisation '%(value)s'.") % {"value": value}, field=field))
    return found


def country_of(organisation: Organisation) -> str:
    return str(organisation.region.country_id)


def translated_budget_problems(**values: Any) -> list[Problem]:
    messages = {
        "negative": _("The amount cannot be negative."),
        "zero_rate": _("The exchange rate must be more than zero won per pound."),
        "rate_needs_date": _("Give the date of the exchange rate."),
        "date_needs_rate": _("Give the exchange rate for that date, or both amounts."),
        "inconsistent": _(
            "£%(gbp)s at %(rate)s won per pound is ₩%(expected)s, not ₩%(krw)s; correct one of the three or "
            "leave one amount empty."
        ),
    }
    return [
        Problem(messages[item.code] % item.params if item.params else messages[item.code], field=item.field)
        for item in budget_problems(**values)
    ]


def check_bilateral(proposal: Proposal, *, stage: str, call: FundingCall | None) -> None:
    """Refuse a proposal at ``stage`` targeting a bilateral ``call`` without a partner on each side."""
    if call is None or not call.bilateral or stage not in SUBMITTED_OR_LATER:
        return
    countries = [country_of(org) for org in proposal.partner_organisations()]
    gap = bilateral_gap(countries, required=(UK, KOREA))
    if gap:
        missing = _(" and ").join(country_name(code) for code in gap.missing)
        raise DataError(
            [
                Problem(
                    _(
                        "The funding call %(call)s is bilateral: a proposal needs at least one partner in "
                        "the United Kingdom and one in Korea, and this proposal has no partner in "
                        "%(missing)s. Add a partner organisation there first."
                    )
                    % {"call": call.name, "missing": missing},
                    field="partners",
                )
            ]
        )


def require_pair(slug: str) -> TwinPair:
    pair = TwinPair.objects.select_related("region_a", "region_b").filter(slug=slug).first()
    if pair is None:
        raise NotFoundError(_("There is no twin pair '%(slug)s'.") % {"slug": slug})
    return pair


def pillar_and_theme(
    values: Mapping[str, Any], problems: list[Problem]
) -> tuple[Pillar | None, Theme | None]:
    return (
        lookup(Pillar, "code", values.get("pillar"), "pillar", problems),
        lookup(Theme, "code", values.get("theme"), "theme", problems),
    )
