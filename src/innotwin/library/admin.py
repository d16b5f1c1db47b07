"""The library in the Django admin: for looking, status changes and deletion. Documents are added and their
texts changed through the library's pages, API or CLI, which extract, scan and index them."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from innotwin.library.models import CaseStudy, Document, DocumentTheme


class DocumentThemeInline(admin.TabularInline):
    model = DocumentTheme
    extra = 0


class CaseStudyInline(admin.StackedInline):
    """Shown, not edited here: a change must re-index the document (use the library's edit page)."""

    model = CaseStudy
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "status", "region", "language", "published_on")
    list_filter = ("kind", "status", "language")
    search_fields = ("title_en", "title_ko", "organisation")
    readonly_fields = (
        "title_en", "title_ko", "summary_en", "summary_ko", "file", "original_filename", "sha256",
        "file_format", "file_size", "pages", "text", "language", "indexed_at", "uploaded_by",
    )  # fmt: skip
    inlines = (DocumentThemeInline, CaseStudyInline)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
