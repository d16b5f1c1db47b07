"""The matching pages: your matches with "why you two", the interests inbox, a pair's strongest matches."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innotwin.accounts.permissions import Action, has_permission, require_permission, visible
from innotwin.core.errors import InnotwinError
from innotwin.matching.domain.interests import (
    accept_interest,
    decline_interest,
    express_interest,
    give_feedback,
    introduction_contacts,
    request_meeting,
    withdraw_interest,
)
from innotwin.matching.domain.matches import default_filters, pair_matches, rank_for
from innotwin.matching.enums import DeclineReason, InterestStatus
from innotwin.matching.models import Interest, Notification
from innotwin.matching.presentation import present
from innotwin.organisations.enums import OrganisationType
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair


def _organisation(slug: str) -> Organisation:
    organisation = Organisation.objects.select_related("region").filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def _error(request: HttpRequest, error: InnotwinError) -> None:
    messages.error(request, error.message)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The organisations the reader acts for, and the pairs they coordinate."""
    mine = list(visible(request.user, Action.ACT_ON_MATCHES, Organisation.objects.select_related("region")))
    if len(mine) == 1 and not request.user.coordinated_pairs.exists():
        return redirect("matching:organisation", slug=mine[0].slug)
    pairs = (
        TwinPair.objects.all()
        if request.user.is_programme_admin
        else TwinPair.objects.filter(coordinators=request.user)
    ).select_related("region_a", "region_b")
    return render(request, "matching/home.html", {"organisations": mine, "pairs": pairs})


@login_required
def organisation_matches(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Your matches": the best partners in the twin regions, each with why you two."""
    organisation = _organisation(slug)
    require_permission(request.user, Action.VIEW_MATCHES, organisation)
    filters = default_filters(organisation)
    chosen_type = request.GET.get("type", "")
    if chosen_type in OrganisationType.values:
        from dataclasses import replace

        filters = replace(filters, types=frozenset({chosen_type}))
    ranking = rank_for(organisation, filters=filters, top=10)
    sent = set(
        Interest.objects.filter(from_organisation=organisation, status=InterestStatus.PENDING).values_list(
            "to_organisation_id", flat=True
        )
    )
    return render(
        request,
        "matching/organisation.html",
        {
            "organisation": organisation,
            "ranking": ranking,
            "matches": [present(result) for result in ranking.results],
            "may_act": has_permission(request.user, Action.ACT_ON_MATCHES, organisation),
            "sent": sent,
            "types": OrganisationType.choices,
            "chosen_type": chosen_type,
            "reasons": DeclineReason.choices,
        },
    )


@login_required
@require_POST
def express(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(slug)
    candidate = _organisation(request.POST.get("candidate", ""))
    try:
        express_interest(
            actor=request.user,
            from_organisation=organisation,
            to_organisation=candidate,
            message=request.POST.get("message", ""),
        )
    except InnotwinError as error:
        _error(request, error)
    else:
        messages.success(
            request,
            _("%(name)s has been told of your interest. You will be notified of the reply.")
            % {"name": candidate.name},
        )
    return redirect("matching:organisation", slug=organisation.slug)


@login_required
@require_POST
def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(slug)
    candidate = _organisation(request.POST.get("candidate", ""))
    try:
        give_feedback(
            actor=request.user,
            organisation=organisation,
            candidate=candidate,
            kind=request.POST.get("kind", ""),
            reason=request.POST.get("reason", ""),
        )
    except InnotwinError as error:
        _error(request, error)
    else:
        messages.success(request, _("Thank you: your next matches take this into account."))
    return redirect("matching:organisation", slug=organisation.slug)


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """Expressions of interest received and sent by the reader's organisations, and their notices."""
    interests = visible(
        request.user,
        Action.VIEW_INTEREST,
        Interest.objects.select_related("from_organisation", "to_organisation"),
    )
    mine = Organisation.objects.filter(members=request.user)
    received = interests.filter(to_organisation__in=mine)
    sent = interests.filter(from_organisation__in=mine)
    others = interests.exclude(Q(to_organisation__in=mine) | Q(from_organisation__in=mine))[:50]
    notices = list(Notification.objects.filter(user=request.user).select_related("interest")[:20])
    unread = [notice.pk for notice in notices if notice.read_at is None]
    Notification.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return render(
        request,
        "matching/inbox.html",
        {"received": received, "sent": sent, "others": others, "notices": notices, "unread": set(unread)},
    )


@login_required
def interest_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interest = (
        visible(
            request.user,
            Action.VIEW_INTEREST,
            Interest.objects.select_related("from_organisation", "to_organisation", "sent_by"),
        )
        .filter(pk=pk)
        .first()
    )
    if interest is None:
        raise Http404
    receiver = has_permission(request.user, Action.ACT_ON_MATCHES, interest.to_organisation)
    sender = has_permission(request.user, Action.ACT_ON_MATCHES, interest.from_organisation)
    Notification.objects.filter(user=request.user, interest=interest, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return render(
        request,
        "matching/interest.html",
        {
            "interest": interest,
            "receiver": receiver,
            "sender": sender,
            "reasons": DeclineReason.choices,
            "contacts": [
                (org, introduction_contacts(interest, org))
                for org in (interest.from_organisation, interest.to_organisation)
            ],
        },
    )


_VERBS = {"accept", "decline", "withdraw", "meeting"}


@login_required
@require_POST
def interest_action(request: HttpRequest, pk: int, verb: str) -> HttpResponse:
    if verb not in _VERBS:
        raise Http404
    interest = (
        visible(
            request.user,
            Action.VIEW_INTEREST,
            Interest.objects.select_related("from_organisation", "to_organisation"),
        )
        .filter(pk=pk)
        .first()
    )
    if interest is None:
        raise Http404
    try:
        if verb == "accept":
            accept_interest(actor=request.user, interest=interest, reply=request.POST.get("reply", ""))
            messages.success(
                request, _("Accepted: you are introduced, and each side now sees the other's contacts.")
            )
        elif verb == "decline":
            decline_interest(
                actor=request.user,
                interest=interest,
                reason=request.POST.get("reason", ""),
                note=request.POST.get("note", ""),
            )
            messages.success(request, _("Declined. The other side has been told."))
        elif verb == "withdraw":
            withdraw_interest(actor=request.user, interest=interest)
            messages.success(request, _("Your expression of interest was withdrawn."))
        else:
            request_meeting(actor=request.user, interest=interest, note=request.POST.get("note", ""))
            messages.success(request, _("Your meeting request was sent."))
    except InnotwinError as error:
        _error(request, error)
    return redirect("matching:interest", pk=interest.pk)


@login_required
def pair_view(request: HttpRequest, slug: str) -> HttpResponse:
    """The pair's strongest cross-border matches, for its coordinators."""
    pair = TwinPair.objects.select_related("region_a", "region_b").filter(slug=slug).first()
    if pair is None:
        raise Http404
    require_permission(request.user, Action.VIEW_PAIR_MATCHES, pair)
    return render(request, "matching/pair.html", {"pair": pair, "matches": pair_matches(pair, top=20)})
