"""States of a twin pair, kinds of agreement, and the three pillars of collaboration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PairStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AgreementKind(models.TextChoices):
    PROGRAMME = "programme", _("Programme milestone")
    STATEMENT_OF_INTENT = "statement_of_intent", _("Statement of intent")
    MOU = "mou", _("Memorandum of understanding")
    ROADMAP = "roadmap", _("Roadmap")
    AGREEMENT = "agreement", _("Agreement")


class PillarCode(models.TextChoices):
    CIVIC = "civic", _("Civic and policy knowledge exchange")
    ACADEMIC = "academic", _("Academic collaboration on applied research")
    BUSINESS = "business", _("Business collaboration, trade and investment")
