from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "innotwin.matching"
    label = "matching"
    verbose_name = _("Partner matching")
    default_auto_field = "django.db.models.BigAutoField"
