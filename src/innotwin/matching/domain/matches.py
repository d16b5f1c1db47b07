"""Ranked partners for an organisation, with their explanations, and a pair's strongest matches."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Q
from django.utils import timezone

from innotwin.core.errors import NotFoundError
from innotwin.core.matching import (
    Explanation,
    FeedbackEvent,
    Filters,
    Match,
    Matcher,
    explain,
    reciprocal_top_k,
)
from innotwin.core.pairing.themes import ThemeMap, load_theme_map
from innotwin.matching.domain.engine import (
    current_profiles,
    matching_embedder,
    matching_index,
    refresh_vectors,
)
from innotwin.matching.domain.relatedness import atlas_proximity
from innotwin.matching.models import Feedback
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair
from innotwin.regions.models import Region

REQUEST_EMBED_LIMIT = 8
"""Texts of other organisations embedded while a page waits (besides the asking organisation's own);
``innotwin index build`` embeds the rest."""


@lru_cache(maxsize=1)
def theme_map() -> ThemeMap:
    return load_theme_map()


def regions_within(codes: Iterable[str]) -> set[str]:
    """``codes`` and every region inside them (districts in a combined authority, sigungu in a sido)."""
    found = set(codes)
    frontier = set(found)
    while frontier:
        frontier = set(Region.objects.filter(parent__in=frontier).values_list("pk", flat=True)) - found
        found |= frontier
    return found


def _ancestors(code: str) -> set[str]:
    found = {code}
    parent = Region.objects.filter(pk=code).values_list("parent", flat=True).first()
    while parent and parent not in found:
        found.add(parent)
        parent = Region.objects.filter(pk=parent).values_list("parent", flat=True).first()
    return found


def pairs_of(organisation: Organisation) -> list[tuple[TwinPair, str]]:
    """The twin pairs whose one region holds ``organisation``, each with the code of the other region."""
    mine = _ancestors(organisation.region_id)
    pairs = TwinPair.objects.filter(Q(region_a__in=mine) | Q(region_b__in=mine)).order_by("slug")
    return [(pair, pair.region_b_id if pair.region_a_id in mine else pair.region_a_id) for pair in pairs]


def default_filters(organisation: Organisation) -> Filters:
    """Candidates in the twin regions of the organisation's pairs, else in the other country."""
    twins = [code for _pair, code in pairs_of(organisation)]
    if twins:
        return Filters(regions=frozenset(regions_within(twins)))
    other = "KR" if organisation.region.country_id == "GB" else "GB"
    return Filters(countries=frozenset({other}))


def feedback_events(organisation: Organisation) -> list[FeedbackEvent]:
    """The organisation's stored feedback as events for the re-ranking, with their ages."""
    now = timezone.now()
    return [
        FeedbackEvent(
            candidate=row.candidate_id,
            kind=row.kind,
            reason=row.reason if row.kind == "declined" else "",
            age_days=(now - row.created_at).total_seconds() / 86_400,
        )
        for row in Feedback.objects.filter(organisation=organisation).order_by("created_at")
    ]


@dataclass(frozen=True)
class MatchResult:
    """One suggested partner: the organisation, the score and its explanation."""

    organisation: Organisation
    match: Match
    explanation: Explanation | None


@dataclass(frozen=True)
class Ranking:
    organisation: Organisation
    results: list[MatchResult]
    indexed: int
    pending: int
    matchable: bool


def matcher(
    *, embed_first: Iterable[int] = (), embed_limit: int | None = REQUEST_EMBED_LIMIT
) -> tuple[Matcher, int, int]:
    """The matcher over the current profiles; returns it, the number indexed and the number still waiting."""
    profiles = current_profiles()
    refreshed = refresh_vectors(profiles, limit=embed_limit, first=embed_first)
    index = matching_index()
    matcher = Matcher(
        profiles={key: item.profile for key, item in profiles.items()},
        offer_index=index.offers,
        need_index=index.needs,
        themes=theme_map(),
        proximity=atlas_proximity() or None,
        today=timezone.localdate(),
    )
    return matcher, len(index.offers), refreshed.pending


def rank_for(
    organisation: Organisation,
    *,
    filters: Filters | None = None,
    top: int = 10,
    explain_matches: bool = True,
) -> Ranking:
    """The best partners for ``organisation`` (in its twin regions unless ``filters`` says otherwise)."""
    engine, indexed, pending = matcher(embed_first=[organisation.pk])
    if organisation.pk not in engine.profiles or organisation.pk not in engine.offer_index:
        return Ranking(organisation, [], indexed, pending, matchable=False)
    filters = filters or default_filters(organisation)
    events = feedback_events(organisation)
    matches = engine.rank(organisation.pk, filters=filters, top=top, feedback=events)
    organisations = (
        Organisation.objects.select_related("region")
        .prefetch_related("industries")
        .in_bulk([match.key for match in matches])
    )
    embedder = matching_embedder()
    query = engine.profiles[organisation.pk]
    results = [
        MatchResult(
            organisation=organisations[match.key],
            match=match,
            explanation=explain(query, engine.profiles[match.key], match, embed=embedder.embed)
            if explain_matches
            else None,
        )
        for match in matches
        if match.key in organisations
    ]
    return Ranking(organisation, results, indexed, pending, matchable=True)


def explain_pair(organisation: Organisation, candidate: Organisation) -> MatchResult:
    """The match of two organisations and its explanation, whether or not it ranks in the top."""
    engine, _indexed, _pending = matcher(embed_first=[organisation.pk, candidate.pk])
    if candidate.pk not in engine.profiles or candidate.pk not in engine.offer_index:
        raise NotFoundError(f"{candidate.name} has nothing to match on yet.")
    if organisation.pk not in engine.profiles or organisation.pk not in engine.offer_index:
        raise NotFoundError(f"{organisation.name} has nothing to match on yet.")
    only = Filters(exclude=frozenset(set(engine.profiles) - {candidate.pk}))
    matches = engine.rank(organisation.pk, filters=only, top=1, feedback=feedback_events(organisation))
    if not matches:
        raise NotFoundError(f"{candidate.name} is hidden from {organisation.name}'s matches.")
    query = engine.profiles[organisation.pk]
    return MatchResult(
        candidate,
        matches[0],
        explain(query, engine.profiles[candidate.pk], matches[0], embed=matching_embedder().embed),
    )


@dataclass(frozen=True)
class PairMatch:
    a: Organisation
    b: Organisation
    match: Match


def pair_matches(
    pair: TwinPair, *, top: int = 20, per_organisation: int = 3, limit: int = 60
) -> list[PairMatch]:
    """The strongest cross-border matches between the two regions of ``pair``, each pair of organisations
    once. Ranks from the side with fewer matchable organisations: at most ``limit`` of them, those with
    members or live profiles first, then those whose best cross-border text match (the reciprocal cosine
    of offers and needs, screened over every pair of the two sides) is strongest."""
    engine, _indexed, _pending = matcher(embed_limit=REQUEST_EMBED_LIMIT)
    side_a, side_b = regions_within([pair.region_a_id]), regions_within([pair.region_b_id])
    keys_a = [
        k
        for k, p in engine.profiles.items()
        if p.region in side_a and k in engine.offer_index and k in engine.need_index
    ]
    keys_b = [
        k
        for k, p in engine.profiles.items()
        if p.region in side_b and k in engine.offer_index and k in engine.need_index
    ]
    if not keys_a or not keys_b:
        return []
    source, target = (keys_a, side_b) if len(keys_a) <= len(keys_b) else (keys_b, side_a)
    active = set(
        Organisation.objects.filter(pk__in=source)
        .filter(Q(members__isnull=False) | Q(profiles__status="published"))
        .values_list("pk", flat=True)
    )
    source = _strongest_first(engine, source, keys_b if target is side_b else keys_a, active)[:limit]
    found: dict[tuple[int, int], Match] = {}
    for key in source:
        for match in engine.rank(key, filters=Filters(regions=frozenset(target)), top=per_organisation):
            pair_key = (key, match.key) if target is side_b else (match.key, key)
            if pair_key not in found or found[pair_key].score < match.score:
                found[pair_key] = match
    best = sorted(found.items(), key=lambda item: -item[1].score)[:top]
    organisations = Organisation.objects.select_related("region").in_bulk({k for pk, _m in best for k in pk})
    return [PairMatch(organisations[a], organisations[b], match) for (a, b), match in best]


def _strongest_first(engine: Matcher, source: list[int], target: list[int], active: set[int]) -> list[int]:
    """``source`` ordered active first, then by each one's best reciprocal cosine with ``target``."""
    screened = reciprocal_top_k(
        engine.offer_index.vectors_of(source),
        engine.need_index.vectors_of(source),
        engine.offer_index.vectors_of(target),
        engine.need_index.vectors_of(target),
        k=1,
    )
    best = dict(zip(source, screened.scores[:, 0].tolist(), strict=True))
    return sorted(source, key=lambda key: (key not in active, -best[key], key))
