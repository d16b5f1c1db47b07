from __future__ import annotations

from innotwin.library.enums import DocumentStatus
from innotwin.library.models import Document


def publish_document(*, document: Document) -> Document:
    """Publish a document: from now on everyone can find and read it."""
    document.status = DocumentStatus.PUBLISHED
    document.save(update_fields=["status", "updated_at"])
    return document
