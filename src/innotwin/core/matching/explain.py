"""Why you two: the passages that matched in both directions, the industry and theme links, the breakdown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from innotwin.core.matching.profile import MatchProfile, Passage
from innotwin.core.matching.scoring import COMPONENTS, IndustryLink, Match
from innotwin.core.text.lexical import shared_terms

__all__ = ["Explanation", "PassageLink", "explain"]

Embed = Callable[[Sequence[str]], npt.NDArray[np.float32]]


@dataclass(frozen=True, kw_only=True)
class PassageLink:
    """The passage of one side's needs and of the other side's offers that are closest in meaning."""

    need: Passage
    offer: Passage
    similarity: float
    shared_terms: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class Explanation:
    """Everything shown under "why you two" for a match of ``query`` with ``candidate``."""

    query: MatchProfile
    candidate: MatchProfile
    match: Match
    query_needs: PassageLink | None  # the query's need met by the candidate's offer
    candidate_needs: PassageLink | None  # the candidate's need met by the query's offer
    industry_links: tuple[IndustryLink, ...]
    shared_themes: tuple[str, ...]
    shared_pillars: tuple[str, ...]

    def breakdown(self) -> list[dict[str, float | str]]:
        """Each component: its value (0..1) and its contribution to the score, in a fixed order."""
        return [
            {
                "component": name,
                "value": round(self.match.components[name], 4),
                "contribution": round(self.match.contributions[name], 4),
            }
            for name in COMPONENTS
        ]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form, used by the CLI and the API."""

        def link(item: PassageLink | None) -> dict[str, Any] | None:
            if item is None:
                return None
            return {
                "need": _passage(item.need),
                "offer": _passage(item.offer),
                "similarity": round(item.similarity, 4),
                "shared_terms": list(item.shared_terms),
            }

        return {
            "score": round(self.match.score, 4),
            "breakdown": self.breakdown(),
            "relevance": {
                "query_to_candidate": round(self.match.relevance_ab, 4),
                "candidate_to_query": round(self.match.relevance_ba, 4),
                "semantic": [round(self.match.semantic_ab, 4), round(self.match.semantic_ba, 4)],
                "lexical": [round(self.match.lexical_ab, 4), round(self.match.lexical_ba, 4)],
            },
            "query_needs": link(self.query_needs),
            "candidate_needs": link(self.candidate_needs),
            "industry_links": [
                {"a": item.a, "b": item.b, "kind": item.kind, "strength": round(item.strength, 4)}
                for item in self.industry_links
            ],
            "shared_themes": list(self.shared_themes),
            "shared_pillars": list(self.shared_pillars),
            "feedback": {
                "factor": round(self.match.feedback_factor, 4),
                "notes": list(self.match.feedback_notes),
            },
        }


def _passage(passage: Passage) -> dict[str, str]:
    return {
        "text": passage.text,
        "language": passage.language,
        "source": passage.source,
        "other_text": passage.other_text,
        "other_language": passage.other_language,
    }


def _best(needs: Sequence[Passage], offers: Sequence[Passage], embed: Embed) -> PassageLink | None:
    if not needs or not offers:
        return None
    need_vectors = embed([passage.text for passage in needs])
    offer_vectors = embed([passage.text for passage in offers])
    sims = need_vectors @ offer_vectors.T
    i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
    need, offer = needs[int(i)], offers[int(j)]
    return PassageLink(
        need=need, offer=offer, similarity=float(sims[i, j]), shared_terms=shared_terms(need.text, offer.text)
    )


def explain(query: MatchProfile, candidate: MatchProfile, match: Match, *, embed: Embed) -> Explanation:
    """The explanation of ``match``: ``embed`` turns passages into unit vectors (the matcher's embedder)."""
    return Explanation(
        query=query,
        candidate=candidate,
        match=match,
        query_needs=_best(query.needs, candidate.offers, embed),
        candidate_needs=_best(candidate.needs, query.offers, embed),
        industry_links=match.industry_links,
        shared_themes=match.shared_themes,
        shared_pillars=match.shared_pillars,
    )
