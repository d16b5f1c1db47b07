"""Closed vocabularies of impact: units, directions, logic-model levels, statuses and currencies."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    COUNT = "count", _("number")
    PEOPLE = "people", _("people")
    JOBS = "jobs", _("jobs")
    EVENTS = "events", _("events")
    GBP = "gbp", _("pounds sterling (GBP)")
    TCO2E = "tco2e", _("tonnes of CO2 equivalent")


class Direction(models.TextChoices):
    INCREASE = "increase", _("More is better")
    DECREASE = "decrease", _("Less is better")


class Level(models.TextChoices):
    """Where a KPI sits in the logic model."""

    ACTIVITY = "activity", _("Activities")
    OUTPUT = "output", _("Outputs")
    OUTCOME = "outcome", _("Outcomes")
    IMPACT = "impact", _("Impacts")


class Status(models.TextChoices):
    """The same states as :class:`innotwin.core.impact.Status`."""

    REPORTED = "reported", _("Reported, awaiting verification")
    VERIFIED = "verified", _("Verified")
    DISPUTED = "disputed", _("Disputed")


class Currency(models.TextChoices):
    GBP = "GBP", _("Pounds sterling (GBP)")
    KRW = "KRW", _("Korean won (KRW)")


class Country(models.TextChoices):
    NONE = "", _("Both or not applicable")
    GB = "GB", _("United Kingdom")
    KR = "KR", _("Republic of Korea")
