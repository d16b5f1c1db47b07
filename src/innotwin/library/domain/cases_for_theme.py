from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _

from innotwin.accounts.permissions import Person
from innotwin.core.errors import NotFoundError
from innotwin.core.text import analyse
from innotwin.library.domain.library_index import library_index
from innotwin.library.domain.search_library import LibraryHit, filtered_documents, hits_for
from innotwin.library.enums import DocumentKind
from innotwin.library.models import DocumentTheme
from innotwin.library.themes import theme, theme_ids, theme_name
from innotwin.pairs.models import TwinPair
from innotwin.regions.models import Region

CASE_KINDS = (DocumentKind.CASE_STUDY, DocumentKind.EVALUATION)
#: A case not tagged with the theme is shown only when its text matches the theme's names this many
#: standard deviations above the index's mean (about the top 2 % of passages).
UNTAGGED_MIN_SEMANTIC = 2.0


@dataclass(frozen=True)
class ThemeCases:
    """The cases from other cities for one theme of a pair."""

    theme: str
    name: str
    hits: list[LibraryHit]


def _region_and_inside(codes: set[str]) -> set[str]:
    """The regions ``codes`` and every region inside them (a district in a combined authority...)."""
    found, frontier = set(codes), set(codes)
    while frontier:
        frontier = set(Region.objects.filter(parent__in=frontier).values_list("pk", flat=True)) - found
        found |= frontier
    return found


def pair_themes(*, pair: TwinPair) -> list[str]:
    """The pair's themes: those of the library documents that inform it, most frequent first.

    Until roadmaps record a pair's themes, the documents linked to the pair are the record of them."""
    counts = Counter(DocumentTheme.objects.filter(document__pairs=pair).values_list("theme", flat=True))
    order = {theme_id: position for position, theme_id in enumerate(theme_ids())}
    return sorted(counts, key=lambda item: (-counts[item], order.get(item, len(order))))


def cases_for_theme(
    *, user: Person, theme_id: str, pair: TwinPair | None = None, top: int = 3
) -> list[LibraryHit]:
    """The case studies and evaluations most relevant to a theme, from cities other than the pair's own:
    those tagged with the theme first, then untagged ones whose text clearly matches the theme's names,
    each group by how well its text matches them."""
    found_theme = theme(theme_id)
    if found_theme is None:
        raise NotFoundError(_("There is no theme %(theme)s.") % {"theme": theme_id})
    documents = filtered_documents(user=user).filter(kind__in=CASE_KINDS)
    if pair is not None:
        documents = documents.exclude(region__in=_region_and_inside({pair.region_a_id, pair.region_b_id}))
    allowed = set(documents.values_list("pk", flat=True))
    if not allowed:
        return []
    index = library_index()
    names = [found_theme.name_en, found_theme.name_ko]
    vector = index.backend.embed(names).mean(axis=0)
    vector = (vector / (np.linalg.norm(vector) or 1.0)).astype(np.float32)
    found = index.search_vector(vector, terms=analyse(" ".join(names)), top=len(allowed), groups=allowed)
    tagged = set(documents.filter(themes__theme=theme_id).values_list("pk", flat=True))
    kept = [hit for hit in found if hit.group in tagged or hit.semantic >= UNTAGGED_MIN_SEMANTIC]
    ranked = sorted(kept, key=lambda hit: hit.group not in tagged)  # stable: score order within each group
    return hits_for(ranked[:top])


def cases_for_pair(*, user: Person, pair: TwinPair, top: int = 3) -> list[ThemeCases]:
    """For each theme of the pair, the most relevant cases from other cities (themes without any left out)."""
    results = []
    for theme_id in pair_themes(pair=pair):
        hits = cases_for_theme(user=user, theme_id=theme_id, pair=pair, top=top)
        if hits:
            results.append(ThemeCases(theme=theme_id, name=theme_name(theme_id), hits=hits))
    return results
