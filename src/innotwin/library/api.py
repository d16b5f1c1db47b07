"""``/api/v1/library``: search the library in either language, read documents, upload and publish."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from innotwin.accounts.permissions import Action, require_permission, visible
from innotwin.core.library import Limits, check_size
from innotwin.library.domain.add_document import add_document
from innotwin.library.domain.cases_for_theme import cases_for_theme
from innotwin.library.domain.more_like_this import more_like_this
from innotwin.library.domain.publish_document import publish_document
from innotwin.library.domain.search_library import LibraryHit, filtered_documents, search_library
from innotwin.library.domain.update_document import update_document
from innotwin.library.domain.withdraw_document import withdraw_document
from innotwin.library.enums import CASE_STUDY_PARTS
from innotwin.library.models import Document
from innotwin.pairs.models import TwinPair

router = Router(tags=["library"])


class DocumentOut(Schema):
    id: int
    kind: str
    status: str
    title_en: str
    title_ko: str
    summary_en: str
    summary_ko: str
    organisation: str
    region: str | None
    themes: list[str]
    pillar: str | None
    published_on: dt.date | None
    licence: str
    source_url: str
    language: str
    file_format: str
    file_size: int
    pages: int | None
    pairs: list[str]

    @staticmethod
    def resolve_id(obj: Document) -> int:
        return int(obj.pk)

    @staticmethod
    def resolve_region(obj: Document) -> str | None:
        return obj.region_id

    @staticmethod
    def resolve_pillar(obj: Document) -> str | None:
        return obj.pillar_id

    @staticmethod
    def resolve_themes(obj: Document) -> list[str]:
        return obj.theme_ids

    @staticmethod
    def resolve_pairs(obj: Document) -> list[str]:
        return [pair.slug for pair in obj.pairs.all()]


class DocumentDetailOut(DocumentOut):
    text: str
    case_study: dict[str, str] | None

    @staticmethod
    def resolve_case_study(obj: Document) -> dict[str, str] | None:
        case = getattr(obj, "case_study", None)
        if case is None:
            return None
        fields = [f"{stem}_{lang}" for stem, _label in CASE_STUDY_PARTS for lang in ("en", "ko")] + [
            "contacts"
        ]
        return {name: getattr(case, name) for name in fields}


class PassageOut(Schema):
    id: int
    source: str
    start: int
    end: int
    language: str
    text: str


class SnippetOut(Schema):
    before: str
    match: str
    after: str


class HitOut(Schema):
    document: DocumentOut
    passage: PassageOut | None
    snippet: SnippetOut | None
    score: float | None


class SearchOut(Schema):
    query: str
    candidates: int
    seconds: float
    hits: list[HitOut]


class DocumentIn(Schema):
    kind: str | None = None
    status: str | None = None
    title_en: str | None = None
    title_ko: str | None = None
    summary_en: str | None = None
    summary_ko: str | None = None
    organisation: str | None = None
    region: str | None = None
    themes: list[str] | None = None
    pillar: str | None = None
    published_on: dt.date | None = None
    licence: str | None = None
    source_url: str | None = None
    pairs: list[str] | None = None
    case_study: dict[str, str] | None = None


def _hits(hits: list[LibraryHit]) -> list[dict[str, Any]]:
    return [
        {
            "document": hit.document,
            "passage": {
                "id": hit.passage.pk,
                "source": hit.passage.source,
                "start": hit.passage.start,
                "end": hit.passage.end,
                "language": hit.passage.language,
                "text": hit.passage.text,
            }
            if hit.passage
            else None,
            "snippet": hit.snippet,
            "score": hit.score,
        }
        for hit in hits
    ]


def _document(request: HttpRequest, pk: int) -> Document:
    documents = Document.objects.select_related("case_study").prefetch_related("themes", "pairs")
    document = visible(request.user, Action.VIEW_DOCUMENT, documents).filter(pk=pk).first()
    if document is None:
        raise Http404(f"There is no library document {pk} that you may see.")
    return document


def _list(value: str | None) -> list[str]:
    return [item for item in (value or "").split(",") if item]


@router.get("/search", response=SearchOut, summary="Search the library in English or Korean")
def search(
    request: HttpRequest,
    q: str = "",
    theme: str | None = None,
    city: str | None = None,
    kind: str | None = None,
    language: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    top: int = 10,
) -> dict[str, Any]:
    """The documents that best answer ``q`` whatever its language and theirs, each with its best passage
    (``snippet.match`` is the passage, ``before``/``after`` its context). ``theme`` takes comma-separated
    theme ids; ``city`` a region code (regions inside it count too)."""
    result = search_library(
        user=request.user,
        query=q,
        themes=_list(theme),
        region=city,
        kind=kind,
        language=language,
        date_from=date_from,
        date_to=date_to,
        top=max(1, min(top, 100)),
    )
    return {
        "query": result.query,
        "candidates": result.candidates,
        "seconds": result.seconds,
        "hits": _hits(result.hits),
    }


@router.get("/documents", response=list[DocumentOut], summary="List library documents")
@paginate
def list_documents(
    request: HttpRequest, kind: str | None = None, theme: str | None = None, city: str | None = None
) -> QuerySet[Document]:
    """Documents the caller may read: published ones for everyone, drafts for their uploader and editors."""
    return (
        filtered_documents(user=request.user, themes=_list(theme), region=city, kind=kind)
        .prefetch_related("themes", "pairs")
        .order_by("pk")
    )


@router.get("/documents/{pk}", response=DocumentDetailOut, summary="One document with its extracted text")
def get_document(request: HttpRequest, pk: int) -> Document:
    return _document(request, pk)


@router.get("/documents/{pk}/similar", response=list[HitOut], summary="More like this")
def similar(request: HttpRequest, pk: int, top: int = 5) -> list[dict[str, Any]]:
    return _hits(more_like_this(user=request.user, document=_document(request, pk), top=max(1, min(top, 50))))


@router.post("/documents", response={201: DocumentDetailOut}, summary="Upload a document (multipart form)")
def upload(
    request: HttpRequest,
    file: File[UploadedFile],
    kind: Form[str],
    title_en: Form[str] = "",
    title_ko: Form[str] = "",
    summary_en: Form[str] = "",
    summary_ko: Form[str] = "",
    organisation: Form[str] = "",
    city: Form[str] = "",
    themes: Form[str] = "",
    pillar: Form[str] = "",
    licence: Form[str] = "",
    source_url: Form[str] = "",
) -> Status[Document]:
    """Upload a PDF, DOCX, HTML, Markdown or text file with its metadata (``themes`` comma-separated). It
    is stored as a draft; a refused file answers 422 with the reason."""
    require_permission(request.user, Action.UPLOAD_DOCUMENT)
    check_size(file.size or 0, filename=file.name or "", limits=Limits())
    document = add_document(
        data=file.read(),
        filename=file.name or "",
        kind=kind,
        uploaded_by=request.user,
        title_en=title_en,
        title_ko=title_ko,
        summary_en=summary_en,
        summary_ko=summary_ko,
        organisation=organisation,
        region=city or None,
        themes=_list(themes),
        pillar=pillar or None,
        licence=licence,
        source_url=source_url,
    )
    return Status(201, document)


@router.patch("/documents/{pk}", response=DocumentDetailOut, summary="Change a document's metadata")
def patch_document(request: HttpRequest, pk: int, payload: DocumentIn) -> Document:
    document = _document(request, pk)
    changes = payload.dict(exclude_unset=True)
    if "status" in changes:
        require_permission(request.user, Action.PUBLISH_DOCUMENT, document)
    require_permission(request.user, Action.EDIT_DOCUMENT, document)
    return update_document(document=document, changes=changes)


@router.post("/documents/{pk}/publish", response=DocumentOut, summary="Publish a document")
def publish(request: HttpRequest, pk: int) -> Document:
    document = _document(request, pk)
    require_permission(request.user, Action.PUBLISH_DOCUMENT, document)
    return publish_document(document=document)


@router.post("/documents/{pk}/withdraw", response=DocumentOut, summary="Take a document back to draft")
def withdraw(request: HttpRequest, pk: int) -> Document:
    document = _document(request, pk)
    require_permission(request.user, Action.PUBLISH_DOCUMENT, document)
    return withdraw_document(document=document)


@router.get("/themes/{theme}/cases", response=list[HitOut], summary="Cases from other cities for a theme")
def theme_cases(
    request: HttpRequest, theme: str, pair: str | None = None, top: int = 3
) -> list[dict[str, Any]]:
    """The case studies and evaluations most relevant to a theme; with ``pair`` (a pair's slug), only
    from cities other than the pair's own."""
    found_pair = None
    if pair:
        found_pair = visible(request.user, Action.VIEW_PAIR, TwinPair.objects.all()).filter(slug=pair).first()
        if found_pair is None:
            raise Http404(f"There is no twin pair {pair!r} that you may see.")
    return _hits(
        cases_for_theme(user=request.user, theme_id=theme, pair=found_pair, top=max(1, min(top, 20)))
    )
