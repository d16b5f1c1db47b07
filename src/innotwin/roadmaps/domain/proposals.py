"""Create and edit joint proposals, move them through the pipeline, and add partners, milestones and
documents. Every write is one transaction and leaves a :class:`Change` per changed field; a refused
write leaves the record exactly as it was."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import DataError, InvalidStateError, Problem
from innotwin.core.roadmaps import (
    REASON_STAGES,
    DocumentProblem,
    Stage,
    allowed_targets,
    check_document,
    complete_budget,
    diff,
)
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair
from innotwin.roadmaps.domain._common import (
    KOREA,
    PROPOSAL_FIELDS,
    UK,
    check_bilateral,
    country_name,
    country_of,
    lookup,
    organisation,
    parse_date,
    parse_decimal,
    pillar_and_theme,
    proposal_snapshot,
    record_changes,
    record_proposal_diff,
    translated_budget_problems,
)
from innotwin.roadmaps.enums import DocumentKind, MilestoneStatus, PartnerRole, ProposalStage
from innotwin.roadmaps.models import FundingCall, Milestone, Proposal, ProposalDocument, ProposalPartner

_TEXT = ("title_en", "title_ko", "summary_en", "summary_ko")


def _apply(proposal: Proposal, values: Mapping[str, Any]) -> None:
    """Check ``values`` (only keys of :data:`PROPOSAL_FIELDS`) and set them on the unsaved proposal."""
    unknown = sorted(set(values) - set(PROPOSAL_FIELDS))
    if unknown:
        raise DataError(
            _("A proposal has no field %(fields)s; its fields are %(known)s.")
            % {"fields": ", ".join(unknown), "known": ", ".join(PROPOSAL_FIELDS)}
        )
    problems: list[Problem] = []
    for name in _TEXT:
        if name in values:
            setattr(proposal, name, str(values[name] or "").strip())
    if not (proposal.title_en or proposal.title_ko):
        problems.append(Problem(_("Give the proposal a title in English or Korean."), field="title_en"))
    if "pillar" in values or "theme" in values:
        pillar, theme = pillar_and_theme(
            {
                "pillar": values.get("pillar", proposal.pillar_id),
                "theme": values.get("theme", proposal.theme_id),
            },
            problems,
        )
        proposal.pillar, proposal.theme = pillar, theme
    for name, country in (("lead_uk", UK), ("lead_kr", KOREA)):
        if name in values:
            lead = organisation(values[name], name, problems)
            if lead is not None and country_of(lead) != country:
                problems.append(
                    Problem(
                        _("%(organisation)s is not in %(country)s; the lead on this side must be.")
                        % {"organisation": lead.name, "country": country_name(country)},
                        field=name,
                    )
                )
            setattr(proposal, name, lead)
    if "funding_call" in values:
        proposal.funding_call = lookup(FundingCall, "slug", values["funding_call"], "funding_call", problems)
    for name in ("budget_gbp", "budget_krw", "exchange_rate"):
        if name in values:
            setattr(proposal, name, parse_decimal(values[name], name, problems))
    for name in ("rate_date", "starts_on", "ends_on"):
        if name in values:
            setattr(proposal, name, parse_date(values[name], name, problems))
    if proposal.starts_on and proposal.ends_on and proposal.ends_on < proposal.starts_on:
        problems.append(Problem(_("The project cannot end before it starts."), field="ends_on"))
    if not problems:
        budget = {
            "gbp": proposal.budget_gbp,
            "krw": proposal.budget_krw,
            "rate": proposal.exchange_rate,
            "rate_date": proposal.rate_date,
        }
        problems.extend(translated_budget_problems(**budget))
        if not problems:
            done = complete_budget(**budget)
            proposal.budget_gbp, proposal.budget_krw, proposal.exchange_rate = done.gbp, done.krw, done.rate
    if problems:
        raise DataError(problems)


@transaction.atomic
def create_proposal(
    *,
    actor: User | None,
    pair: TwinPair,
    values: Mapping[str, Any],
    is_demo: bool = False,
    suggestion_key: str = "",
    actor_label: str = "",
) -> Proposal:
    """A new proposal of ``pair`` at the idea stage."""
    proposal = Proposal(pair=pair, created_by=actor, is_demo=is_demo, suggestion_key=suggestion_key)
    _apply(proposal, values)
    proposal.save()
    record_proposal_diff(proposal, {}, actor=actor, actor_label=actor_label)
    return proposal


@transaction.atomic
def update_proposal(
    *, actor: User | None, proposal: Proposal, values: Mapping[str, Any], actor_label: str = ""
) -> Proposal:
    """Change the given fields; the bilateral rule is checked against the proposal's stage."""
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    before = proposal_snapshot(locked)
    _apply(locked, values)
    check_bilateral(locked, stage=locked.stage, call=locked.funding_call)
    locked.save()
    record_proposal_diff(locked, before, actor=actor, actor_label=actor_label)
    return locked


