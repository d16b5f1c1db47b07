"""``innotwin library``: add files to the knowledge library and search it in English or Korean."""

from __future__ import annotations

from pathlib import Path

import click

from innotwin.cli.django_setup import setup_django
from innotwin.cli.output import emit, format_option

KINDS = ("policy_brief", "case_study", "strategy", "roadmap", "evaluation", "dataset_note")


@click.group()
def library() -> None:
    """The knowledge library: policy briefs and case studies, searchable across Korean and English."""


@library.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--title", help="Title (English or Korean; the language is detected). Default: the file's own title."
)
@click.option("--type", "kind", type=click.Choice(KINDS), default="policy_brief", show_default=True)
@click.option("--theme", "themes", multiple=True, help="A theme id (repeatable), e.g. smart_cities.")
@click.option("--city", help="Code of the region the document comes from, e.g. KR-26 or E47000004.")
@click.option("--organisation", default="", help="The organisation that wrote it.")
@click.option("--licence", default="", help="The document's licence, e.g. OGL-UK-3.0 or CC-BY-4.0.")
@click.option("--source-url", default="", help="Where the document was published.")
@click.option("--publish", is_flag=True, help="Publish at once instead of leaving a draft.")
@format_option
def add(
    files: tuple[Path, ...],
    title: str | None,
    kind: str,
    themes: tuple[str, ...],
    city: str | None,
    organisation: str,
    licence: str,
    source_url: str,
    publish: bool,
    output_format: str,
) -> None:
    """Add FILES (PDF, DOCX, HTML, Markdown, text). Each file is checked, extracted and indexed on its
    own; a file that is refused is reported and the others are still added (exit status 2 if any was)."""
    setup_django()
    from innotwin.core.errors import InnotwinError
    from innotwin.core.library import Limits, check_size, format_for
    from innotwin.core.text import detect_language
    from innotwin.library.domain.add_document import add_document
    from innotwin.library.enums import DocumentStatus

    rows = []
    refused = 0
    for path in files:
        try:
            if not path.is_file():
                raise click.BadParameter(f"There is no file at {path}.", param_hint="FILES")
            format_for(path.name)
            check_size(path.stat().st_size, filename=path.name, limits=Limits())
            titles = {}
            if title:
                titles["title_ko" if detect_language(title) == "ko" else "title_en"] = title
            document = add_document(
                data=path.read_bytes(),
                filename=path.name,
                kind=kind,
                themes=list(themes),
                region=city,
                organisation=organisation,
                licence=licence,
                source_url=source_url,
                status=DocumentStatus.PUBLISHED if publish else DocumentStatus.DRAFT,
                **titles,
            )
        except (InnotwinError, click.BadParameter) as error:
            refused += 1
            message = error.message if isinstance(error, InnotwinError) else error.format_message()
            click.secho(f"Refused {path}: {message}", fg="red", err=True)
            continue
        rows.append(
            {
                "id": document.pk,
                "file": path.name,
                "title": document.title,
                "language": document.language,
                "passages": document.passages.count(),
                "status": document.status,
            }
        )
    emit(rows, columns=("id", "file", "title", "language", "passages", "status"), output_format=output_format)
    if refused:
        raise SystemExit(2)


@library.command()
@click.argument("query")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--theme", "themes", multiple=True, help="Only documents with this theme id (repeatable).")
@click.option("--city", help="Only documents from this region code (regions inside it count too).")
@click.option("--type", "kind", type=click.Choice(KINDS), help="Only documents of this type.")
@click.option("--drafts", is_flag=True, help="Search drafts too (as an administrator would).")
@format_option
def search(
    query: str,
    top: int,
    themes: tuple[str, ...],
    city: str | None,
    kind: str | None,
    drafts: bool,
    output_format: str,
) -> None:
    """Search the library for QUERY in English or Korean; each document with its best passage."""
    setup_django()
    from django.contrib.auth.models import AnonymousUser

    from innotwin.accounts.enums import Role
    from innotwin.accounts.models import User
    from innotwin.library.domain.search_library import search_library

    reader = User(role=Role.PROGRAMME_ADMIN, is_active=True) if drafts else AnonymousUser()
    result = search_library(user=reader, query=query, themes=list(themes), region=city, kind=kind, top=top)
    rows = [
        {
            "rank": rank,
            "id": hit.document.pk,
            "title": hit.document.title,
            "type": hit.document.kind,
            "city": hit.document.region_id or "",
            "language": hit.passage.language if hit.passage else hit.document.language,
            "score": round(hit.score, 3) if hit.score is not None else None,
            "passage": hit.passage.text if hit.passage else "",
        }
        for rank, hit in enumerate(result.hits, 1)
    ]
    emit(
        rows,
        columns=("rank", "id", "title", "type", "city", "language", "score", "passage"),
        output_format=output_format,
        title=f"Library: {query}",
    )


@library.command(name="list")
@click.option("--drafts", is_flag=True, help="List drafts too.")
@format_option
def list_documents(drafts: bool, output_format: str) -> None:
    """List the library's documents, newest first."""
    setup_django()
    from innotwin.library.models import Document

    documents = Document.objects.all() if drafts else Document.objects.filter(status="published")
    rows = [
        {
            "id": d.pk,
            "title": d.title,
            "type": d.kind,
            "city": d.region_id or "",
            "language": d.language,
            "status": d.status,
            "date": d.published_on.isoformat() if d.published_on else "",
        }
        for d in documents
    ]
    emit(
        rows,
        columns=("id", "title", "type", "city", "language", "status", "date"),
        output_format=output_format,
    )


@library.command()
def reindex() -> None:
    """Re-embed the passages made by another embedder or version (INNOTWIN_TEXT_EMBEDDER)."""
    setup_django()
    from innotwin.library.domain.library_index import refresh_vectors

    count = refresh_vectors()
    click.echo(f"Re-embedded {count} passages." if count else "Every passage is up to date.")
