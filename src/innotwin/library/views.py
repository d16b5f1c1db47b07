"""The library's pages: search, a document with its text, upload, edit and publish, the original file."""

from __future__ import annotations

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from innotwin.accounts.permissions import Action, has_permission, require_permission, visible
from innotwin.core.errors import DataError, InnotwinError
from innotwin.core.library import Limits, RefusedFileError, check_size
from innotwin.library.domain.add_document import add_document
from innotwin.library.domain.more_like_this import more_like_this
from innotwin.library.domain.publish_document import publish_document
from innotwin.library.domain.search_library import search_library
from innotwin.library.domain.update_document import update_document
from innotwin.library.domain.withdraw_document import withdraw_document
from innotwin.library.interfaces.forms import EditForm, SearchForm, UploadForm
from innotwin.library.models import Document
from innotwin.library.phrases import error_message

_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/plain; charset=utf-8",  # never rendered as a page: its scripts must not run here
    "markdown": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}


def _document(request: HttpRequest, pk: int) -> Document:
    documents = Document.objects.select_related("region", "pillar", "uploaded_by").prefetch_related(
        "themes", "pairs"
    )
    document = visible(request.user, Action.VIEW_DOCUMENT, documents).filter(pk=pk).first()
    if document is None:
        raise Http404
    return document


def library_search(request: HttpRequest) -> HttpResponse:
    """One search box over every document the reader may see, in both languages, with filters."""
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid():
        data = form.cleaned_data
        results = search_library(
            user=request.user,
            query=data["q"],
            themes=[data["theme"]] if data["theme"] else [],
            region=data["city"] or None,
            kind=data["kind"] or None,
            language=data["language"] or None,
            date_from=data["date_from"],
            date_to=data["date_to"],
            top=20,
        )
    else:
        results = search_library(user=request.user, top=20) if not request.GET else None
    return render(
        request,
        "library/search.html",
        {
            "form": form,
            "results": results,
            "may_upload": has_permission(request.user, Action.UPLOAD_DOCUMENT),
        },
    )


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A document: metadata, case-study parts, its extracted text by passage, and more like it."""
    document = _document(request, pk)
    try:
        highlighted = int(request.GET.get("passage", ""))
    except ValueError:
        highlighted = None
    passages = list(document.passages.filter(source="text").only("pk", "text", "position"))
    return render(
        request,
        "library/detail.html",
        {
            "document": document,
            "case_study": getattr(document, "case_study", None),
            "passages": passages[:500],
            "passages_cut": len(passages) > 500,
            "highlighted": highlighted,
            "similar": more_like_this(user=request.user, document=document),
            "may_edit": has_permission(request.user, Action.EDIT_DOCUMENT, document),
            "may_publish": has_permission(request.user, Action.PUBLISH_DOCUMENT, document),
            "pairs": [
                pair for pair in document.pairs.all() if has_permission(request.user, Action.VIEW_PAIR, pair)
            ],
        },
    )


def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The original file, always as a download (an uploaded HTML page is never rendered by this site)."""
    document = _document(request, pk)
    if not document.file:
        raise Http404
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_filename or document.file.name.rsplit("/", 1)[-1],
        content_type=_CONTENT_TYPES.get(document.file_format)
        or mimetypes.guess_type(document.original_filename)[0]
        or "application/octet-stream",
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _read_upload(form: UploadForm | EditForm) -> tuple[bytes | None, str]:
    upload = form.cleaned_data.get("file")
    if not upload:
        return None, ""
    check_size(upload.size, filename=upload.name, limits=Limits())  # before reading it into memory
    return upload.read(), upload.name


@login_required
@require_http_methods(["GET", "POST"])
def document_upload(request: HttpRequest) -> HttpResponse:
    """Upload a file with its metadata; it is stored as a draft until an editor publishes it."""
    require_permission(request.user, Action.UPLOAD_DOCUMENT)
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            data, filename = _read_upload(form)
            document = add_document(data=data, filename=filename, uploaded_by=request.user, **form.metadata())
        except RefusedFileError as error:
            form.add_error("file", error_message(error))
        except DataError as error:
            _apply(form, error)
        except InnotwinError as error:
            form.add_error(None, error_message(error))
        else:
            for note in document.extraction_notes.splitlines():
                messages.warning(request, note)
            messages.success(
                request, _("“%(title)s” was added to the library as a draft.") % {"title": document.title}
            )
            return redirect("library:document", pk=document.pk)
    return render(request, "library/upload.html", {"form": form}, status=422 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a document's metadata and case-study parts, or replace its file."""
    document = _document(request, pk)
    require_permission(request.user, Action.EDIT_DOCUMENT, document)
    form = EditForm(
        request.POST or None, request.FILES or None, user=request.user, initial=EditForm.initial_for(document)
    )
    if request.method == "POST" and form.is_valid():
        try:
            data, filename = _read_upload(form)
            update_document(document=document, changes=form.metadata(), data=data, filename=filename)
        except RefusedFileError as error:
            form.add_error("file", error_message(error))
        except DataError as error:
            _apply(form, error)
        except InnotwinError as error:
            form.add_error(None, error_message(error))
        else:
            messages.success(request, _("The document was saved."))
            return redirect("library:document", pk=document.pk)
    return render(
        request, "library/edit.html", {"form": form, "document": document}, status=422 if form.errors else 200
    )


@login_required
@require_POST
def document_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish a draft, or take a published document back to draft (``action=withdraw``)."""
    document = _document(request, pk)
    require_permission(request.user, Action.PUBLISH_DOCUMENT, document)
    if request.POST.get("action") == "withdraw":
        withdraw_document(document=document)
        messages.success(request, _("The document is a draft again; only editors and its uploader see it."))
    else:
        publish_document(document=document)
        messages.success(request, _("The document is published: everyone can find and read it."))
    return redirect("library:document", pk=document.pk)


def _apply(form: UploadForm | EditForm, error: DataError) -> None:
    for problem in error.problems:
        field = problem.field if problem.field in form.fields else None
        form.add_error(field, problem.message)
