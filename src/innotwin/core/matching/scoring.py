"""The reciprocal matching score: who in the twin city should an organisation meet, and why.

For an organisation A and a candidate B (after the hard filters of :class:`~.profile.Filters`):

- **Text relevance, both ways.** ``t(A→B) = (1 − λ)·σ((c − μ) / s) + λ·bm25(A→B)``, where ``c`` is the
  cosine between the embedder's vectors of A's needs and B's offers (English and Korean in one space),
  ``μ`` and ``s`` the mean and spread of A's need's cosines with the offers of a reference sample of all
  indexed organisations (up to 1,024), ``σ`` the logistic function (so an ordinary candidate gets 0.5 and
  an outstanding one nearly 1, whatever the embedder's range of cosines), and ``bm25`` the BM25 score of
  A's need terms against B's offer terms divided by the best among the candidates (0..1); λ = 0.2.
  ``t(B→A)`` likewise with the roles swapped.
  The reciprocal relevance is their harmonic mean, ``2·t(A→B)·t(B→A) / (t(A→B) + t(B→A))``, which is
  high only when both are: a match is good only if it is good for both sides.
- **Industry relatedness** (0..1): the best link between their ISIC divisions: 1 for the same division,
  the product-space proximity φ of the two divisions when one is given (``proximity``, computed from the
  atlas with :func:`innotwin.core.economics.proximity.proximity`), else 0.5 for two divisions of one
  ISIC section; 0 without industries.
- **Theme and pillar fit** (0..1): the mean of the Jaccard overlap of their collaboration themes (the
  pairing engine's theme map, ISIC divisions → themes) and the pillar fit (1 when they share a pillar,
  0.5 when either states none, else 0). Themes in ``focus_themes`` (the pair's roadmap) count twice.
- **Partner fit** (0..1): for each direction, the mean of type fit and size fit (1 when the other side is
  of a type/size sought, 0.5 when none is stated, else 0); the two directions averaged.
- **Freshness** (0..1): ``0.5^(age / 180 days)`` of B's latest update.

``score = Σ weightᵢ · componentᵢ × feedback factor`` with the default weights of :class:`Weights`
(0.55, 0.15, 0.10, 0.10, 0.10). docs/methods/matching.md gives the reasons for each choice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from innotwin.core.errors import ConfigurationError, NotFoundError
from innotwin.core.matching.feedback import FeedbackEvent, feedback_model
from innotwin.core.matching.index import ExactIndex, VectorIndex
from innotwin.core.matching.profile import Filters, MatchProfile
from innotwin.core.pairing.themes import ThemeMap
from innotwin.core.registry.industries import ISIC4_DIVISIONS
from innotwin.core.text.bm25 import BM25

__all__ = ["COMPONENTS", "IndustryLink", "Match", "Matcher", "Weights", "industry_links", "reciprocal"]

COMPONENTS = ("text", "industry", "themes", "partner", "freshness")
LEXICAL_SHARE = 0.2
FRESHNESS_HALF_LIFE_DAYS = 180.0
REFERENCE_SIZE = 1024
MIN_REFERENCE = 5
EXACT_LIMIT = 20_000
"""Below this many candidates after filtering, every candidate is scored exactly (no index lookup)."""


@dataclass(frozen=True, kw_only=True)
class Weights:
    """Weights of the score's components; they must be at least 0 and sum to more than 0."""

    text: float = 0.55
    industry: float = 0.15
    themes: float = 0.10
    partner: float = 0.10
    freshness: float = 0.10

    def __post_init__(self) -> None:
        values = [getattr(self, name) for name in COMPONENTS]
        if any(value < 0 for value in values) or sum(values) <= 0:
            raise ConfigurationError(f"Matching weights must be at least 0 and not all 0; got {values!r}.")


@dataclass(frozen=True, kw_only=True)
class IndustryLink:
    """Why two organisations' industries are related: the two ISIC divisions and how."""

    a: str
    b: str
    kind: str  # "same_division", "proximity" or "same_section"
    strength: float


@dataclass(frozen=True, kw_only=True)
class Match:
    """One ranked candidate with its score breakdown (component → value in 0..1) and evidence."""

    key: int
    score: float
    components: Mapping[str, float]
    contributions: Mapping[str, float]
    semantic_ab: float
    semantic_ba: float
    lexical_ab: float
    lexical_ba: float
    relevance_ab: float
    relevance_ba: float
    industry_links: tuple[IndustryLink, ...]
    shared_themes: tuple[str, ...]
    shared_pillars: tuple[str, ...]
    feedback_factor: float = 1.0
    feedback_notes: tuple[str, ...] = ()


def reciprocal(a: float, b: float) -> float:
    """Harmonic mean of two relevances in 0..1: 0 when either is 0."""
    return 0.0 if a <= 0 or b <= 0 else 2.0 * a * b / (a + b)


