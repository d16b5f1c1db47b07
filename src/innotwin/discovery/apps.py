from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    name = "innotwin.discovery"
    verbose_name = _("City-pair discovery")
