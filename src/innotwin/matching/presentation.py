"""Turns matches and explanations into what the pages show: labels in the reader's language."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from innotwin.atlas.models import Industry
from innotwin.bilingual import pick
from innotwin.matching.domain.matches import MatchResult, theme_map
from innotwin.matching.enums import COMPONENT_LABELS, LINK_LABELS


@lru_cache(maxsize=1)
def _division_names() -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for code, name_en, name_ko in Industry.objects.filter(classification="isic4").values_list(
        "code", "name_en", "name_ko"
    ):
        for division in code.split("+"):
            names.setdefault(division, (name_en, name_ko))
    return names


def division_name(division: str) -> str:
    en, ko = _division_names().get(division, ("", ""))
    return pick(en=en, ko=ko) or f"ISIC {division}"


def theme_name(theme_id: str) -> str:
    for theme in theme_map().themes:
        if theme.id == theme_id:
            return pick(en=theme.name_en, ko=theme.name_ko)
    return theme_id


def present(result: MatchResult) -> dict[str, Any]:
    """The template context of one match."""
    match = result.match
    why = result.explanation
    return {
        "organisation": result.organisation,
        "score": match.score,
        "score_percent": round(100 * match.score),
        "breakdown": [
            {
                "label": COMPONENT_LABELS[name],
                "value": round(100 * match.components[name]),
                "contribution": round(100 * match.contributions[name], 1),
            }
            for name in COMPONENT_LABELS
        ],
        "they_meet_your_need": why.query_needs if why else None,
        "you_meet_their_need": why.candidate_needs if why else None,
        "industry_links": [
            {
                "a": division_name(link.a),
                "b": division_name(link.b),
                "kind": LINK_LABELS.get(link.kind, link.kind),
                "strength": round(100 * link.strength),
            }
            for link in match.industry_links[:3]
        ],
        "themes": [theme_name(theme) for theme in match.shared_themes],
        "relevance_ab": round(100 * match.relevance_ab),
        "relevance_ba": round(100 * match.relevance_ba),
        "feedback_factor": match.feedback_factor,
    }
