"""Expressions of interest: sent, accepted or declined (with a reason), introductions, meeting requests,
and feedback on suggested partners. Every verb checks permission, writes in one transaction and notifies
the other side in the app and by email."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.accounts.permissions import Action, require_permission
from innotwin.core.errors import DataError, InvalidStateError, Problem
from innotwin.matching.enums import DeclineReason, FeedbackKind, InterestStatus, NotificationKind
from innotwin.matching.models import Feedback, Interest, Notification
from innotwin.organisations.enums import ConsentPurpose
from innotwin.organisations.models import Organisation, Person

logger = logging.getLogger(__name__)
MAX_MESSAGE = 2000


def _text(value: str, field: str) -> str:
    value = (value or "").strip()
    if len(value) > MAX_MESSAGE:
        raise DataError([Problem(_("Write at most %(n)d characters.") % {"n": MAX_MESSAGE}, field=field)])
    return value


def _recipients(organisation: Organisation, *, besides: User | None = None) -> list[User]:
    return [
        user
        for user in organisation.members.filter(is_active=True)
        if besides is None or user.pk != besides.pk
    ]


def notification_text(kind: str, interest: Interest) -> str:
    """The one-line notice of ``kind`` in the active language."""
    templates = {
        NotificationKind.INTEREST_RECEIVED: _("%(from)s is interested in partnering with %(to)s"),
        NotificationKind.INTEREST_ACCEPTED: _("%(to)s accepted the interest of %(from)s: you are introduced"),
        NotificationKind.INTEREST_DECLINED: _("%(to)s declined the interest of %(from)s"),
        NotificationKind.MEETING_REQUESTED: _("A meeting is requested between %(from)s and %(to)s"),
    }
    return templates[NotificationKind(kind)] % {
        "from": interest.from_organisation.name,
        "to": interest.to_organisation.name,
    }


def _notify(users: Iterable[User], kind: str, interest: Interest) -> None:
    for user in users:
        Notification.objects.create(user=user, kind=kind, interest=interest)
        language = user.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            subject = notification_text(kind, interest)
            link = reverse("matching:interest", kwargs={"pk": interest.pk})
            body = "\n\n".join(
                [
                    subject,
                    _("Open it in innotwin: %(link)s") % {"link": link},
                    _("This message was sent by innotwin."),
                ]
            )

        def send(subject: str = subject, body: str = body, address: str = user.email) -> None:
            try:
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
            except (
                OSError
            ):  # the notice is in the app already; a mail server being down is not the user's error
                logger.warning("Could not send the matching notice to %s", address, exc_info=True)

        transaction.on_commit(send)


@transaction.atomic
def express_interest(
    *,
    actor: User,
    from_organisation: Organisation,
    to_organisation: Organisation,
    message: str = "",
) -> Interest:
    """``actor``, a member of ``from_organisation``, tells ``to_organisation`` it wants to partner."""
    require_permission(actor, Action.ACT_ON_MATCHES, from_organisation)
    if from_organisation.pk == to_organisation.pk:
        raise InvalidStateError(_("An organisation cannot express interest in itself."))
    if Interest.objects.filter(
        from_organisation=from_organisation, to_organisation=to_organisation, status=InterestStatus.PENDING
    ).exists():
        raise InvalidStateError(
            _("You have already expressed interest in this organisation; wait for its reply.")
        )
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                from_organisation=from_organisation,
                to_organisation=to_organisation,
                sent_by=actor,
                message=_text(message, "message"),
            )
    except IntegrityError as error:
        raise InvalidStateError(
            _("You have already expressed interest in this organisation; wait for its reply.")
        ) from error
    _notify(_recipients(to_organisation), NotificationKind.INTEREST_RECEIVED, interest)
    return interest


def _pending(interest: Interest) -> None:
    if interest.status != InterestStatus.PENDING:
        raise InvalidStateError(
            _("This expression of interest has already been answered (%(status)s).")
            % {"status": interest.get_status_display()}
        )


@transaction.atomic
def accept_interest(*, actor: User, interest: Interest, reply: str = "") -> Interest:
    """A member of the receiving organisation accepts: both sides are introduced."""
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    require_permission(actor, Action.ACT_ON_MATCHES, interest.to_organisation)
    _pending(interest)
    interest.status = InterestStatus.ACCEPTED
    interest.responded_by, interest.responded_at = actor, timezone.now()
    interest.reply = _text(reply, "reply")
    interest.save()
    for org, other in (
        (interest.to_organisation, interest.from_organisation),
        (interest.from_organisation, interest.to_organisation),
    ):
        Feedback.objects.create(organisation=org, candidate=other, kind=FeedbackKind.ACCEPTED, given_by=actor)
    _notify(_recipients(interest.from_organisation), NotificationKind.INTEREST_ACCEPTED, interest)
    return interest


@transaction.atomic
def decline_interest(*, actor: User, interest: Interest, reason: str, note: str = "") -> Interest:
    """A member of the receiving organisation declines, with a reason (which re-ranks both sides)."""
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    require_permission(actor, Action.ACT_ON_MATCHES, interest.to_organisation)
    _pending(interest)
    if reason not in DeclineReason.values:
        raise DataError([Problem(_("Choose a reason for declining."), field="reason")])
    interest.status = InterestStatus.DECLINED
    interest.responded_by, interest.responded_at = actor, timezone.now()
    interest.decline_reason, interest.decline_note = reason, _text(note, "note")
    interest.save()
    # The receiver judged the sender by this reason; for the sender the match is not good either, whatever
    # the reason ("not now" stays "not now"; a mismatch of what the receiver seeks is "not relevant" to it).
    Feedback.objects.create(
        organisation=interest.to_organisation,
        candidate=interest.from_organisation,
        kind=FeedbackKind.DECLINED,
        reason=reason,
        note=interest.decline_note,
        given_by=actor,
    )
    Feedback.objects.create(
        organisation=interest.from_organisation,
        candidate=interest.to_organisation,
        kind=FeedbackKind.DECLINED,
        reason=DeclineReason.NOT_NOW if reason == DeclineReason.NOT_NOW else DeclineReason.OTHER,
        given_by=None,
    )
    _notify(_recipients(interest.from_organisation), NotificationKind.INTEREST_DECLINED, interest)
    return interest


@transaction.atomic
def withdraw_interest(*, actor: User, interest: Interest) -> Interest:
    """The sender takes back an unanswered expression of interest."""
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    require_permission(actor, Action.ACT_ON_MATCHES, interest.from_organisation)
    _pending(interest)
    interest.status = InterestStatus.WITHDRAWN
    interest.save()
    return interest


@transaction.atomic
def request_meeting(*, actor: User, interest: Interest, note: str = "") -> Interest:
    """After an introduction, either side asks to meet; the intent is stored (and can feed a mission)."""
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    sides = (interest.from_organisation, interest.to_organisation)
    mine = [org for org in sides if org.members.filter(pk=actor.pk).exists()]
    if not mine:
        require_permission(actor, Action.ACT_ON_MATCHES, interest.to_organisation)
    if interest.status != InterestStatus.ACCEPTED:
        raise InvalidStateError(_("A meeting can be requested only after an introduction."))
    if interest.meeting_requested_at is not None:
        raise InvalidStateError(_("A meeting has already been requested."))
    interest.meeting_requested_at, interest.meeting_requested_by = timezone.now(), actor
    interest.meeting_note = _text(note, "note")
    interest.save()
    other = interest.to_organisation if mine[0] == interest.from_organisation else interest.from_organisation
    _notify(_recipients(other), NotificationKind.MEETING_REQUESTED, interest)
    return interest


@transaction.atomic
def give_feedback(
    *,
    actor: User,
    organisation: Organisation,
    candidate: Organisation,
    kind: str,
    reason: str = "",
    note: str = "",
) -> Feedback:
    """``actor`` judges a partner suggested to ``organisation``: accepted, declined or hidden."""
    require_permission(actor, Action.ACT_ON_MATCHES, organisation)
    if kind not in FeedbackKind.values:
        raise DataError([Problem(_("Choose accepted, declined or hidden."), field="kind")])
    if kind == FeedbackKind.DECLINED and reason not in DeclineReason.values:
        raise DataError([Problem(_("Choose a reason for declining."), field="reason")])
    if organisation.pk == candidate.pk:
        raise InvalidStateError(_("An organisation cannot judge itself as a partner."))
    return Feedback.objects.create(
        organisation=organisation,
        candidate=candidate,
        kind=kind,
        reason=reason if kind == FeedbackKind.DECLINED else "",
        note=_text(note, "note"),
        given_by=actor,
    )


@dataclass(frozen=True)
class Contact:
    full_name: str
    job_title: str
    email: str
    phone: str


def introduction_contacts(interest: Interest, organisation: Organisation) -> list[Contact]:
    """The contacts of ``organisation`` revealed by an accepted interest: only people who consented to be
    listed as contacts, and never erased ones."""
    if interest.status != InterestStatus.ACCEPTED or organisation.pk not in (
        interest.from_organisation_id,
        interest.to_organisation_id,
    ):
        return []
    people = Person.objects.filter(organisation=organisation, erased_at__isnull=True).prefetch_related(
        "consents"
    )
    return [
        Contact(person.full_name, person.job_title, person.email, person.phone)
        for person in people
        if person.has_consent(ConsentPurpose.LISTED_CONTACT)
    ]
