"""The demo library: bilingual case studies and strategies of the programme's cities (``innotwin demo``),
added through the same domain function as an upload."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

import yaml

from innotwin.library.domain.add_document import add_document
from innotwin.library.domain.update_document import update_document
from innotwin.library.enums import DocumentStatus
from innotwin.library.models import Document

_METADATA = (
    "kind",
    "title_en",
    "title_ko",
    "summary_en",
    "summary_ko",
    "organisation",
    "region",
    "themes",
    "pillar",
    "published_on",
    "source_url",
    "pairs",
    "case_study",
)


def demo_documents() -> dict[str, Any]:
    """The demo documents as written in ``demo_documents.yaml``."""
    text = resources.files("innotwin.library").joinpath("demo_documents.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def load_library_demo() -> int:
    """Add (or bring up to date) every demo document, published; returns how many there are."""
    data = demo_documents()
    for item in data["documents"]:
        body = item["body"].encode("utf-8")
        values = {key: item[key] for key in _METADATA if key in item}
        if isinstance(values.get("published_on"), dt.datetime):
            values["published_on"] = values["published_on"].date()
        values["licence"] = data["licence"]
        existing = Document.objects.filter(original_filename=f"{item['key']}.md", uploaded_by=None).first()
        if existing is None:
            add_document(data=body, filename=f"{item['key']}.md", status=DocumentStatus.PUBLISHED, **values)
        else:
            update_document(
                document=existing,
                changes={**values, "status": DocumentStatus.PUBLISHED},
                data=body if existing.sha256 != _sha256(body) else None,
                filename=f"{item['key']}.md",
            )
    return len(data["documents"])


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()
