from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from innotwin.accounts.permissions import Action, Person, visible
from innotwin.core.library import Hit, Snippet, snippet
from innotwin.library.domain._common import document_sources
from innotwin.library.domain.library_index import library_index
from innotwin.library.models import Document, Passage


@dataclass(frozen=True)
class LibraryHit:
    """A document found by a search, with the passage that matched (None when browsing without a query)."""

    document: Document
    passage: Passage | None
    snippet: Snippet | None
    score: float | None


@dataclass(frozen=True)
class LibrarySearch:
    """The hits of one search, and how long it took."""

    query: str
    hits: list[LibraryHit]
    candidates: int
    seconds: float


def filtered_documents(
    *,
    user: Person,
    themes: Sequence[str] = (),
    region: str | None = None,
    kind: str | None = None,
    language: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[Document]:
    """The documents ``user`` may read that pass the filters (a region includes the regions inside it)."""
    documents = visible(user, Action.VIEW_DOCUMENT, Document.objects.all())
    if themes:
        documents = documents.filter(themes__theme__in=list(themes))
    if region:
        documents = documents.filter(Q(region_id=region) | Q(region__parent_id=region))
    if kind:
        documents = documents.filter(kind=kind)
    if language:
        documents = documents.filter(language=language)
    if date_from:
        documents = documents.filter(published_on__gte=date_from)
    if date_to:
        documents = documents.filter(published_on__lte=date_to)
    return documents.distinct()


def hits_for(found: Sequence[Hit]) -> list[LibraryHit]:
    """Documents, passages and highlighted snippets of index hits, in the hits' order."""
    passages = Passage.objects.in_bulk([hit.key for hit in found])
    documents = (
        Document.objects.select_related("region", "case_study")
        .prefetch_related("themes")
        .in_bulk([hit.group for hit in found])
    )
    results = []
    for hit in found:
        passage, document = passages.get(hit.key), documents.get(hit.group)
        if passage is None or document is None:  # deleted since the index was built
            continue
        text = document_sources(document).get(passage.source, "")
        fits = 0 <= passage.start <= passage.end <= len(text)
        results.append(
            LibraryHit(
                document=document,
                passage=passage,
                snippet=snippet(text, passage.start, passage.end) if fits else None,
                score=hit.score,
            )
        )
    return results


def search_library(
    *,
    user: Person,
    query: str = "",
    themes: Sequence[str] = (),
    region: str | None = None,
    kind: str | None = None,
    language: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    top: int = 10,
) -> LibrarySearch:
    """The documents that best answer ``query`` in either language, each with its best passage; without a
    query, the newest documents that pass the filters."""
    started = time.perf_counter()
    documents = filtered_documents(
        user=user,
        themes=themes,
        region=region,
        kind=kind,
        language=language,
        date_from=date_from,
        date_to=date_to,
    )
    query = query.strip()
    if not query:
        listed = list(documents.select_related("region").prefetch_related("themes")[:top])
        hits = [LibraryHit(document=document, passage=None, snippet=None, score=None) for document in listed]
        return LibrarySearch(
            query="", hits=hits, candidates=documents.count(), seconds=time.perf_counter() - started
        )
    groups, hidden, candidates = restriction(documents)
    found = library_index().search(query, top=top, groups=groups, exclude_groups=hidden) if candidates else ()
    return LibrarySearch(
        query=query, hits=hits_for(found), candidates=candidates, seconds=time.perf_counter() - started
    )


def restriction(documents: QuerySet[Document]) -> tuple[set[int] | None, set[int], int]:
    """The documents a search may return, as the index takes them: ``(groups, excluded, count)``. When
    most documents qualify, the few that do not are listed instead (cheaper on a large library)."""
    total = Document.objects.count()
    count = documents.count()
    if count * 2 > total:
        hidden = Document.objects.exclude(pk__in=documents.values("pk")).values_list("pk", flat=True)
        return None, set(hidden), count
    return set(documents.values_list("pk", flat=True)), set(), count
