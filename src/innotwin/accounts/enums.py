"""Roles a signed-in person can hold."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A person's role in the programme. Anonymous visitors have no account and so no role."""

    PROGRAMME_ADMIN = "programme_admin", _("Programme administrator")
    PAIR_COORDINATOR = "pair_coordinator", _("Pair coordinator")
    ORGANISATION_MEMBER = "organisation_member", _("Organisation member")
