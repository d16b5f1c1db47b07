"""Candidate proposals for a pair from its shared and complementary specialisations (the pairing engine's
suggested themes, via the discovery app's explanation), each with its evidence. A coordinator accepts one
into the pipeline as an idea or dismisses it with a reason; a decided suggestion never comes back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import DataError, InnotwinError, InvalidStateError, NotFoundError
from innotwin.pairs.models import TwinPair
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


def suggestions_for(pair: TwinPair) -> Suggestions:
    """The pair's undecided suggestions, strongest first (themes outside the taxonomy are skipped)."""
    try:
        rows_en, rows_ko = _rows(pair, "en"), _rows(pair, "ko")
    except InnotwinError as error:
        return Suggestions(items=(), unavailable=error.message)
    decided = set(pair.suggestion_decisions.values_list("key", flat=True))
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
    return Suggestions(items=tuple(items))


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
            "theme": item.theme,
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
