"""Stored vectors of organisations' texts, expressions of interest, feedback and in-app notifications."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from innotwin.matching.enums import DeclineReason, FeedbackKind, InterestStatus, NotificationKind, VectorRole
from innotwin.organisations.models import Organisation


class TextVector(models.Model):
    """The embedding of one side (offers or needs) of an organisation's texts, with what made it.

    ``text_hash`` is the SHA-256 of the embedded text: a vector is made again only when the text, the
    embedder or the embedder's version changes.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="text_vectors")
    role = models.CharField(_("side"), max_length=8, choices=VectorRole.choices)
    embedder = models.CharField(_("embedder"), max_length=64)
    embedder_version = models.CharField(_("embedder version"), max_length=200)
    text_hash = models.CharField(_("text hash"), max_length=64)
    dim = models.PositiveIntegerField(_("dimensions"))
    vector = models.BinaryField(_("vector"))
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("text vector")
        verbose_name_plural = _("text vectors")
        ordering = ["organisation_id", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "role", "embedder"], name="unique_matching_vector_per_embedder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.role} {self.embedder}"


class Interest(models.Model):
    """An expression of interest from one organisation in another, and what became of it."""

    from_organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="interests_sent", verbose_name=_("from")
    )
    to_organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="interests_received", verbose_name=_("to")
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="interests_sent"
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=InterestStatus.choices, default=InterestStatus.PENDING
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    decline_reason = models.CharField(
        _("reason"), max_length=16, choices=DeclineReason.choices, blank=True, default=""
    )
    decline_note = models.TextField(_("note"), blank=True)
    reply = models.TextField(_("reply"), blank=True)
    meeting_requested_at = models.DateTimeField(_("meeting requested at"), null=True, blank=True)
    meeting_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    meeting_note = models.TextField(_("meeting request"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_organisation", "to_organisation"],
                condition=models.Q(status="pending"),
                name="one_pending_interest_per_direction",
            ),
            models.CheckConstraint(
                condition=~models.Q(from_organisation=models.F("to_organisation")),
                name="interest_not_in_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_organisation} → {self.to_organisation} ({self.status})"

    @property
    def introduced(self) -> bool:
        return self.status == InterestStatus.ACCEPTED


class Feedback(models.Model):
    """What an organisation thought of a suggested partner; used to re-rank its later matches."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="match_feedback")
    candidate = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("feedback"), max_length=12, choices=FeedbackKind.choices)
    reason = models.CharField(
        _("reason"), max_length=16, choices=DeclineReason.choices, blank=True, default=""
    )
    note = models.TextField(_("note"), blank=True)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("match feedback")
        verbose_name_plural = _("match feedback")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.kind} {self.candidate_id}"


class Notification(models.Model):
    """An in-app notice to one person (the same is sent by email)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=24, choices=NotificationKind.choices)
    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}"