def industry_links(
    a: MatchProfile, b: MatchProfile, proximity: Mapping[tuple[str, str], float] | None = None
) -> tuple[float, tuple[IndustryLink, ...]]:
    """Industry relatedness of two organisations (0..1) and the links behind it, strongest first."""
    links: list[IndustryLink] = []
    for da in sorted(a.divisions):
        for db in sorted(b.divisions):
            if da == db:
                links.append(IndustryLink(a=da, b=db, kind="same_division", strength=1.0))
                continue
            phi = None if proximity is None else proximity.get((da, db), proximity.get((db, da)))
            if phi is not None and phi > 0:
                links.append(IndustryLink(a=da, b=db, kind="proximity", strength=float(phi)))
            elif ISIC4_DIVISIONS.get(da) is not None and ISIC4_DIVISIONS.get(da) == ISIC4_DIVISIONS.get(db):
                links.append(IndustryLink(a=da, b=db, kind="same_section", strength=0.5))
    links.sort(key=lambda link: (-link.strength, link.a, link.b))
    return (links[0].strength if links else 0.0), tuple(links[:5])


def _themes_of(profile: MatchProfile, themes: ThemeMap | None) -> set[str]:
    if themes is None:
        return set()
    return {theme.id for group in profile.industries for theme in themes.themes_for(group)}


def _fit(sought: frozenset[str], value: str) -> float:
    if not sought:
        return 0.5
    return 1.0 if value in sought else 0.0


@dataclass
class Matcher:
    """Ranks candidates for one organisation among many, using two indexes (offers and needs).

    ``offer_index`` and ``need_index`` hold each profile's offer and need vectors under its key.
    """

    profiles: Mapping[int, MatchProfile]
    offer_index: VectorIndex
    need_index: VectorIndex
    weights: Weights = field(default_factory=Weights)
    themes: ThemeMap | None = None
    proximity: Mapping[tuple[str, str], float] | None = None
    focus_themes: frozenset[str] = frozenset()
    today: dt.date = field(default_factory=dt.date.today)

    def _reference(self) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """Offer and need vectors of up to REFERENCE_SIZE indexed profiles, evenly spread over the keys: the
        population against which a cosine's standing is judged."""
        cached: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]] | None = getattr(
            self, "_reference_cache", None
        )
        if cached is None:
            keys = sorted(k for k in self.profiles if k in self.offer_index and k in self.need_index)
            if len(keys) > REFERENCE_SIZE:
                keys = [keys[i] for i in np.linspace(0, len(keys) - 1, REFERENCE_SIZE).astype(int)]
            cached = (self.offer_index.vectors_of(keys), self.need_index.vectors_of(keys))
            self._reference_cache = cached
        return cached

    def candidates(self, query: MatchProfile, filters: Filters, hidden: frozenset[int]) -> list[MatchProfile]:
        """The profiles that pass the hard filters, other than ``query`` and the hidden ones."""
        return [
            profile
            for key, profile in self.profiles.items()
            if key != query.key
            and key not in hidden
            and filters.allows(profile)
            and key in self.offer_index
            and key in self.need_index
        ]

    def _shortlist(
        self,
        need: npt.NDArray[np.float32],
        offer: npt.NDArray[np.float32],
        pool: list[MatchProfile],
        size: int,
    ) -> list[MatchProfile]:
        if len(pool) <= EXACT_LIMIT or isinstance(self.offer_index, ExactIndex):
            return pool
        allowed = {profile.key: profile for profile in pool}
        depth = min(len(self.profiles), max(size * 4, 200))
        found: dict[int, MatchProfile] = {}
        while True:
            for index, vector in ((self.offer_index, need), (self.need_index, offer)):
                for key, _score in index.search(vector, depth).row(0):
                    if key in allowed:
                        found[key] = allowed[key]
            if len(found) >= size or depth >= len(self.profiles):
                return list(found.values())
            depth = min(len(self.profiles), depth * 4)

    def rank(
        self,
        key: int,
        *,
        filters: Filters | None = None,
        top: int = 10,
        feedback: Sequence[FeedbackEvent] = (),
        shortlist: int = 200,
    ) -> list[Match]:
        """The ``top`` candidates for the profile ``key``, best first."""
        query = self.profiles.get(key)
        if query is None or key not in self.offer_index or key not in self.need_index:
            raise NotFoundError(f"There is no indexed profile with the key {key}; run the index build first.")
        filters = filters or Filters()
        model = feedback_model(feedback)
        pool = self.candidates(query, filters, model.hidden)
        if not pool:
            return []
        offer_q = self.offer_index.vectors_of([key])[0]
        need_q = self.need_index.vectors_of([key])[0]
        judged_keys = [e.candidate for e in model.events if e.candidate in self.offer_index]
        judged_offers = (
            dict(zip(judged_keys, self.offer_index.vectors_of(judged_keys), strict=True))
            if judged_keys
            else {}
        )
        need_q = model.refine(need_q, judged_offers)
        chosen = self._shortlist(need_q, offer_q, pool, max(shortlist, top))
        keys = [profile.key for profile in chosen]
        offers = self.offer_index.vectors_of(keys)
        needs = self.need_index.vectors_of(keys)
        semantic_ab = offers @ need_q
        semantic_ba = needs @ offer_q
        reference_offers, reference_needs = self._reference()
        standing_ab = _standing(semantic_ab, reference_offers @ need_q)
        standing_ba = _standing(semantic_ba, reference_needs @ offer_q)
        lexical_ab = _lexical([profile.offer_terms for profile in chosen], query.need_terms)
        lexical_ba = _lexical([profile.need_terms for profile in chosen], query.offer_terms)
        judged = {k: self.profiles[k] for k in {e.candidate for e in model.events} if k in self.profiles}
        query_themes = _themes_of(query, self.themes)
        total_weight = sum(getattr(self.weights, name) for name in COMPONENTS)
        results: list[Match] = []
        for i, candidate in enumerate(chosen):
            t_ab = (1 - LEXICAL_SHARE) * float(standing_ab[i]) + LEXICAL_SHARE * float(lexical_ab[i])
            t_ba = (1 - LEXICAL_SHARE) * float(standing_ba[i]) + LEXICAL_SHARE * float(lexical_ba[i])
            industry, links = industry_links(query, candidate, self.proximity)
            candidate_themes = _themes_of(candidate, self.themes)
            shared_themes = query_themes & candidate_themes
            union = query_themes | candidate_themes
            theme_overlap = (
                (len(shared_themes) + len(shared_themes & self.focus_themes))
                / (len(union) + len(shared_themes & self.focus_themes))
                if union
                else 0.0
            )
            shared_pillars = query.pillars & candidate.pillars
            pillar_fit = (
                1.0 if shared_pillars else (0.5 if not query.pillars or not candidate.pillars else 0.0)
            )
            partner = (
                (_fit(query.sought_types, candidate.type) + _fit(query.sought_sizes, candidate.size)) / 2
                + (_fit(candidate.sought_types, query.type) + _fit(candidate.sought_sizes, query.size)) / 2
            ) / 2
            age = max((self.today - candidate.updated).days, 0)
            components = {
                "text": reciprocal(t_ab, t_ba),
                "industry": industry,
                "themes": (theme_overlap + pillar_fit) / 2,
                "partner": partner,
                "freshness": float(0.5 ** (age / FRESHNESS_HALF_LIFE_DAYS)),
            }
            contributions = {
                name: getattr(self.weights, name) * value / total_weight for name, value in components.items()
            }
            factor, notes = model.factor(candidate, judged)
            results.append(
                Match(
                    key=candidate.key,
                    score=sum(contributions.values()) * factor,
                    components=components,
                    contributions=contributions,
                    semantic_ab=float(semantic_ab[i]),
                    semantic_ba=float(semantic_ba[i]),
                    lexical_ab=float(lexical_ab[i]),
                    lexical_ba=float(lexical_ba[i]),
                    relevance_ab=t_ab,
                    relevance_ba=t_ba,
                    industry_links=links,
                    shared_themes=tuple(sorted(shared_themes)),
                    shared_pillars=tuple(sorted(shared_pillars)),
                    feedback_factor=factor,
                    feedback_notes=tuple(notes),
                )
            )
        results.sort(key=lambda match: (-match.score, match.key))
        return results[: max(top, 0)]


