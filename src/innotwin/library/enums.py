"""Kinds and states of library documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    POLICY_BRIEF = "policy_brief", _("Policy brief")
    CASE_STUDY = "case_study", _("Case study")
    STRATEGY = "strategy", _("Strategy")
    ROADMAP = "roadmap", _("Roadmap")
    EVALUATION = "evaluation", _("Evaluation")
    DATASET_NOTE = "dataset_note", _("Dataset note")


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class TextLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    KOREAN = "ko", _("Korean")
    UNDETERMINED = "und", _("Undetermined")


# The structured parts of a case study, in reading order: (field stem, label).
CASE_STUDY_PARTS = (
    ("challenge", _("Challenge")),
    ("approach", _("Approach")),
    ("results", _("Results")),
    ("costs", _("Costs")),
    ("lessons", _("Lessons")),
)
