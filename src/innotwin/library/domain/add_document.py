from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import DataError, InvalidStateError, Problem
from innotwin.core.library import Limits, extract
from innotwin.core.text import detect_language
from innotwin.library.domain._common import case_study_values, check_metadata, index_document, set_themes
from innotwin.library.enums import DocumentStatus
from innotwin.library.models import CaseStudy, Document
from innotwin.library.scanning import scan


@transaction.atomic
def add_document(
    *,
    kind: str,
    data: bytes | None = None,
    filename: str = "",
    uploaded_by: User | None = None,
    title_en: str = "",
    title_ko: str = "",
    summary_en: str = "",
    summary_ko: str = "",
    organisation: str = "",
    region: str | None = None,
    themes: Sequence[str] = (),
    pillar: str | None = None,
    published_on: dt.date | None = None,
    licence: str = "",
    source_url: str = "",
    pairs: Sequence[str] = (),
    case_study: Mapping[str, str] | None = None,
    status: str = DocumentStatus.DRAFT,
    limits: Limits | None = None,
) -> Document:
    """Check, scan, extract, store and index a new document; a file it cannot read is refused, not stored."""
    found_region, found_pillar, found_pairs = check_metadata(
        kind=kind,
        themes=themes,
        pillar=pillar,
        region=region,
        pairs=pairs,
        source_url=source_url,
        published_on=published_on,
    )
    parts = case_study_values(case_study)
    if status not in DocumentStatus.values:
        raise DataError(
            [Problem(_("The status %(status)s is not known.") % {"status": status}, field="status")]
        )
    document = Document(
        kind=kind,
        status=status,
        title_en=title_en.strip(),
        title_ko=title_ko.strip(),
        summary_en=summary_en.strip(),
        summary_ko=summary_ko.strip(),
        organisation=organisation.strip(),
        region=found_region,
        pillar=found_pillar,
        published_on=published_on,
        licence=licence.strip(),
        source_url=source_url.strip(),
        uploaded_by=uploaded_by,
    )
    if data is not None:
        extracted = extract(data, filename=filename, limits=limits)
        scan(data, filename=filename)
        existing = Document.objects.filter(sha256=extracted.sha256).first()
        if existing is not None:
            raise InvalidStateError(
                _("This file is already in the library as “%(title)s”.") % {"title": existing.title}
            )
        document.text = extracted.text
        document.language = extracted.language
        document.file_format = extracted.format
        document.file_size = extracted.size
        document.sha256 = extracted.sha256
        document.pages = extracted.pages
        document.original_filename = PurePath(filename).name[:255]
        document.extraction_notes = "\n".join(extracted.warnings)
        if not (document.title_en or document.title_ko):
            title = extracted.title or PurePath(filename).stem.replace("_", " ").replace("-", " ")
            setattr(document, "title_ko" if detect_language(title) == "ko" else "title_en", title[:300])
    else:
        texts = [title_en, title_ko, summary_en, summary_ko, *parts.values()]
        if not any(text.strip() for text in texts):
            raise DataError(_("A document needs a file, or at least a title and a summary."))
        document.language = detect_language(" ".join([summary_en, summary_ko, title_en, title_ko]))
    if not (document.title_en or document.title_ko):
        raise DataError([Problem(_("A document needs a title in English or Korean."), field="title_en")])
    document.save()
    if parts:
        CaseStudy.objects.create(document=document, **parts)
    set_themes(document, themes)
    document.pairs.set(found_pairs)
    index_document(document)
    if data is not None:  # last, so that a failure before it leaves no file behind
        store_file(document, data)
    return document


def store_file(document: Document, data: bytes) -> None:
    """Save the original file under its content hash; a file already stored there is the same file."""
    name = document.file.field.generate_filename(
        document, stored_name(document.original_filename, document.file_format)
    )
    if document.file.storage.exists(name):
        document.file.name = name
        document.save(update_fields=["file"])
    else:
        document.file.save(name.rsplit("/", 1)[-1], ContentFile(data))


def stored_name(filename: str, file_format: str) -> str:
    """A safe name for the stored file: the uploader's name cleaned, or ``document.FORMAT``."""
    try:
        return get_valid_filename(filename)
    except SuspiciousFileOperation:
        return f"document.{file_format or 'bin'}"