def transition_error(current: str, target: str, reason: str) -> str | None:
    """Why a proposal cannot move from ``current`` to ``target`` (in the reader's language), or None."""
    if target not in ProposalStage.values:
        return _("There is no stage '%(stage)s'.") % {"stage": target}
    label = {value: str(name) for value, name in ProposalStage.choices}
    if current == target:
        return _("The proposal is already at the stage %(stage)s.") % {"stage": label[target]}
    allowed = allowed_targets(current)
    if Stage(target) not in allowed:
        options = ", ".join(label[stage] for stage in allowed) if allowed else _("none (it is final)")
        return _(
            "A proposal cannot move from %(current)s to %(target)s; from %(current)s it can move to "
            "%(options)s."
        ) % {
            "current": label[current],
            "target": label[target],
            "options": options,
        }
    if Stage(target) in REASON_STAGES and not reason.strip():
        return _("Moving a proposal to %(stage)s needs a reason.") % {"stage": label[target]}
    return None


@transaction.atomic
def move_proposal(
    *, actor: User | None, proposal: Proposal, stage: str, reason: str = "", actor_label: str = ""
) -> Proposal:
    """Move the proposal to ``stage`` when the transition table allows it (and, from submission on, the
    bilateral rule of its call holds); :class:`InvalidStateError` or :class:`DataError` otherwise, with
    the record unchanged."""
    locked = (
        Proposal.objects.select_for_update(of=("self",)).select_related("funding_call").get(pk=proposal.pk)
    )
    error = transition_error(locked.stage, stage, reason)
    if error:
        raise InvalidStateError(error)
    check_bilateral(locked, stage=stage, call=locked.funding_call)
    before = proposal_snapshot(locked)
    locked.stage = stage
    locked.stage_reason = reason.strip() if Stage(stage) in REASON_STAGES else ""
    locked.save(update_fields=["stage", "stage_reason", "updated_at"])
    record_proposal_diff(locked, before, actor=actor, actor_label=actor_label)
    return locked


@transaction.atomic
def set_partner(
    *, actor: User | None, proposal: Proposal, organisation_ref: Any, role: str, actor_label: str = ""
) -> ProposalPartner:
    """Add an organisation as a partner with ``role`` (or change the role of one already there)."""
    problems: list[Problem] = []
    found = organisation(organisation_ref, "organisation", problems)
    if role not in PartnerRole.values:
        problems.append(
            Problem(
                _("There is no partner role '%(role)s'; the roles are %(roles)s.")
                % {"role": role, "roles": ", ".join(PartnerRole.values)},
                field="role",
            )
        )
    if problems or found is None:
        raise DataError(problems or [Problem(_("Choose an organisation."), field="organisation")])
    before = proposal_snapshot(proposal)
    partner, _created = ProposalPartner.objects.update_or_create(
        proposal=proposal, organisation=found, defaults={"role": role}
    )
    record_proposal_diff(proposal, before, actor=actor, actor_label=actor_label)
    return partner


@transaction.atomic
def remove_partner(
    *, actor: User | None, proposal: Proposal, organisation_ref: Any, actor_label: str = ""
) -> None:
    """Remove a partner; refused when the proposal's bilateral call would lose its side."""
    problems: list[Problem] = []
    found = organisation(organisation_ref, "organisation", problems)
    if found is None:
        raise DataError(problems)
    before = proposal_snapshot(proposal)
    deleted, _rows = ProposalPartner.objects.filter(proposal=proposal, organisation=found).delete()
    if not deleted:
        raise DataError(
            _("%(organisation)s is not a partner of this proposal.") % {"organisation": found.name}
        )
    check_bilateral(proposal, stage=proposal.stage, call=proposal.funding_call)
    record_proposal_diff(proposal, before, actor=actor, actor_label=actor_label)


