"""Bring a colleague into an organisation by their email address: an existing account joins it; otherwise
an account is created and its owner invited by email to choose a password, through the same signed link
as a password reset (:mod:`django.contrib.auth.tokens`, the accounts app's ``password_reset_confirm``)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.core.errors import ConfigurationError, DataError, Problem
from innotwin.organisations.domain.add_member import add_member
from innotwin.organisations.domain.record_audit import SYSTEM
from innotwin.organisations.models import Organisation

LANGUAGES = ("en", "ko")


@dataclass(frozen=True)
class MemberAdded:
    user: User
    invited: bool
    """Whether the account was created now (and its owner sent an invitation to choose a password)."""


def _checked(email: str, full_name: str, language: str) -> tuple[str, str]:
    problems = []
    email = email.strip().lower()
    full_name = full_name.strip()
    if not email:
        problems.append(Problem(_("Give the email address of the person to add."), field="email"))
    else:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(Problem(_("Enter a valid email address."), field="email"))
    if len(full_name) > 200:
        problems.append(Problem(_("Write at most %(n)d characters.") % {"n": 200}, field="full_name"))
    if language not in LANGUAGES:
        problems.append(Problem(_("The language must be en or ko."), field="language"))
    if problems:
        raise DataError(problems)
    return email, full_name


def _set_password_link(user: User, base_url: str) -> str:
    """The one-time link to choose a password: the password reset's signed token, in the active language."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return base_url.rstrip("/") + path


def _send(
    *, user: User, language: str, template: str, organisation: Organisation, actor: User | None, link: str
) -> None:
    with translation.override(language):
        context = {
            "organisation": organisation.name,
            "inviter": (actor.full_name or actor.email) if actor is not None else "",
            "link": link,
            "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        }
        subject = render_to_string(f"organisations/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"organisations/email/{template}.txt", context)
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        except OSError as error:  # smtplib's errors are OSErrors: the mail server is down or misconfigured
            raise ConfigurationError(
                _(
                    "The email to %(email)s could not be sent (the mail server did not accept it), so "
                    "nothing was changed. Try again later, or ask an administrator to check the email "
                    "settings."
                )
                % {"email": user.email}
            ) from error


@transaction.atomic
def add_member_by_email(
    *,
    actor: User | None,
    organisation: Organisation,
    email: str,
    base_url: str,
    full_name: str = "",
    language: str = "en",
    actor_label: str = SYSTEM,
) -> MemberAdded:
    """Make the person with ``email`` a member of ``organisation`` and tell them by email.

    Without an account, one is created (role: organisation member; ``full_name``; ``language`` as their
    preferred language) and the email invites them to choose a password through a link to ``base_url``
    (the site's address, e.g. ``https://innotwin.example``). An existing account keeps its name and
    language; its owner is told in their language. Nothing is stored when the email cannot be sent.
    """
    email, full_name = _checked(email, full_name, language)
    user = User.objects.filter(email=email).first()
    if user is not None and not user.is_active:
        raise DataError(
            [Problem(_("The account with this email address is closed; it cannot be added."), field="email")]
        )
    if user is not None and organisation.members.filter(pk=user.pk).exists():
        raise DataError(
            [
                Problem(
                    _("%(email)s is already a member of %(organisation)s.")
                    % {"email": email, "organisation": organisation.name},
                    field="email",
                )
            ]
        )
    invited = user is None
    if user is None:
        # A random password nobody is told keeps the account able to use "Forgot your password?" later;
        # the invitation's link replaces it with the person's own.
        user, _one_time = create_user(
            email=email,
            role=Role.ORGANISATION_MEMBER,
            full_name=full_name,
            password=secrets.token_urlsafe(32),
        )
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    add_member(actor=actor, organisation=organisation, user=user, invited=invited, actor_label=actor_label)
    language = user.preferred_language if user.preferred_language in LANGUAGES else "en"
    with translation.override(language):
        if invited:
            link = _set_password_link(user, base_url)
        else:
            link = base_url.rstrip("/") + reverse("organisations:detail", kwargs={"slug": organisation.slug})
    _send(
        user=user,
        language=language,
        template="member_invited" if invited else "member_added",
        organisation=organisation,
        actor=actor,
        link=link,
    )
    return MemberAdded(user=user, invited=invited)
