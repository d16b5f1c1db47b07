"""Meeting requests: made by hand or from a pair of registry organisations, and answered by the other side.

The rules of mutual acceptance: a request is scheduled only when the counterpart has answered and neither
side declined; it is a must-meet when either side marked it so."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, InvalidStateError, Problem
from innotwin.missions.domain.setup import require_draft
from innotwin.missions.enums import RequestPriority, RequestSource
from innotwin.missions.models import MeetingRequest, Mission, Participant
from innotwin.organisations.models import Organisation


@transaction.atomic
def request_meeting(
    *,
    requester: Participant,
    counterpart: Participant,
    priority: RequestPriority | str = RequestPriority.WOULD_LIKE,
    answer: RequestPriority | str = "",
    source: RequestSource | str = RequestSource.MANUAL,
    note: str = "",
) -> MeetingRequest:
    """``requester`` asks to meet ``counterpart``; ``answer`` records the counterpart's answer at once
    (a coordinator entering both sides). A request the other way round is answered instead."""
    mission = requester.mission
    require_draft(mission)
    problems = []
    if counterpart.mission_id != mission.pk:
        problems.append(Problem(_("Both participants must be on the same mission."), field="counterpart"))
    if counterpart.pk == requester.pk:
        problems.append(
            Problem(_("A participant cannot request a meeting with themselves."), field="counterpart")
        )
    if priority not in (RequestPriority.MUST_MEET, RequestPriority.WOULD_LIKE):
        problems.append(Problem(_("A request is a must-meet or a would-like."), field="priority"))
    if answer and answer not in RequestPriority.values:
        problems.append(Problem(_("The answer is must-meet, would-like or declined."), field="answer"))
    if problems:
        raise DataError(problems)
    reverse = MeetingRequest.objects.filter(requester=counterpart, counterpart=requester).first()
    if reverse is not None:
        return answer_request(request=reverse, answer=priority)
    existing = MeetingRequest.objects.filter(requester=requester, counterpart=counterpart).first()
    if existing is not None:
        existing.requester_priority = priority
        if answer:
            existing.counterpart_priority = answer
        existing.note = note or existing.note
        existing.save(update_fields=["requester_priority", "counterpart_priority", "note"])
        return existing
    return MeetingRequest.objects.create(
        mission=mission,
        requester=requester,
        counterpart=counterpart,
        requester_priority=priority,
        counterpart_priority=answer,
        source=source,
        note=note,
    )


@transaction.atomic
def answer_request(*, request: MeetingRequest, answer: RequestPriority | str) -> MeetingRequest:
    """The counterpart's answer: must-meet, would-like or declined."""
    require_draft(request.mission)
    if answer not in RequestPriority.values:
        raise DataError([Problem(_("The answer is must-meet, would-like or declined."), field="answer")])
    request.counterpart_priority = answer
    request.save(update_fields=["counterpart_priority"])
    return request


@transaction.atomic
def requests_between_organisations(
    *,
    mission: Mission,
    first: Organisation,
    second: Organisation,
    priority: RequestPriority | str = RequestPriority.WOULD_LIKE,
) -> list[MeetingRequest]:
    """Requests from every participant of registry organisation ``first`` to every participant of
    ``second`` on ``mission`` (a match between two organisations becomes meetings between their people);
    they await the counterpart's answer."""
    require_draft(mission)
    ours = list(mission.participants.filter(organisation=first))
    theirs = list(mission.participants.filter(organisation=second))
    if not ours or not theirs:
        raise InvalidStateError(
            _("Both organisations need at least one participant on the mission before they can be matched.")
        )
    return [
        request_meeting(requester=a, counterpart=b, priority=priority, source=RequestSource.REGISTRY)
        for a in ours
        for b in theirs
        if a.pk != b.pk
    ]
