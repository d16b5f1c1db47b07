"""The vocabularies of missions: states, agenda kinds, request priorities and answers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class AgendaKind(models.TextChoices):
    SITE_VISIT = "site_visit", _("Site visit")
    MOU_SIGNING = "mou_signing", _("MoU signing")
    PANEL = "panel", _("Panel")
    RECEPTION = "reception", _("Reception")
    BREAK = "break", _("Break")


class RequestPriority(models.TextChoices):
    MUST_MEET = "must_meet", _("Must meet")
    WOULD_LIKE = "would_like", _("Would like to meet")
    DECLINED = "declined", _("Declined")


class RequestSource(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    REGISTRY = "registry", _("From the registry")
    MATCHING = "matching", _("From a matching introduction")


class Side(models.TextChoices):
    GB = "GB", _("United Kingdom")
    KR = "KR", _("Republic of Korea")


LANGUAGES = {"en": _("English"), "ko": _("Korean")}
