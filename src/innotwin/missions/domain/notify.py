"""Email to participants: their agenda when a mission is published, and a note when a meeting moves.

Each message is written in the participant's language and time zone and carries their calendar feed
as an ``.ics`` attachment. The Django email backend sends it (the console in development)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from innotwin.missions.domain.agenda import agenda_for, participant_feed
from innotwin.missions.models import Mission, Participant, ScheduledMeeting

__all__ = ["notify_change", "send_agenda"]


def _send(participant: Participant, template: str, context: dict[str, object]) -> bool:
    if not participant.email:
        return False
    with translation.override(participant.preferred_language), timezone.override(participant.time_zone):
        subject = render_to_string(f"missions/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"missions/email/{template}.txt", context)
    message = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[participant.email]
    )
    message.attach(f"{participant.mission.slug}.ics", participant_feed(participant), "text/calendar")
    message.send()
    return True


def send_agenda(*, mission: Mission) -> int:
    """Email every participant with an address their agenda; returns how many were sent."""
    sent = 0
    for participant in mission.participants.all():
        context = {"mission": mission, "participant": participant, "entries": agenda_for(participant)}
        sent += _send(participant, "published", context)
    return sent


def notify_change(*, meeting: ScheduledMeeting) -> int:
    """Email both parties of ``meeting`` its new time and place; returns how many were sent."""
    request = meeting.request
    sent = 0
    for participant in (request.requester, request.counterpart):
        other = request.counterpart if participant.pk == request.requester_id else request.requester
        context = {"mission": meeting.mission, "participant": participant, "meeting": meeting, "other": other}
        sent += _send(participant, "changed", context)
    return sent
