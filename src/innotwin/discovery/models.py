"""The evidence a discovered pair was proposed on, stored with the twin pair it created."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from innotwin.pairs.models import TwinPair


class PairEvidence(models.Model):
    """A frozen snapshot of a pair's explanation when it was proposed: score, rank, robustness, the
    weight profile, every input value with its source and year, and the atlas version it rests on."""

    pair = models.ForeignKey(TwinPair, on_delete=models.CASCADE, related_name="discovery_evidence")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    profile = models.CharField(_("weight profile"), max_length=100)
    total = models.FloatField(_("score"), null=True, blank=True)
    rank = models.PositiveIntegerField(_("rank"))
    pairs_ranked = models.PositiveIntegerField(_("pairs ranked"))
    top_k_probability = models.FloatField(_("probability of staying in the top k"))
    atlas_fingerprint = models.CharField(_("atlas version"), max_length=32)
    snapshot = models.JSONField(_("evidence"))

    class Meta:
        verbose_name = _("pair evidence")
        verbose_name_plural = _("pair evidence")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.pair} ({self.profile}, {self.created_at:%Y-%m-%d})"
