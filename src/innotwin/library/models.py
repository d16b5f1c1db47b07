"""The knowledge library: documents and case studies, their extracted text and searchable passages."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from innotwin.bilingual import pick
from innotwin.library.enums import CASE_STUDY_PARTS, DocumentKind, DocumentStatus, TextLanguage
from innotwin.library.themes import theme_name
from innotwin.pairs.models import Pillar, TwinPair
from innotwin.regions.models import Region


def _upload_path(document: Document, filename: str) -> str:
    # Files are stored under their content hash: no name from the uploader reaches the file system
    # except the last component, which Django's storage has already made safe.
    return f"library/{document.sha256[:2]}/{document.sha256}/{filename}"


class Document(models.Model):
    """A policy brief, case study, strategy, roadmap, evaluation or dataset note, in English and/or Korean."""

    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    title_ko = models.CharField(_("title in Korean"), max_length=300, blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_ko = models.TextField(_("summary in Korean"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=DocumentKind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("city or region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="library_documents",
    )
    pillar = models.ForeignKey(
        Pillar, verbose_name=_("pillar"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_on = models.DateField(_("date"), null=True, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    pairs = models.ManyToManyField(
        TwinPair, verbose_name=_("twin pairs it informs"), related_name="library_documents", blank=True
    )
    file = models.FileField(_("original file"), upload_to=_upload_path, max_length=400, blank=True)
    original_filename = models.CharField(_("file name"), max_length=255, blank=True)
    file_format = models.CharField(_("file format"), max_length=12, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0)
    sha256 = models.CharField(max_length=64, db_index=True, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    text = models.TextField(_("extracted text"), blank=True)
    language = models.CharField(
        _("language"), max_length=3, choices=TextLanguage.choices, default=TextLanguage.UNDETERMINED
    )
    extraction_notes = models.TextField(_("extraction notes"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="library_documents",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    indexed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        ordering = [models.F("published_on").desc(nulls_last=True), "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(en=self.title_en, ko=self.title_ko) or self.original_filename

    @property
    def summary(self) -> str:
        return pick(en=self.summary_en, ko=self.summary_ko)

    @property
    def theme_ids(self) -> list[str]:
        return [item.theme for item in self.themes.all()]

    @property
    def theme_names(self) -> list[str]:
        return [theme_name(item.theme) for item in self.themes.all()]


class DocumentTheme(models.Model):
    """One collaboration theme of a document (ids from the theme taxonomy)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(_("theme"), max_length=40, db_index=True)

    class Meta:
        verbose_name = _("document theme")
        verbose_name_plural = _("document themes")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["document", "theme"], name="unique_document_theme")]

    def __str__(self) -> str:
        return theme_name(self.theme)


class CaseStudy(models.Model):
    """The structured parts of a case study, so that cases can be compared and transferred."""

    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="case_study")
    challenge_en = models.TextField(_("challenge in English"), blank=True)
    challenge_ko = models.TextField(_("challenge in Korean"), blank=True)
    approach_en = models.TextField(_("approach in English"), blank=True)
    approach_ko = models.TextField(_("approach in Korean"), blank=True)
    results_en = models.TextField(_("results in English"), blank=True)
    results_ko = models.TextField(_("results in Korean"), blank=True)
    costs_en = models.TextField(_("costs in English"), blank=True)
    costs_ko = models.TextField(_("costs in Korean"), blank=True)
    lessons_en = models.TextField(_("lessons in English"), blank=True)
    lessons_ko = models.TextField(_("lessons in Korean"), blank=True)
    contacts = models.TextField(
        _("contacts"), blank=True, help_text=_("Organisations or public offices to ask; no private details.")
    )

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def __str__(self) -> str:
        return str(self.document)

    def parts(self) -> list[tuple[str, str, str]]:
        """(stem, label, text in the reader's language) of every part that has text."""
        rows = []
        for stem, label in CASE_STUDY_PARTS:
            text = pick(en=getattr(self, f"{stem}_en"), ko=getattr(self, f"{stem}_ko"))
            if text:
                rows.append((stem, str(label), text))
        return rows


class Passage(models.Model):
    """A searchable window of a document's text, with its vector and the embedder that made it.

    ``source`` names the text the passage comes from (``text`` for the extracted text, ``about_en`` /
    ``about_ko`` for title and summary, ``challenge_en`` … for case-study parts); ``start``/``end`` are
    offsets in that text, for highlighting.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="passages")
    position = models.PositiveIntegerField()
    source = models.CharField(max_length=24)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    language = models.CharField(max_length=3, choices=TextLanguage.choices)
    terms = models.TextField(help_text="Analysed lexical terms, separated by spaces.")
    vector = models.BinaryField()
    embedder = models.CharField(max_length=60)
    embedder_version = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("passage")
        verbose_name_plural = _("passages")
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="unique_passage_position")
        ]

    def __str__(self) -> str:
        return f"{self.document_id}:{self.position}"
