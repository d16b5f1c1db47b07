from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, InvalidStateError, Problem
from innotwin.core.library import Limits, extract
from innotwin.library.domain._common import (
    case_study_values,
    check_metadata,
    document_sources,
    index_document,
    set_themes,
)
from innotwin.library.domain.add_document import store_file
from innotwin.library.enums import DocumentStatus
from innotwin.library.models import CaseStudy, Document
from innotwin.library.scanning import scan

EDITABLE = frozenset(
    {
        "title_en",
        "title_ko",
        "summary_en",
        "summary_ko",
        "kind",
        "organisation",
        "region",
        "themes",
        "pillar",
        "published_on",
        "licence",
        "source_url",
        "pairs",
        "case_study",
        "status",
    }
)


@transaction.atomic
def update_document(
    *,
    document: Document,
    changes: Mapping[str, Any],
    data: bytes | None = None,
    filename: str = "",
    limits: Limits | None = None,
) -> Document:
    """Change a document's metadata (the keys of ``changes``) and optionally replace its file; re-indexes
    it only when a searched text changed."""
    unknown = sorted(set(changes) - EDITABLE)
    if unknown:
        raise DataError(
            [Problem(_("These fields cannot be changed: %(fields)s.") % {"fields": ", ".join(unknown)})]
        )
    current_pairs = [pair.slug for pair in document.pairs.all()]
    searched_before = document_sources(document)
    region, pillar, pairs = check_metadata(
        kind=changes.get("kind", document.kind),
        themes=changes.get("themes", document.theme_ids),
        pillar=changes.get("pillar", document.pillar_id),
        region=changes.get("region", document.region_id),
        pairs=changes.get("pairs", current_pairs),
        source_url=changes.get("source_url", document.source_url),
        published_on=changes.get("published_on", document.published_on),
    )
    status = changes.get("status", document.status)
    if status not in DocumentStatus.values:
        raise DataError(
            [Problem(_("The status %(status)s is not known.") % {"status": status}, field="status")]
        )
    for field in (
        "title_en",
        "title_ko",
        "summary_en",
        "summary_ko",
        "organisation",
        "licence",
        "source_url",
    ):
        if field in changes:
            setattr(document, field, str(changes[field] or "").strip())
    if not (document.title_en or document.title_ko):
        raise DataError([Problem(_("A document needs a title in English or Korean."), field="title_en")])
    document.kind = changes.get("kind", document.kind)
    document.status = status
    document.published_on = changes.get("published_on", document.published_on)
    document.region, document.pillar = region, pillar
    reindex = False
    if data is not None:
        extracted = extract(data, filename=filename, limits=limits)
        scan(data, filename=filename)
        other = Document.objects.filter(sha256=extracted.sha256).exclude(pk=document.pk).first()
        if other is not None:
            raise InvalidStateError(
                _("This file is already in the library as “%(title)s”.") % {"title": other.title}
            )
        document.text, document.language = extracted.text, extracted.language
        document.file_format, document.file_size = extracted.format, extracted.size
        document.sha256, document.pages = extracted.sha256, extracted.pages
        document.original_filename = PurePath(filename).name[:255]
        document.extraction_notes = "\n".join(extracted.warnings)
        reindex = True
    document.save()
    if "case_study" in changes:
        parts = case_study_values(changes["case_study"])
        CaseStudy.objects.filter(document=document).delete()
        if parts:
            CaseStudy.objects.create(document=document, **parts)
        document.refresh_from_db()
    if "themes" in changes:
        set_themes(document, changes["themes"])
    if "pairs" in changes:
        document.pairs.set(pairs)
    if reindex or document_sources(document) != searched_before:
        index_document(document)
    if data is not None:
        old = document.file.name if document.file else ""
        store_file(document, data)
        if old and old != document.file.name and not Document.objects.filter(file=old).exists():
            transaction.on_commit(lambda: document.file.storage.delete(old))
    return document
