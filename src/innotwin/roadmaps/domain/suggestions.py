"""Candidate proposals for a pair from its shared and complementary specialisations (the pairing engine's
suggested themes, via the discovery app's explanation) and from its strongest cross-border organisation
matches (the matching engine's pair matches, with their explanations), each with its evidence. A
coordinator accepts one into the pipeline as an idea or dismisses it with a reason; a decided suggestion
never comes back."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from django.utils import translation
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import DataError, InnotwinError, InvalidStateError, NotFoundError
from innotwin.core.matching import Explanation, Match, explain
from innotwin.organisations.enums import OrganisationType
from innotwin.organisations.models import OpportunityProfile, Organisation
from innotwin.pairs.models import Pillar, TwinPair
from innotwin.roadmaps.domain._common import KOREA, UK, country_of
from innotwin.roadmaps.domain.proposals import create_proposal
from innotwin.roadmaps.enums import SuggestionDecision
from innotwin.roadmaps.models import Proposal, Suggestion, Theme


@dataclass(frozen=True)
class CandidateProposal:
    """One suggestion: a theme for the pair, the pillar to start in, and why (in the reader's language)."""

    key: str
    theme: str
    theme_name: str
    pillar: str
    pillar_name: str
    basis: tuple[str, ...]
    industries: tuple[str, ...]
    strength: float
    title_en: str
    title_ko: str
    evidence_en: str
    evidence_ko: str
    source: str = "theme"
    lead_uk: int | None = None
    lead_kr: int | None = None

    @property
    def title(self) -> str:
        return self.title_ko if (translation.get_language() or "en").startswith("ko") else self.title_en

    @property
    def evidence(self) -> str:
        return self.evidence_ko if (translation.get_language() or "en").startswith("ko") else self.evidence_en


@dataclass(frozen=True)
class Suggestions:
    items: tuple[CandidateProposal, ...]
    unavailable: str = ""
    matching_unavailable: str = ""


def _rows(pair: TwinPair, language: str) -> list[dict[str, Any]]:
    from innotwin.discovery.domain.explain_pair import explain_pair
    from innotwin.discovery.presentation import theme_rows

    with translation.override(language):
        return theme_rows(explain_pair(a=pair.region_a_id, b=pair.region_b_id))


def _evidence(row: dict[str, Any], language: str) -> str:
    with translation.override(language):
        basis = ", ".join(str(item) for item in row["basis"])
        industries = ", ".join(row["industries"][:6])
        if industries:
            return _("Evidence: %(basis)s. Industries: %(industries)s.") % {
                "basis": basis,
                "industries": industries,
            }
        return _("Evidence: %(basis)s.") % {"basis": basis}


def _theme_items(pair: TwinPair, decided: set[str]) -> list[CandidateProposal]:
    """The pairing engine's suggested themes (themes outside the taxonomy are skipped)."""
    rows_en, rows_ko = _rows(pair, "en"), _rows(pair, "ko")
    known = set(Theme.objects.values_list("code", flat=True))
    pair_pillars = list(pair.pillars.values_list("code", flat=True))
    language = (translation.get_language() or "en")[:2]
    items = []
    for en, ko in zip(rows_en, rows_ko, strict=True):
        key = f"theme:{en['id']}"
        if key in decided or en["id"] not in known:
            continue
        pillar_ids = [p["id"] for p in en["pillars"]]
        pillar = next((p for p in pillar_ids if p in pair_pillars), pillar_ids[0])
        index = pillar_ids.index(pillar)
        shown = ko if language == "ko" else en
        items.append(
            CandidateProposal(
                key=key,
                theme=en["id"],
                theme_name=shown["name"],
                pillar=pillar,
                pillar_name=shown["pillars"][index]["name"],
                basis=tuple(str(b) for b in shown["basis"]),
                industries=tuple(shown["industries"]),
                strength=float(en["strength"]),
                title_en=f"{en['name']}: {en['pillars'][index]['name']}",
                title_ko=f"{ko['name']}: {ko['pillars'][index]['name']}",
                evidence_en=_evidence(en, "en"),
                evidence_ko=_evidence(ko, "ko"),
            )
        )
    return items


MATCH_SUGGESTIONS = 3
"""How many of the pair's strongest cross-border organisation matches are suggested at a time."""

ACADEMIC_TYPES = frozenset({OrganisationType.UNIVERSITY, OrganisationType.RESEARCH_INSTITUTE})


def match_key(uk: Organisation, kr: Organisation) -> str:
    """The stable key of the suggestion for one pair of organisations (UK side first)."""
    return f"match:{uk.pk}-{kr.pk}"


def _named(organisation: Organisation, language: str) -> str:
    if language == "ko":
        return organisation.name_ko or organisation.name_en
    return organisation.name_en or organisation.name_ko


def _passage(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:159].rstrip() + "…"


def _match_evidence(why: Explanation, query: Organisation, candidate: Organisation, language: str) -> str:
    from innotwin.matching.enums import COMPONENT_LABELS

    with translation.override(language):
        parts = ", ".join(
            f"{COMPONENT_LABELS[row['component']]} {round(100 * float(row['value']))}%"
            for row in why.breakdown()
        )
        text = _("Organisation match score %(score)s%% (%(parts)s).") % {
            "score": round(100 * why.match.score),
            "parts": parts,
        }
        shown: set[frozenset[str]] = set()  # the same two passages matched both ways are shown once
        for link, seeker, offerer, profile in (
            (why.query_needs, query, candidate, why.query),
            (why.candidate_needs, candidate, query, why.candidate),
        ):
            if link is None or frozenset((link.need.text, link.offer.text)) in shown:
                continue
            shown.add(frozenset((link.need.text, link.offer.text)))
            values = {
                "seeker": _named(seeker, language),
                "need": _passage(link.need.text),
                "offerer": _named(offerer, language),
                "offer": _passage(link.offer.text),
            }
            if profile.needs == profile.offers:  # states no need: its own line of work stands for it
                text += " " + _("%(seeker)s: “%(need)s” matches %(offerer)s: “%(offer)s”.") % values
            else:
                text += " " + _("%(seeker)s seeks “%(need)s”; %(offerer)s offers “%(offer)s”.") % values
        return text


def _match_subject(match: Match, language: str) -> tuple[str, str]:
    """The matched theme (its code, when in the taxonomy, and its name) or else the linked industry."""
    from innotwin.matching.presentation import division_name, theme_name

    with translation.override(language):
        if match.shared_themes:
            return match.shared_themes[0], theme_name(match.shared_themes[0])
        if match.industry_links:
            return "", division_name(match.industry_links[0].b)
        return "", _("joint project")


MATCH_CACHE_SECONDS = 600
"""How long a pair's organisation-match suggestions are kept between page views (ranking and explaining
them embeds passages); any change to an organisation or an opportunity profile, or a new decision,
computes them afresh (:func:`match_state`)."""


def match_state(pair: TwinPair, decided: set[str]) -> str:
    """What the pair's match suggestions depend on: its regions, every organisation and opportunity
    profile (how many, and the latest change), and the decided match suggestions."""
    organisations = Organisation.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    profiles = OpportunityProfile.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    parts = (pair.pk, pair.region_a_id, pair.region_b_id, *organisations.values(), *profiles.values())
    matches = ",".join(sorted(item for item in decided if item.startswith("match:")))
    return ":".join(str(part) for part in parts) + ":" + matches


def _match_items(pair: TwinPair, decided: set[str]) -> list[CandidateProposal]:
    """The pair's strongest cross-border organisation matches not yet decided, as suggestions."""
    key = "roadmaps:match-suggestions:" + hashlib.sha256(match_state(pair, decided).encode()).hexdigest()
    found: list[CandidateProposal] | None = cache.get(key)
    if found is None:
        found = _rank_match_items(pair, decided)
        cache.set(key, found, MATCH_CACHE_SECONDS)
    return found


def _rank_match_items(pair: TwinPair, decided: set[str]) -> list[CandidateProposal]:
    from innotwin.matching.domain.engine import matching_embedder
    from innotwin.matching.domain.matches import matcher, pair_matches, regions_within

    sides = [regions_within([pair.region_a_id]), regions_within([pair.region_b_id])]
    if not all(Organisation.objects.filter(region__in=side).exists() for side in sides):
        return []
    found = pair_matches(pair, top=MATCH_SUGGESTIONS + len(decided))
    if not found:
        return []
    engine, _indexed, _pending = matcher()
    embed = matching_embedder().embed
    known = set(Theme.objects.values_list("code", flat=True))
    pillars = {pillar.code: pillar for pillar in Pillar.objects.all()}
    language = (translation.get_language() or "en")[:2]
    items: list[CandidateProposal] = []
    for item in found:
        by_country = {country_of(org): org for org in (item.a, item.b)}
        if set(by_country) != {UK, KOREA}:
            continue
        uk, kr = by_country[UK], by_country[KOREA]
        key = match_key(uk, kr)
        if key in decided:
            continue
        candidate = item.b if item.match.key == item.b.pk else item.a
        query = item.a if candidate is item.b else item.b
        why = explain(engine.profiles[query.pk], engine.profiles[candidate.pk], item.match, embed=embed)
        theme, subject_en = _match_subject(item.match, "en")
        _theme, subject_ko = _match_subject(item.match, "ko")
        academic = {uk.type, kr.type} <= ACADEMIC_TYPES
        pillar = pillars["academic" if academic else "business"]
        items.append(
            CandidateProposal(
                key=key,
                theme=theme if theme in known else "",
                theme_name=subject_ko if language == "ko" else subject_en,
                pillar=pillar.code,
                pillar_name=pillar.name_ko if language == "ko" else pillar.name_en,
                basis=(),
                industries=(),
                strength=float(item.match.score),
                title_en=f"{_named(uk, 'en')} × {_named(kr, 'en')}: {subject_en}",
                title_ko=f"{_named(uk, 'ko')} × {_named(kr, 'ko')}: {subject_ko}",
                evidence_en=_match_evidence(why, query, candidate, "en"),
                evidence_ko=_match_evidence(why, query, candidate, "ko"),
                source="match",
                lead_uk=uk.pk,
                lead_kr=kr.pk,
            )
        )
        if len(items) == MATCH_SUGGESTIONS:
            break
    return items


def suggestions_for(pair: TwinPair) -> Suggestions:
    """The pair's undecided suggestions: its themes, strongest first, then its strongest organisation
    matches, strongest first. Either engine failing leaves the other's suggestions, with the reason."""
    decided = set(pair.suggestion_decisions.values_list("key", flat=True))
    unavailable = matching_unavailable = ""
    try:
        themes = _theme_items(pair, decided)
    except InnotwinError as error:
        themes, unavailable = [], error.message
    try:
        matches = _match_items(pair, decided)
    except InnotwinError as error:
        matches, matching_unavailable = [], error.message
    return Suggestions(
        items=tuple(themes + matches), unavailable=unavailable, matching_unavailable=matching_unavailable
    )


def _find(pair: TwinPair, key: str) -> CandidateProposal:
    if pair.suggestion_decisions.filter(key=key).exists():
        raise InvalidStateError(_("This suggestion has already been decided."))
    found = next((item for item in suggestions_for(pair).items if item.key == key), None)
    if found is None:
        raise NotFoundError(_("There is no suggestion '%(key)s' for this pair.") % {"key": key})
    return found


@transaction.atomic
def accept_suggestion(*, actor: User | None, pair: TwinPair, key: str, actor_label: str = "") -> Proposal:
    """Add the suggestion to the pipeline as an idea, with its evidence as the summary."""
    item = _find(pair, key)
    proposal = create_proposal(
        actor=actor,
        pair=pair,
        values={
            "title_en": item.title_en,
            "title_ko": item.title_ko,
            "summary_en": item.evidence_en,
            "summary_ko": item.evidence_ko,
            "pillar": item.pillar,
            "theme": item.theme or None,
            **({"lead_uk": item.lead_uk, "lead_kr": item.lead_kr} if item.source == "match" else {}),
        },
        suggestion_key=key,
        actor_label=actor_label,
    )
    Suggestion.objects.create(
        pair=pair, key=key, decision=SuggestionDecision.ACCEPTED, proposal=proposal, decided_by=actor
    )
    return proposal


@transaction.atomic
def dismiss_suggestion(*, actor: User | None, pair: TwinPair, key: str, reason: str) -> Suggestion:
    """Dismiss the suggestion; the reason is kept and the suggestion is not shown again."""
    if not reason.strip():
        raise DataError(_("Give a reason for dismissing the suggestion."))
    _find(pair, key)
    return Suggestion.objects.create(
        pair=pair, key=key, decision=SuggestionDecision.DISMISSED, reason=reason.strip(), decided_by=actor
    )
