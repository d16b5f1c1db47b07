"""Twin pairs of city regions, the pillars they collaborate in, and the agreements they sign."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from innotwin.bilingual import pick
from innotwin.pairs.enums import AgreementKind, PairStatus, PillarCode
from innotwin.regions.models import Region


class Pillar(models.Model):
    """One of the three pillars of collaboration: civic/policy, academic, business."""

    code = models.CharField(max_length=16, primary_key=True, choices=PillarCode.choices)
    name_en = models.CharField(_("name in English"), max_length=100)
    name_ko = models.CharField(_("name in Korean"), max_length=100)
    description_en = models.TextField(_("description in English"))
    description_ko = models.TextField(_("description in Korean"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)

    @property
    def description(self) -> str:
        return pick(en=self.description_en, ko=self.description_ko)


class TwinPair(models.Model):
    """Two city regions in two countries that partner for the long term."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    region_a = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="pairs_as_a")
    region_b = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="pairs_as_b")
    status = models.CharField(
        _("status"), max_length=16, choices=PairStatus.choices, default=PairStatus.PROPOSED
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_ko = models.TextField(_("summary in Korean"), blank=True)
    pillars = models.ManyToManyField(Pillar, related_name="pairs", blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="coordinated_pairs", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("twin pair")
        verbose_name_plural = _("twin pairs")
        ordering = [models.F("started_on").asc(nulls_last=True), "slug"]
        constraints = [
            models.UniqueConstraint(fields=["region_a", "region_b"], name="unique_twin_pair_regions"),
            models.CheckConstraint(
                condition=~models.Q(region_a=models.F("region_b")), name="twin_pair_regions_differ"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"{self.region_a.name} – {self.region_b.name}"

    @property
    def summary(self) -> str:
        return pick(en=self.summary_en, ko=self.summary_ko)


class Agreement(models.Model):
    """A signed or recorded milestone of a pair: statement of intent, MoU, roadmap, agreement."""

    pair = models.ForeignKey(TwinPair, on_delete=models.CASCADE, related_name="agreements")
    kind = models.CharField(_("kind"), max_length=32, choices=AgreementKind.choices)
    title_en = models.CharField(_("title in English"), max_length=300)
    title_ko = models.CharField(_("title in Korean"), max_length=300, blank=True)
    signed_on = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"),
        max_length=8,
        choices=[("day", _("day")), ("month", _("month")), ("year", _("year"))],
        default="day",
    )
    parties = models.TextField(_("parties"), blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["signed_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(en=self.title_en, ko=self.title_ko)
