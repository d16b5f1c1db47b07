"""Meeting requests from partner matching: the introductions (accepted expressions of interest) between
two organisations that both have participants on a mission become requests between those participants.

Each side of an introduction has agreed to be introduced, not yet to meet at this mission: the request is
a would-like awaiting the counterpart's answer. When either organisation has since asked for a meeting (the
introduction's meeting request), the request is a must-meet that the counterpart is counted as having
answered "would like", so it can be scheduled at once. Pairs of participants that already have a request,
in either direction and from any source, are left as they are, so running it again creates nothing new."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from innotwin.matching.enums import InterestStatus
from innotwin.matching.models import Interest
from innotwin.missions.domain.requests import request_meeting
from innotwin.missions.domain.setup import require_draft
from innotwin.missions.enums import RequestPriority, RequestSource
from innotwin.missions.models import MeetingRequest, Mission, Participant

ALREADY_REQUESTED = "already_requested"
NOTE_LENGTH = 300


@dataclass(frozen=True)
class SkippedPair:
    """Two participants who were not given a request, with the reason as a code and a sentence."""

    requester: Participant
    counterpart: Participant
    reason: str
    message: str


@dataclass
class FromMatches:
    """What :func:`requests_from_matches` did: the requests it made and the pairs it left alone."""

    introductions: int = 0
    created: list[MeetingRequest] = field(default_factory=list)
    skipped: list[SkippedPair] = field(default_factory=list)


def _introductions(mission: Mission) -> list[tuple[Interest, bool]]:
    """One introduction per pair of organisations on the mission (the earliest, or the one with a
    meeting request when there is one), and whether a meeting was requested after it."""
    on_mission = set(
        mission.participants.filter(organisation__isnull=False).values_list("organisation_id", flat=True)
    )
    interests = (
        Interest.objects.filter(
            status=InterestStatus.ACCEPTED,
            from_organisation_id__in=on_mission,
            to_organisation_id__in=on_mission,
        )
        .select_related("from_organisation", "to_organisation")
        .order_by("created_at", "pk")
    )
    chosen: dict[frozenset[int], Interest] = {}
    for interest in interests:
        key = frozenset((interest.from_organisation_id, interest.to_organisation_id))
        current = chosen.get(key)
        if current is None or (current.meeting_requested_at is None and interest.meeting_requested_at):
            chosen[key] = interest
    return [(interest, interest.meeting_requested_at is not None) for interest in chosen.values()]


@transaction.atomic
def requests_from_matches(*, mission: Mission) -> FromMatches:
    """Make meeting requests on ``mission`` from the matching introductions between organisations that
    both have participants on it: every participant of the introduced organisation to every participant of
    the other. Pairs that already have a request are skipped and reported; nothing else is touched."""
    require_draft(mission)
    result = FromMatches()
    people: dict[int, list[Participant]] = {}
    for participant in mission.participants.filter(organisation__isnull=False):
        people.setdefault(participant.organisation_id, []).append(participant)
    existing = {frozenset(pair) for pair in mission.requests.values_list("requester_id", "counterpart_id")}
    for interest, meeting_asked in _introductions(mission):
        result.introductions += 1
        priority = RequestPriority.MUST_MEET if meeting_asked else RequestPriority.WOULD_LIKE
        answer = RequestPriority.WOULD_LIKE if meeting_asked else ""
        note = interest.meeting_note[:NOTE_LENGTH] if meeting_asked else ""
        for requester in people[interest.from_organisation_id]:
            for counterpart in people[interest.to_organisation_id]:
                key = frozenset((requester.pk, counterpart.pk))
                if key in existing:
                    result.skipped.append(
                        SkippedPair(
                            requester=requester,
                            counterpart=counterpart,
                            reason=ALREADY_REQUESTED,
                            message=_("%(requester)s and %(counterpart)s already have a meeting request.")
                            % {"requester": requester.name, "counterpart": counterpart.name},
                        )
                    )
                    continue
                result.created.append(
                    request_meeting(
                        requester=requester,
                        counterpart=counterpart,
                        priority=priority,
                        answer=answer,
                        source=RequestSource.MATCHING,
                        note=note,
                    )
                )
                existing.add(key)
    return result
