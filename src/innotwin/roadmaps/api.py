"""``/api/v1/roadmaps``: a pair's roadmap, proposals (with stage moves, partners and milestones), its
agreements register, and funding calls. Reads follow the pair's visibility; writes follow the rules in
``accounts/permissions.py`` (coordinators edit the roadmap, partners edit their proposal)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status

from innotwin.accounts.permissions import Action, require_permission, visible
from innotwin.pairs.models import TwinPair
from innotwin.roadmaps.domain.agreements import RegisterEntry, agreements_register, register_agreement
from innotwin.roadmaps.domain.calls import save_funding_call
from innotwin.roadmaps.domain.dashboard import pair_proposals
from innotwin.roadmaps.domain.proposals import (
    create_proposal,
    move_proposal,
    save_milestone,
    set_partner,
    update_proposal,
)
from innotwin.roadmaps.domain.roadmap import current_roadmap, signed_roadmap
from innotwin.roadmaps.models import Change, FundingCall, Milestone, Proposal, Roadmap

router = Router(tags=["roadmaps"])


class ObjectiveOut(Schema):
    title_en: str
    title_ko: str
    pillar: str
    theme: str
    target_date: dt.date | None


class RoadmapOut(Schema):
    pair: str
    version: int
    status: str
    title_en: str
    title_ko: str
    vision_en: str
    vision_ko: str
    themes: list[str]
    signed_on: dt.date | None
    signatories_uk: str
    signatories_kr: str
    is_demo: bool
    objectives: list[ObjectiveOut]

    @staticmethod
    def resolve_pair(obj: Roadmap) -> str:
        return obj.pair.slug

    @staticmethod
    def resolve_themes(obj: Roadmap) -> list[str]:
        return [theme.code for theme in obj.themes.all()]

    @staticmethod
    def resolve_objectives(obj: Roadmap) -> list[dict[str, Any]]:
        return [
            {
                "title_en": o.title_en,
                "title_ko": o.title_ko,
                "pillar": o.pillar_id,
                "theme": o.theme_id,
                "target_date": o.target_date,
            }
            for o in obj.objectives.all()
        ]


class PartnerOut(Schema):
    organisation: str
    name_en: str
    name_ko: str
    country: str
    role: str


class MilestoneOut(Schema):
    id: int
    title_en: str
    title_ko: str
    due_on: dt.date
    status: str
    overdue: bool


class ProposalOut(Schema):
    id: int
    pair: str
    title_en: str
    title_ko: str
    summary_en: str
    summary_ko: str
    pillar: str | None
    theme: str | None
    lead_uk: str | None
    lead_kr: str | None
    funding_call: str | None
    budget_gbp: Decimal | None
    budget_krw: Decimal | None
    exchange_rate: Decimal | None
    rate_date: dt.date | None
    stage: str
    stage_reason: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    is_demo: bool


class ProposalDetailOut(ProposalOut):
    partners: list[PartnerOut]
    milestones: list[MilestoneOut]


class ProposalIn(Schema):
    title_en: str | None = None
    title_ko: str | None = None
    summary_en: str | None = None
    summary_ko: str | None = None
    pillar: str | None = None
    theme: str | None = None
    lead_uk: str | None = None
    lead_kr: str | None = None
    funding_call: str | None = None
    budget_gbp: Decimal | None = None
    budget_krw: Decimal | None = None
    exchange_rate: Decimal | None = None
    rate_date: dt.date | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None


class StageIn(Schema):
    stage: str
    reason: str = ""


class PartnerIn(Schema):
    organisation: str
    role: str


class MilestoneIn(Schema):
    title_en: str = ""
    title_ko: str = ""
    due_on: dt.date
    status: str = "planned"


class ChangeOut(Schema):
    at: dt.datetime
    actor: str
    record: str
    record_id: int
    field: str
    old: str
    new: str


class AgreementEntryOut(Schema):
    id: int
    title_en: str
    title_ko: str
    kind: str
    signed_on: dt.date | None
    parties: str
    source_url: str
    status: str | None
    expires_on: dt.date | None
    themes: list[str]
    organisations: list[str]


class AgreementEntryIn(Schema):
    status: str = "in_force"
    expires_on: dt.date | None = None
    themes: list[str] = []
    organisations: list[str] = []


class FundingCallOut(Schema):
    slug: str
    name_en: str
    name_ko: str
    funder: str
    bilateral: bool
    opens_on: dt.date | None
    closes_on: dt.date | None
    url: str
    is_demo: bool


class FundingCallIn(Schema):
    slug: str = ""
    name_en: str = ""
    name_ko: str = ""
    funder: str = ""
    bilateral: bool = False
    opens_on: dt.date | None = None
    closes_on: dt.date | None = None
    url: str = ""


def _code(obj: Any) -> str | None:
    return None if obj is None else str(getattr(obj, "slug", None) or obj.pk)


def proposal_out(proposal: Proposal, *, detail: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": proposal.pk,
        "pair": proposal.pair.slug,
        **{
            name: getattr(proposal, name)
            for name in (
                "title_en",
                "title_ko",
                "summary_en",
                "summary_ko",
                "budget_gbp",
                "budget_krw",
                "exchange_rate",
                "rate_date",
                "stage",
                "stage_reason",
                "starts_on",
                "ends_on",
                "is_demo",
            )
        },
        "pillar": proposal.pillar_id,
        "theme": proposal.theme_id,
        "lead_uk": _code(proposal.lead_uk),
        "lead_kr": _code(proposal.lead_kr),
        "funding_call": _code(proposal.funding_call),
    }
    if detail:
        body["partners"] = [
            {
                "organisation": p.organisation.slug,
                "name_en": p.organisation.name_en,
                "name_ko": p.organisation.name_ko,
                "country": p.organisation.region.country_id,
                "role": p.role,
            }
            for p in proposal.partners.select_related("organisation__region")
        ]
        body["milestones"] = [_milestone(m) for m in proposal.milestones.all()]
    return body


def _milestone(milestone: Milestone) -> dict[str, Any]:
    return {
        "id": milestone.pk,
        "title_en": milestone.title_en,
        "title_ko": milestone.title_ko,
        "due_on": milestone.due_on,
        "status": milestone.status,
        "overdue": milestone.is_overdue(),
    }


def _pair(request: HttpRequest, slug: str) -> TwinPair:
    pair = visible(request.user, Action.VIEW_PAIR, TwinPair.objects.all()).filter(slug=slug).first()
    if pair is None:
        raise Http404(f"There is no twin pair {slug!r} that you may see.")
    return pair


def _proposal(request: HttpRequest, proposal_id: int) -> Proposal:
    proposals = Proposal.objects.select_related("pair", "lead_uk", "lead_kr", "funding_call")
    proposal = visible(request.user, Action.VIEW_ROADMAP, proposals).filter(pk=proposal_id).first()
    if proposal is None:
        raise Http404(f"There is no proposal {proposal_id} that you may see.")
    return proposal


def _actor(request: HttpRequest) -> Any:
    return request.user if request.user.is_authenticated else None


@router.get("/calls", response=list[FundingCallOut], summary="List funding calls")
def list_calls(request: HttpRequest) -> list[FundingCall]:
    return list(FundingCall.objects.all())


@router.post("/calls", response={201: FundingCallOut}, summary="Create or update a funding call")
def save_call(request: HttpRequest, body: FundingCallIn) -> Status[FundingCall]:
    require_permission(request.user, Action.MANAGE_FUNDING_CALLS)
    return Status(201, save_funding_call(values=body.dict()))


@router.get("/proposals/{proposal_id}", response=ProposalDetailOut, summary="One proposal")
def get_proposal(request: HttpRequest, proposal_id: int) -> dict[str, Any]:
    return proposal_out(_proposal(request, proposal_id), detail=True)


@router.patch("/proposals/{proposal_id}", response=ProposalDetailOut, summary="Change a proposal")
def patch_proposal(request: HttpRequest, proposal_id: int, body: ProposalIn) -> dict[str, Any]:
    proposal = _proposal(request, proposal_id)
    require_permission(request.user, Action.EDIT_PROPOSAL, proposal)
    updated = update_proposal(actor=_actor(request), proposal=proposal, values=body.dict(exclude_unset=True))
    return proposal_out(updated, detail=True)


@router.post("/proposals/{proposal_id}/stage", response=ProposalDetailOut, summary="Move a proposal")
def post_stage(request: HttpRequest, proposal_id: int, body: StageIn) -> dict[str, Any]:
    """Move the proposal to another stage; an invalid move is a 400 ``invalid_state`` error and a missing
    bilateral partner a 422 ``data_error``, with the proposal unchanged."""
    proposal = _proposal(request, proposal_id)
    require_permission(request.user, Action.EDIT_PROPOSAL, proposal)
    moved = move_proposal(actor=_actor(request), proposal=proposal, stage=body.stage, reason=body.reason)
    return proposal_out(moved, detail=True)


@router.post("/proposals/{proposal_id}/partners", response=ProposalDetailOut, summary="Add a partner")
def post_partner(request: HttpRequest, proposal_id: int, body: PartnerIn) -> dict[str, Any]:
    proposal = _proposal(request, proposal_id)
    require_permission(request.user, Action.EDIT_PROPOSAL, proposal)
    set_partner(actor=_actor(request), proposal=proposal, organisation_ref=body.organisation, role=body.role)
    return proposal_out(proposal, detail=True)


@router.get("/proposals/{proposal_id}/milestones", response=list[MilestoneOut], summary="Milestones")
def list_milestones(request: HttpRequest, proposal_id: int) -> list[dict[str, Any]]:
    return [_milestone(m) for m in _proposal(request, proposal_id).milestones.all()]


@router.post("/proposals/{proposal_id}/milestones", response={201: MilestoneOut}, summary="Add a milestone")
def post_milestone(request: HttpRequest, proposal_id: int, body: MilestoneIn) -> Status[dict[str, Any]]:
    proposal = _proposal(request, proposal_id)
    require_permission(request.user, Action.EDIT_PROPOSAL, proposal)
    milestone = save_milestone(actor=_actor(request), proposal=proposal, values=body.dict())
    return Status(201, _milestone(milestone))


@router.get("/proposals/{proposal_id}/history", response=list[ChangeOut], summary="Change history")
def proposal_history(request: HttpRequest, proposal_id: int) -> list[dict[str, Any]]:
    changes = Change.objects.filter(proposal=_proposal(request, proposal_id)).order_by("at", "pk")
    return [
        {
            "at": c.at,
            "actor": c.actor_label,
            "record": c.record,
            "record_id": c.record_id,
            "field": c.field,
            "old": c.old,
            "new": c.new,
        }
        for c in changes
    ]


@router.get("/{slug}", response=RoadmapOut, summary="A pair's roadmap")
def get_roadmap(request: HttpRequest, slug: str) -> Roadmap:
    """The signed version (or the draft when none is signed) with its objectives."""
    pair = _pair(request, slug)
    roadmap = signed_roadmap(pair) or current_roadmap(pair)
    if roadmap is None:
        raise Http404(f"The twin pair {slug!r} has no roadmap yet.")
    return roadmap


@router.get("/{slug}/proposals", response=list[ProposalOut], summary="A pair's proposals")
def list_proposals(request: HttpRequest, slug: str, stage: str | None = None) -> list[dict[str, Any]]:
    proposals = pair_proposals(_pair(request, slug))
    if stage:
        proposals = proposals.filter(stage=stage)
    return [proposal_out(p) for p in proposals]


@router.post("/{slug}/proposals", response={201: ProposalDetailOut}, summary="Add a proposal")
def post_proposal(request: HttpRequest, slug: str, body: ProposalIn) -> Status[dict[str, Any]]:
    """A new proposal at the idea stage; the pair's coordinators and administrators."""
    pair = _pair(request, slug)
    require_permission(request.user, Action.EDIT_ROADMAP, pair)
    proposal = create_proposal(actor=_actor(request), pair=pair, values=body.dict(exclude_unset=True))
    return Status(201, proposal_out(proposal, detail=True))


