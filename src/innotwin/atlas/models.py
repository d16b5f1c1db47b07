"""The atlas in the database: sources, indicators, industries, observations and known gaps.

Every observation is region × indicator × period (× industry) → value, with its unit, source, licence
and quality flag; nothing is shown without them.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from innotwin.atlas.enums import Quality
from innotwin.bilingual import pick
from innotwin.regions.models import Region


class Source(models.Model):
    key = models.CharField(max_length=64, primary_key=True)
    publisher = models.CharField(_("publisher"), max_length=200)
    dataset = models.CharField(_("dataset"), max_length=300)
    url = models.URLField(_("address"), max_length=500, blank=True)
    licence = models.CharField(_("licence"), max_length=200)
    via = models.CharField(_("obtained via"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["publisher", "dataset"]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.dataset}"


class Indicator(models.Model):
    code = models.CharField(max_length=64, primary_key=True)
    name_en = models.CharField(_("name in English"), max_length=200)
    name_ko = models.CharField(_("name in Korean"), max_length=200)
    definition_en = models.TextField(_("definition in English"))
    definition_ko = models.TextField(_("definition in Korean"))
    unit = models.CharField(_("unit"), max_length=64)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)

    @property
    def definition(self) -> str:
        return pick(en=self.definition_en, ko=self.definition_ko)


class Industry(models.Model):
    """A harmonised industry group (ISIC Rev.4 divisions, or a KOSIS GVA sector) in English and Korean."""

    classification = models.CharField(max_length=32)
    code = models.CharField(max_length=32)
    sections = models.CharField(_("ISIC sections"), max_length=32, blank=True)
    isic4_divisions = models.CharField(_("ISIC Rev.4 divisions"), max_length=100, blank=True)
    ksic10 = models.CharField(_("KSIC 10th revision codes"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=300)
    name_ko = models.CharField(_("name in Korean"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        ordering = ["classification", "code"]
        constraints = [
            models.UniqueConstraint(fields=["classification", "code"], name="unique_industry_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)


class Observation(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="observations")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations")
    period = models.PositiveSmallIntegerField(_("year"))
    industry_classification = models.CharField(max_length=32, blank=True)
    industry_code = models.CharField(max_length=32, blank=True)
    value = models.FloatField(_("value"))
    unit = models.CharField(_("unit"), max_length=64)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="observations")
    quality = models.CharField(_("quality"), max_length=16, choices=Quality.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["region", "indicator", "period", "industry_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "indicator", "period", "industry_classification", "industry_code"],
                name="unique_observation",
            )
        ]
        indexes = [models.Index(fields=["indicator", "period"]), models.Index(fields=["source"])]

    def __str__(self) -> str:
        return f"{self.region_id} {self.indicator_id} {self.period}: {self.value:g} {self.unit}"


class Gap(models.Model):
    """A value the atlas cannot provide, and why: shown on screen, never silently absent."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="gaps")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="gaps")
    period = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, null=True, blank=True, related_name="gaps")

    class Meta:
        verbose_name = _("gap")
        verbose_name_plural = _("gaps")
        ordering = ["region", "indicator"]

    def __str__(self) -> str:
        return f"{self.region_id} {self.indicator_id}: {self.reason}"


class BundleLoad(models.Model):
    """A bundle stored in this database, by content digest: the demo loads the same bundle only once, so
    re-running it neither costs time nor overwrites values a user imported since."""

    digest = models.CharField(max_length=64, primary_key=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("loaded bundle")
        verbose_name_plural = _("loaded bundles")

    def __str__(self) -> str:
        return self.digest
