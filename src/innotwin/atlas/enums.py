"""How directly a value comes from its publisher (the values of ``innotwin.core.atlas.model.Quality``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Quality(models.TextChoices):
    OFFICIAL = "official", _("Official statistic")
    DERIVED = "derived", _("Derived from official statistics")
    PROXY = "proxy", _("Proxy")
