"""The one place that moves an opportunity profile between statuses, checking the move is allowed."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import InvalidStateError
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.enums import ProfileStatus
from innotwin.organisations.models import OpportunityProfile

S = ProfileStatus
ALLOWED: dict[tuple[str, str], str] = {
    (S.DRAFT, S.SUBMITTED): "profile.submitted",
    (S.SUBMITTED, S.PUBLISHED): "profile.published",
    (S.SUBMITTED, S.DRAFT): "profile.returned",
    (S.PUBLISHED, S.EXPIRED): "profile.expired",
    (S.DRAFT, S.WITHDRAWN): "profile.withdrawn",
    (S.SUBMITTED, S.WITHDRAWN): "profile.withdrawn",
    (S.PUBLISHED, S.WITHDRAWN): "profile.withdrawn",
}
"""Every allowed move (from, to) and the audit action it records: draft → submitted → published →
expired, back from submitted to draft when a moderator returns it, and withdrawn from any open status."""


def move(
    profile: OpportunityProfile,
    to: ProfileStatus,
    *,
    actor: User | None,
    note: str = "",
    actor_label: str = SYSTEM,
) -> OpportunityProfile:
    """Move ``profile`` to status ``to``; :class:`InvalidStateError` when the move is not allowed."""
    action = ALLOWED.get((profile.status, to))
    if action is None:
        raise InvalidStateError(
            _("A profile that is %(current)s cannot become %(target)s.")
            % {"current": profile.get_status_display().lower(), "target": S(to).label.lower()}
        )
    if to == S.SUBMITTED and profile.expires_on <= timezone.localdate():
        raise InvalidStateError(_("The profile's expiry date has passed; change it before submitting."))
    before = profile.status
    profile.status = to
    now = timezone.now()
    fields = ["status", "updated_at"]
    if to == S.SUBMITTED:
        profile.submitted_at = now
        fields.append("submitted_at")
    if to == S.PUBLISHED:
        profile.published_at = now
        fields.append("published_at")
    if to in {S.PUBLISHED, S.DRAFT} and before == S.SUBMITTED:
        profile.moderation_note = note
        fields.append("moderation_note")
    profile.save(update_fields=fields)
    changes: dict[str, object] = {"status": [before, to]}
    if note:
        changes["note"] = note
    record_audit(actor=actor, action=action, obj=profile, changes=changes, actor_label=actor_label)
    return profile
