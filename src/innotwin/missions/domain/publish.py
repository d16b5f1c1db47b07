"""Publishing a reviewed schedule: the agendas go out to every participant."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from innotwin.core.errors import InvalidStateError
from innotwin.missions.domain.notify import send_agenda
from innotwin.missions.enums import MissionStatus
from innotwin.missions.models import Mission


@transaction.atomic
def publish_mission(*, mission: Mission) -> int:
    """Publish ``mission`` (it must be in review, that is solved) and email every participant their
    agenda once the transaction commits; returns how many participants will be emailed."""
    mission = Mission.objects.select_for_update().get(pk=mission.pk)
    if mission.status != MissionStatus.REVIEW:
        raise InvalidStateError(
            _("Only a solved mission in review can be published; %(title)s is %(status)s.")
            % {"title": mission.title, "status": mission.get_status_display()}
        )
    mission.status = MissionStatus.PUBLISHED
    mission.published_at = timezone.now()
    mission.save()
    transaction.on_commit(lambda: send_agenda(mission=mission))
    return mission.participants.exclude(email="").count()