def _milestone_snapshot(milestone: Milestone) -> dict[str, str]:
    return {
        "title_en": milestone.title_en,
        "title_ko": milestone.title_ko,
        "due_on": milestone.due_on.isoformat() if milestone.due_on else "",
        "status": milestone.status,
    }


@transaction.atomic
def save_milestone(
    *,
    actor: User | None,
    proposal: Proposal,
    values: Mapping[str, Any],
    milestone: Milestone | None = None,
    actor_label: str = "",
) -> Milestone:
    """Add a milestone (``milestone`` None) or change one; titles, due date and status."""
    target = milestone or Milestone(proposal=proposal)
    before = _milestone_snapshot(target) if milestone else {}
    problems: list[Problem] = []
    for name in ("title_en", "title_ko"):
        if name in values:
            setattr(target, name, str(values[name] or "").strip())
    if not (target.title_en or target.title_ko):
        problems.append(Problem(_("Give the milestone a title in English or Korean."), field="title_en"))
    if "due_on" in values or milestone is None:
        due = parse_date(values.get("due_on"), "due_on", problems)
        if due is None and not problems:
            problems.append(Problem(_("Give the milestone a due date."), field="due_on"))
        if due is not None:
            target.due_on = due
    if "status" in values:
        if values["status"] not in MilestoneStatus.values:
            problems.append(
                Problem(
                    _("There is no milestone status '%(status)s'; use %(known)s.")
                    % {"status": values["status"], "known": ", ".join(MilestoneStatus.values)},
                    field="status",
                )
            )
        else:
            target.status = values["status"]
    if problems:
        raise DataError(problems)
    target.save()
    record_changes(
        pair=proposal.pair,
        proposal=proposal,
        record="milestone",
        record_id=target.pk,
        changes=diff(before, _milestone_snapshot(target)),
        actor=actor,
        actor_label=actor_label,
    )
    return target


@transaction.atomic
def attach_document(
    *,
    actor: User | None,
    proposal: Proposal,
    kind: str,
    filename: str,
    data: bytes,
    actor_label: str = "",
) -> ProposalDocument:
    """Attach a document after its type and size checks."""
    if kind not in DocumentKind.values:
        raise DataError(
            [
                Problem(
                    _("There is no document type '%(kind)s'; use %(known)s.")
                    % {"kind": kind, "known": ", ".join(DocumentKind.values)},
                    field="kind",
                )
            ]
        )
    try:
        check_document(data, filename=filename)
    except DocumentProblem as refused:
        messages = {
            "extension": _("The file %(file)s is not of an accepted type; accepted: %(accepted)s."),
            "empty": _("The file %(file)s is empty."),
            "too_large": _("The file %(file)s is %(size)s; documents may be at most %(limit)s."),
            "mismatch": _(
                "The file %(file)s is named as %(kind)s but its content is not; upload the real file."
            ),
        }
        raise DataError(
            [Problem(messages[refused.reason] % {"file": filename, **refused.params}, field="file")]
        ) from refused
    document = ProposalDocument(
        proposal=proposal, kind=kind, original_filename=filename[:255], size=len(data), uploaded_by=actor
    )
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    record_changes(
        pair=proposal.pair,
        proposal=proposal,
        record="document",
        record_id=document.pk,
        changes=diff({}, {"kind": kind, "file": document.original_filename, "size": str(len(data))}),
        actor=actor,
        actor_label=actor_label,
    )
    return document


def organisations_by_side(proposal: Proposal) -> dict[str, list[Organisation]]:
    """The proposal's partner organisations (leads included) by country code."""
    sides: dict[str, list[Organisation]] = {UK: [], KOREA: []}
    for org in proposal.partner_organisations():
        sides.setdefault(country_of(org), []).append(org)
    return sides
