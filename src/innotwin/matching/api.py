"""``/api/v1/matching``: partners for an organisation with explanations, expressions of interest, feedback."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status

from innotwin.accounts.permissions import Action, require_permission, visible
from innotwin.core.matching import Filters
from innotwin.matching.domain.interests import (
    accept_interest,
    decline_interest,
    express_interest,
    give_feedback,
    introduction_contacts,
    request_meeting,
    withdraw_interest,
)
from innotwin.matching.domain.matches import default_filters, pair_matches, rank_for, regions_within
from innotwin.matching.models import Interest
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair

router = Router(tags=["matching"])


class MatchOut(Schema):
    rank: int
    organisation: str
    organisation_id: int
    name: str
    region: str
    type: str
    score: float
    components: dict[str, float]
    explanation: dict[str, Any]


class MatchesOut(Schema):
    organisation: str
    indexed: int
    pending: int
    matchable: bool
    matches: list[MatchOut]


class InterestIn(Schema):
    from_organisation: str
    to_organisation: str
    message: str = ""


class ReplyIn(Schema):
    reply: str = ""


class DeclineIn(Schema):
    reason: str
    note: str = ""


class MeetingIn(Schema):
    note: str = ""


class FeedbackIn(Schema):
    candidate: str
    kind: str
    reason: str = ""
    note: str = ""


class ContactOut(Schema):
    full_name: str
    job_title: str
    email: str
    phone: str


class InterestOut(Schema):
    id: int
    from_organisation: str
    to_organisation: str
    message: str
    status: str
    decline_reason: str
    decline_note: str
    reply: str
    created_at: dt.datetime
    responded_at: dt.datetime | None
    meeting_requested_at: dt.datetime | None
    meeting_note: str
    contacts: dict[str, list[ContactOut]]

    @staticmethod
    def resolve_from_organisation(obj: Interest) -> str:
        return obj.from_organisation.slug

    @staticmethod
    def resolve_to_organisation(obj: Interest) -> str:
        return obj.to_organisation.slug

    @staticmethod
    def resolve_contacts(obj: Interest) -> dict[str, list[Any]]:
        return {
            org.slug: [contact.__dict__ for contact in introduction_contacts(obj, org)]
            for org in (obj.from_organisation, obj.to_organisation)
        }


class PairMatchOut(Schema):
    a: str
    b: str
    a_name: str
    b_name: str
    score: float
    components: dict[str, float]


def _organisation(slug: str) -> Organisation:
    organisation = Organisation.objects.select_related("region").filter(slug=slug).first()
    if organisation is None:
        raise Http404(f"There is no organisation {slug!r}.")
    return organisation


def _interest(request: HttpRequest, pk: int) -> Interest:
    queryset = Interest.objects.select_related("from_organisation", "to_organisation")
    interest = visible(request.user, Action.VIEW_INTEREST, queryset).filter(pk=pk).first()
    if interest is None:
        raise Http404(f"There is no expression of interest {pk} that you may see.")
    return interest


@router.get("/organisations/{slug}/matches", response=MatchesOut, summary="Partners for an organisation")
def matches(
    request: HttpRequest, slug: str, top: int = 10, region: str | None = None, type: str | None = None
) -> dict[str, Any]:
    """The best partners for the organisation in its twin regions (or in ``region``, comma-separated codes,
    regions inside them included), each with its score breakdown and "why you two" explanation. Members
    of the organisation, its coordinators and administrators may ask."""
    organisation = _organisation(slug)
    require_permission(request.user, Action.VIEW_MATCHES, organisation)
    filters = (
        Filters(regions=frozenset(regions_within([c for c in region.split(",") if c])))
        if region
        else default_filters(organisation)
    )
    if type:
        filters = Filters(
            regions=filters.regions,
            countries=filters.countries,
            types=frozenset(t for t in type.split(",") if t),
        )
    ranking = rank_for(organisation, filters=filters, top=max(1, min(top, 50)))
    return {
        "organisation": organisation.slug,
        "indexed": ranking.indexed,
        "pending": ranking.pending,
        "matchable": ranking.matchable,
        "matches": [
            {
                "rank": rank,
                "organisation": result.organisation.slug,
                "organisation_id": result.organisation.pk,
                "name": result.organisation.name,
                "region": result.organisation.region_id,
                "type": result.organisation.type,
                "score": round(result.match.score, 4),
                "components": {k: round(v, 4) for k, v in result.match.components.items()},
                "explanation": result.explanation.as_dict() if result.explanation else {},
            }
            for rank, result in enumerate(ranking.results, start=1)
        ],
    }


@router.get("/pairs/{slug}/matches", response=list[PairMatchOut], summary="A pair's strongest matches")
def pair_strongest(request: HttpRequest, slug: str, top: int = 20) -> list[dict[str, Any]]:
    """The strongest cross-border matches between the pair's two regions (the pair's coordinators)."""
    pair = TwinPair.objects.filter(slug=slug).first()
    if pair is None:
        raise Http404(f"There is no twin pair {slug!r}.")
    require_permission(request.user, Action.VIEW_PAIR_MATCHES, pair)
    return [
        {
            "a": item.a.slug,
            "b": item.b.slug,
            "a_name": item.a.name,
            "b_name": item.b.name,
            "score": round(item.match.score, 4),
            "components": {k: round(v, 4) for k, v in item.match.components.items()},
        }
        for item in pair_matches(pair, top=max(1, min(top, 100)))
    ]


@router.get("/interests", response=list[InterestOut], summary="Expressions of interest you may see")
def list_interests(request: HttpRequest, status: str | None = None) -> list[Interest]:
    queryset = visible(
        request.user,
        Action.VIEW_INTEREST,
        Interest.objects.select_related("from_organisation", "to_organisation"),
    )
    if status:
        queryset = queryset.filter(status=status)
    return list(queryset[:200])


@router.post("/interests", response={201: InterestOut}, summary="Express interest in an organisation")
def create_interest(request: HttpRequest, payload: InterestIn) -> Status[Interest]:
    interest = express_interest(
        actor=request.user,
        from_organisation=_organisation(payload.from_organisation),
        to_organisation=_organisation(payload.to_organisation),
        message=payload.message,
    )
    return Status(201, interest)


@router.get("/interests/{pk}", response=InterestOut, summary="One expression of interest")
def get_interest(request: HttpRequest, pk: int) -> Interest:
    return _interest(request, pk)


@router.post("/interests/{pk}/accept", response=InterestOut, summary="Accept: introduce both sides")
def accept(request: HttpRequest, pk: int, payload: ReplyIn) -> Interest:
    return accept_interest(actor=request.user, interest=_interest(request, pk), reply=payload.reply)


@router.post("/interests/{pk}/decline", response=InterestOut, summary="Decline, with a reason")
def decline(request: HttpRequest, pk: int, payload: DeclineIn) -> Interest:
    return decline_interest(
        actor=request.user,
        interest=_interest(request, pk),
        reason=payload.reason,
        note=payload.note,
    )


@router.post("/interests/{pk}/withdraw", response=InterestOut, summary="Withdraw an unanswered interest")
def withdraw(request: HttpRequest, pk: int) -> Interest:
    return withdraw_interest(actor=request.user, interest=_interest(request, pk))


@router.post("/interests/{pk}/meeting", response=InterestOut, summary="Ask to meet after an introduction")
def meeting(request: HttpRequest, pk: int, payload: MeetingIn) -> Interest:
    return request_meeting(actor=request.user, interest=_interest(request, pk), note=payload.note)


@router.post(
    "/organisations/{slug}/feedback", response={201: dict[str, Any]}, summary="Judge a suggested partner"
)
def feedback(request: HttpRequest, slug: str, payload: FeedbackIn) -> Status[dict[str, Any]]:
    """``kind`` is accepted, declined (with ``reason``) or hidden; later rankings change accordingly."""
    item = give_feedback(
        actor=request.user,
        organisation=_organisation(slug),
        candidate=_organisation(payload.candidate),
        kind=payload.kind,
        reason=payload.reason,
        note=payload.note,
    )
    return Status(201, {"id": item.pk, "kind": item.kind, "reason": item.reason})
