"""Countries and their official regions, named in English and Korean."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from innotwin.bilingual import pick
from innotwin.regions.enums import RegionLevel


class Country(models.Model):
    code = models.CharField(_("ISO 3166 code"), max_length=2, primary_key=True)
    name_en = models.CharField(_("name in English"), max_length=100)
    name_ko = models.CharField(_("name in Korean"), max_length=100)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)


class Region(models.Model):
    """An official region (ITL region, local authority, combined authority, sido, sigungu)."""

    code = models.CharField(_("official code"), max_length=20, primary_key=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="regions")
    level = models.CharField(_("level"), max_length=32, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    name_en = models.CharField(_("name in English"), max_length=200)
    name_ko = models.CharField(_("name in Korean"), max_length=200)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    oecd_tl2 = models.CharField(_("OECD TL2 code"), max_length=12, blank=True)
    oecd_tl3 = models.CharField(_("OECD TL3 code"), max_length=12, blank=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country", "name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)
