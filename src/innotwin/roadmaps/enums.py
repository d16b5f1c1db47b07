"""States and kinds of roadmaps, proposals, milestones, documents, agreements and suggestions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoadmapStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")
    SUPERSEDED = "superseded", _("Superseded")


class ProposalStage(models.TextChoices):
    """The same stages, in the same order, as :class:`innotwin.core.roadmaps.Stage`."""

    IDEA = "idea", _("Idea")
    SCOPING = "scoping", _("Scoping")
    SUBMITTED = "submitted", _("Proposal submitted")
    FUNDED = "funded", _("Funded")
    DELIVERING = "delivering", _("Delivering")
    COMPLETED = "completed", _("Completed")
    STALLED = "stalled", _("Stalled")
    DROPPED = "dropped", _("Dropped")


class PartnerRole(models.TextChoices):
    CO_LEAD = "co_lead", _("Co-lead")
    RESEARCH = "research", _("Research partner")
    INDUSTRY = "industry", _("Industry partner")
    PUBLIC = "public", _("Public-sector partner")
    FUNDER = "funder", _("Funder")
    ADVISER = "adviser", _("Adviser")


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class DocumentKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding")
    AGREEMENT = "agreement", _("Agreement")
    BID = "bid", _("Bid")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class AgreementStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    IN_NEGOTIATION = "in_negotiation", _("In negotiation")
    EXPIRED = "expired", _("Expired")
    ENDED = "ended", _("Ended")


class SuggestionDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")
