"""Closed vocabularies of partner matching, with their translated labels (the codes of decline reasons and
feedback kinds are those of :mod:`innotwin.core.matching.feedback`; a test keeps them in step)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VectorRole(models.TextChoices):
    OFFER = "offer", _("What it offers")
    NEED = "need", _("What it seeks")


class InterestStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting a reply")
    ACCEPTED = "accepted", _("Accepted: introduced")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DeclineReason(models.TextChoices):
    NOT_RELEVANT = "not_relevant", _("Not relevant to what we do or seek")
    WRONG_TYPE = "wrong_type", _("Not the type of partner we seek")
    WRONG_SIZE = "wrong_size", _("Not the size of partner we seek")
    WRONG_REGION = "wrong_region", _("Not a place we work with")
    NOT_NOW = "not_now", _("Not now")
    OTHER = "other", _("Another reason")


class FeedbackKind(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    HIDDEN = "hidden", _("Hidden")


class NotificationKind(models.TextChoices):
    INTEREST_RECEIVED = "interest_received", _("Expression of interest received")
    INTEREST_ACCEPTED = "interest_accepted", _("Expression of interest accepted")
    INTEREST_DECLINED = "interest_declined", _("Expression of interest declined")
    MEETING_REQUESTED = "meeting_requested", _("Meeting requested")


COMPONENT_LABELS = {
    "text": _("What each offers and seeks"),
    "industry": _("Industry relatedness"),
    "themes": _("Themes and pillar"),
    "partner": _("Partner type and size sought"),
    "freshness": _("Recently updated"),
}

LINK_LABELS = {
    "same_division": _("same industry"),
    "proximity": _("related industries (atlas)"),
    "same_section": _("same industry section"),
}