def _standing(
    cosines: npt.NDArray[np.float32], reference: npt.NDArray[np.float32]
) -> npt.NDArray[np.float64]:
    """How far each cosine stands above the reference population's, squashed to 0..1: the logistic of
    ``(cos − mean) / spread`` (0.5 for an ordinary candidate, near 1 for an outstanding one). With fewer
    than MIN_REFERENCE reference cosines the cosine itself (clipped to 0..1) is used."""
    values = cosines.astype(np.float64)
    if len(reference) < MIN_REFERENCE:
        return np.asarray(np.clip(values, 0.0, 1.0), dtype=np.float64)
    mean, spread = float(reference.mean()), float(reference.std())
    if spread <= 1e-9:
        return np.full(len(values), 0.5, dtype=np.float64)
    return np.asarray(1.0 / (1.0 + np.exp(-(values - mean) / spread)), dtype=np.float64)


def _lexical(documents: Sequence[Sequence[str]], query: Sequence[str]) -> npt.NDArray[np.float64]:
    """BM25 of ``query`` against each document, divided by the best (0 when nothing matches)."""
    if not query or not any(documents):
        return np.zeros(len(documents), dtype=np.float64)
    scores = BM25().fit([list(document) or [""] for document in documents]).score(list(query))
    best = float(scores.max()) if len(scores) else 0.0
    return scores / best if best > 0 else np.zeros(len(documents), dtype=np.float64)