def _entry(entry: RegisterEntry) -> dict[str, Any]:
    agreement, details = entry.agreement, entry.details
    return {
        "id": agreement.pk,
        "title_en": agreement.title_en,
        "title_ko": agreement.title_ko,
        "kind": agreement.kind,
        "signed_on": agreement.signed_on,
        "parties": agreement.parties,
        "source_url": agreement.source_url,
        "status": details.status if details else None,
        "expires_on": details.expires_on if details else None,
        "themes": [theme.code for theme in entry.themes],
        "organisations": [org.slug for org in details.organisations.all()] if details else [],
    }


@router.get("/{slug}/agreements", response=list[AgreementEntryOut], summary="The agreements register")
def list_agreements(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    """Every agreement of the pair (``/api/v1/pairs/{slug}``) with its register entry, if recorded."""
    return [_entry(entry) for entry in agreements_register(_pair(request, slug))]


@router.put(
    "/{slug}/agreements/{agreement_id}", response=AgreementEntryOut, summary="Record an agreement's entry"
)
def put_agreement(
    request: HttpRequest, slug: str, agreement_id: int, body: AgreementEntryIn
) -> dict[str, Any]:
    """Status, expiry, themes and party organisations of one of the pair's agreements; coordinators."""
    pair = _pair(request, slug)
    require_permission(request.user, Action.EDIT_ROADMAP, pair)
    agreement = pair.agreements.filter(pk=agreement_id).first()
    if agreement is None:
        raise Http404(f"The twin pair {slug!r} has no agreement {agreement_id}.")
    register_agreement(
        agreement=agreement,
        status=body.status,
        expires_on=body.expires_on,
        themes=body.themes,
        organisations=body.organisations,
    )
    return _entry(next(e for e in agreements_register(pair) if e.agreement.pk == agreement.pk))
