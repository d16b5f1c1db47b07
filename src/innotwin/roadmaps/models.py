"""Roadmaps of twin pairs, their joint proposals (the pipeline), funding calls, the agreements register
and the history of every change."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innotwin.bilingual import pick
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import Agreement, Pillar, TwinPair
from innotwin.roadmaps.enums import (
    AgreementStatus,
    DocumentKind,
    MilestoneStatus,
    PartnerRole,
    ProposalStage,
    RoadmapStatus,
    SuggestionDecision,
)


class Theme(models.Model):
    """A theme of the managed taxonomy (ids shared with the discovery engine's theme map)."""

    code = models.CharField(_("code"), max_length=40, primary_key=True)
    name_en = models.CharField(_("name in English"), max_length=120)
    name_ko = models.CharField(_("name in Korean"), max_length=120)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)


def _signed_path(roadmap: Roadmap, filename: str) -> str:
    return f"roadmaps/{roadmap.pair_id}/signed/{roadmap.version}/{filename}"


class Roadmap(models.Model):
    """One version of a pair's roadmap: draft → signed (date, signatories, document) → superseded."""

    pair = models.ForeignKey(TwinPair, on_delete=models.CASCADE, related_name="roadmaps")
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=RoadmapStatus.choices, default=RoadmapStatus.DRAFT
    )
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    title_ko = models.CharField(_("title in Korean"), max_length=300, blank=True)
    vision_en = models.TextField(_("vision in English"), blank=True)
    vision_ko = models.TextField(_("vision in Korean"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="roadmaps", blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signatories_uk = models.TextField(_("signatories on the UK side"), blank=True)
    signatories_kr = models.TextField(_("signatories on the Korean side"), blank=True)
    signed_document = models.FileField(
        _("signed document"), upload_to=_signed_path, blank=True, max_length=300
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")
        ordering = ["pair", "-version"]
        constraints = [models.UniqueConstraint(fields=["pair", "version"], name="unique_roadmap_version")]

    def __str__(self) -> str:
        return f"{self.pair.slug} v{self.version}"

    @property
    def title(self) -> str:
        return pick(en=self.title_en, ko=self.title_ko)

    @property
    def vision(self) -> str:
        return pick(en=self.vision_en, ko=self.vision_ko)


class Objective(models.Model):
    """A roadmap objective with its target date, under one pillar and one theme."""

    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="objectives")
    title_en = models.CharField(_("objective in English"), max_length=300, blank=True)
    title_ko = models.CharField(_("objective in Korean"), max_length=300, blank=True)
    pillar = models.ForeignKey(Pillar, verbose_name=_("pillar"), on_delete=models.PROTECT, related_name="+")
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="objectives"
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(en=self.title_en, ko=self.title_ko)


class FundingCall(models.Model):
    """A funding call proposals can target, with its rules."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    name_ko = models.CharField(_("name in Korean"), max_length=300, blank=True)
    funder = models.CharField(_("funder"), max_length=300, blank=True)
    bilateral = models.BooleanField(
        _("bilateral"),
        default=False,
        help_text=_("Proposals need at least one partner in the United Kingdom and one in Korea."),
    )
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    url = models.URLField(_("web page"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        ordering = [models.F("closes_on").asc(nulls_last=True), "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)


class Proposal(models.Model):
    """A joint project of a pair, moving through the pipeline."""

    pair = models.ForeignKey(TwinPair, on_delete=models.CASCADE, related_name="proposals")
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    title_ko = models.CharField(_("title in Korean"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_ko = models.TextField(_("summary in Korean"), blank=True)
    pillar = models.ForeignKey(
        Pillar, verbose_name=_("pillar"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    lead_uk = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation in the UK"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals_led_uk",
    )
    lead_kr = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation in Korea"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals_led_kr",
    )
    funding_call = models.ForeignKey(
        FundingCall,
        verbose_name=_("funding call"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals",
    )
    budget_gbp = models.DecimalField(
        _("budget in GBP"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    budget_krw = models.DecimalField(
        _("budget in KRW"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    exchange_rate = models.DecimalField(
        _("exchange rate (KRW per GBP)"), max_digits=12, decimal_places=4, null=True, blank=True
    )
    rate_date = models.DateField(_("date of the exchange rate"), null=True, blank=True)
    stage = models.CharField(
        _("stage"), max_length=12, choices=ProposalStage.choices, default=ProposalStage.IDEA
    )
    stage_reason = models.TextField(_("reason"), blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    suggestion_key = models.CharField(max_length=80, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["pair", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(title_en="") & models.Q(title_ko="")), name="proposal_has_a_title"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(en=self.title_en, ko=self.title_ko)

    @property
    def summary(self) -> str:
        return pick(en=self.summary_en, ko=self.summary_ko)

    def partner_organisations(self) -> list[Organisation]:
        """The leads and every partner, each once."""
        found = {org.pk: org for org in (self.lead_uk, self.lead_kr) if org is not None}
        for partner in self.partners.all():
            found.setdefault(partner.organisation_id, partner.organisation)
        return list(found.values())


class ProposalPartner(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="proposal_partners",
    )
    role = models.CharField(_("role"), max_length=16, choices=PartnerRole.choices)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "organisation"], name="unique_proposal_partner")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Milestone(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="milestones")
    title_en = models.CharField(_("milestone in English"), max_length=300, blank=True)
    title_ko = models.CharField(_("milestone in Korean"), max_length=300, blank=True)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=12, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(en=self.title_en, ko=self.title_ko)

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.status == MilestoneStatus.PLANNED and self.due_on < (today or timezone.localdate())


def _document_path(document: ProposalDocument, filename: str) -> str:
    return f"roadmaps/proposals/{document.proposal_id}/{filename}"


class ProposalDocument(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("type"), max_length=12, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=_document_path, max_length=300)
    original_filename = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("file size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("proposal document")
        verbose_name_plural = _("proposal documents")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.original_filename


#: Names of the records a change can be about.
RECORD_LABELS = {
    "proposal": _("Proposal"),
    "milestone": _("Milestone"),
    "document": _("Document"),
    "roadmap": _("Roadmap"),
    "objective": _("Objective"),
}


class Change(models.Model):
    """One field of one record changed: who, when, the old and the new value (as text)."""

    pair = models.ForeignKey(TwinPair, on_delete=models.CASCADE, related_name="roadmap_changes")
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, null=True, blank=True, related_name="changes"
    )
    record = models.CharField(_("record"), max_length=40)
    record_id = models.PositiveIntegerField()
    field = models.CharField(_("field"), max_length=60)
    old = models.TextField(_("old value"), blank=True)
    new = models.TextField(_("new value"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=120, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("change")
        verbose_name_plural = _("changes")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["record", "record_id"], name="roadmap_change_record")]

    def __str__(self) -> str:
        return f"{self.record}:{self.record_id}.{self.field}"

    @property
    def record_label(self) -> str:
        return str(RECORD_LABELS.get(self.record, self.record))

    @property
    def field_label(self) -> str:
        """The changed field's name in the reader's language (its model field's verbose name)."""
        model = {
            "proposal": Proposal,
            "milestone": Milestone,
            "document": ProposalDocument,
            "roadmap": Roadmap,
            "objective": Objective,
        }.get(self.record)
        if self.field == "partners":
            return str(_("partners"))
        if self.field == "file":
            return str(_("file"))
        try:
            name = str(model._meta.get_field(self.field).verbose_name) if model else self.field
        except FieldDoesNotExist:
            return self.field
        return name[:1].upper() + name[1:]


class AgreementDetails(models.Model):
    """The register's facts about one of the pair's agreements (:class:`pairs.Agreement`): its status,
    expiry, the organisations that are parties and the roadmap themes it serves."""

    agreement = models.OneToOneField(Agreement, on_delete=models.CASCADE, related_name="register")
    status = models.CharField(
        _("status"), max_length=16, choices=AgreementStatus.choices, default=AgreementStatus.IN_FORCE
    )
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="agreements", blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations that are parties"), related_name="agreements", blank=True
    )

    class Meta:
        verbose_name = _("agreement register entry")
        verbose_name_plural = _("agreement register entries")

    def __str__(self) -> str:
        return str(self.agreement)


class Suggestion(models.Model):
    """A coordinator's decision on a suggested proposal: accepted (with the idea it became) or dismissed
    with a reason. A decided suggestion is never suggested again."""

    pair = models.ForeignKey(TwinPair, on_delete=models.CASCADE, related_name="suggestion_decisions")
    key = models.CharField(max_length=80)
    decision = models.CharField(_("decision"), max_length=12, choices=SuggestionDecision.choices)
    reason = models.TextField(_("reason"), blank=True)
    proposal = models.ForeignKey(Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("suggestion decision")
        verbose_name_plural = _("suggestion decisions")
        ordering = ["-decided_at"]
        constraints = [models.UniqueConstraint(fields=["pair", "key"], name="unique_suggestion_decision")]

    def __str__(self) -> str:
        return f"{self.pair_id}:{self.key}"
