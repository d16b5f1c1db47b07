"""Levels of the official geographies innotwin knows."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    """The same levels as :class:`innotwin.core.atlas.model.RegionLevel` (a test keeps them equal)."""

    COUNTRY = "country", _("Country")
    UK_ITL1 = "uk-itl1", _("UK ITL1 region")
    UK_ITL2 = "uk-itl2", _("UK ITL2 region")
    UK_ITL3 = "uk-itl3", _("UK ITL3 region")
    UK_LAD = "uk-lad", _("UK local authority")
    UK_COMBINED_AUTHORITY = "uk-combined-authority", _("UK combined authority / city region")
    KR_SIDO = "kr-sido", _("Korean province or metropolitan city (sido)")
    KR_SIGUNGU = "kr-sigungu", _("Korean city, county or district (sigungu)")
    OECD_TL2 = "oecd-tl2", _("OECD large region (TL2)")
    OECD_TL3 = "oecd-tl3", _("OECD small region (TL3)")
    OECD_METRO = "oecd-metro", _("OECD metropolitan area")
