from __future__ import annotations

from innotwin.accounts.permissions import Person
from innotwin.core.text import analyse
from innotwin.library.domain.library_index import library_index
from innotwin.library.domain.search_library import LibraryHit, filtered_documents, hits_for, restriction
from innotwin.library.models import Document


def more_like_this(*, user: Person, document: Document, top: int = 5) -> list[LibraryHit]:
    """The documents most like ``document`` (in either language) that ``user`` may read, best first."""
    index = library_index()
    groups, hidden, count = restriction(filtered_documents(user=user).exclude(pk=document.pk))
    if not count or not (index.groups_ == document.pk).any():
        return []
    terms = analyse(
        " ".join([document.title_en, document.title_ko, document.summary_en, document.summary_ko])
    )
    found = index.search_vector(
        index.group_vector(document.pk),
        terms=terms,
        language=document.language,
        top=top,
        groups=groups,
        exclude_groups=hidden | {document.pk},
    )
    return hits_for(found)
