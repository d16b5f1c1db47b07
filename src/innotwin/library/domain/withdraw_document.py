from __future__ import annotations

from innotwin.library.enums import DocumentStatus
from innotwin.library.models import Document


def withdraw_document(*, document: Document) -> Document:
    """Take a published document back to draft: only its uploader and editors see it again."""
    document.status = DocumentStatus.DRAFT
    document.save(update_fields=["status", "updated_at"])
    return document
