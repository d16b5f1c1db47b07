"""Suggested joint projects from the matching engine: a pair's strongest cross-border organisation
matches become suggestions with the match's evidence; accepting one sets both organisations as leads;
a dismissed one does not come back."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from innotwin.core.errors import InvalidStateError
from innotwin.organisations.models import Organisation
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.domain.create_twin_pair import create_twin_pair
from innotwin.pairs.enums import PairStatus
from innotwin.roadmaps.domain.suggestions import accept_suggestion, dismiss_suggestion, suggestions_for
from innotwin.roadmaps.models import Suggestion


@pytest.fixture
def matched_pair(db, people) -> Any:
    """The Liverpool City Region – Busan pair with the matching demo organisations, embedded."""
    from innotwin.matching.demo import load_matching_demo
    from innotwin.matching.domain.engine import current_profiles, refresh_vectors

    pair = create_twin_pair(
        region_a="E47000004", region_b="KR-26", status=PairStatus.ACTIVE, slug="liverpool-city-region-busan"
    )
    assign_coordinator(pair=pair, user=people["coordinator"])
    load_matching_demo(index=False)
    refresh_vectors(current_profiles())
    return pair


def _matches(pair: Any) -> list[Any]:
    return [item for item in suggestions_for(pair).items if item.source == "match"]


def test_a_pair_with_matching_organisations_gets_match_suggestions_with_evidence(matched_pair: Any) -> None:
    found = suggestions_for(matched_pair)
    assert found.matching_unavailable == ""
    items = [item for item in found.items if item.source == "match"]
    assert 1 <= len(items) <= 3
    first = items[0]
    uk = Organisation.objects.select_related("region").get(pk=first.lead_uk)
    kr = Organisation.objects.select_related("region").get(pk=first.lead_kr)
    assert (uk.region.country_id, kr.region.country_id) == ("GB", "KR")
    assert first.key == f"match:{uk.pk}-{kr.pk}"
    assert first.title_en.startswith(f"{uk.name_en} × ")
    assert first.title_ko != first.title_en
    assert first.evidence_en.startswith("Organisation match score ")
    assert "What each offers and seeks" in first.evidence_en
    assert any(" seeks “" in item.evidence_en for item in items)
    assert first.evidence_ko.startswith("기관 매칭 점수 ")
    academic = {uk.type, kr.type} <= {"university", "research_institute"}
    assert first.pillar == ("academic" if academic else "business")
    strengths = [item.strength for item in items]
    assert strengths == sorted(strengths, reverse=True)


def test_accepting_a_match_sets_both_leads_and_dismissing_is_remembered(
    matched_pair: Any, people: dict[str, Any]
) -> None:
    items = _matches(matched_pair)
    assert len(items) >= 2
    proposal = accept_suggestion(actor=people["coordinator"], pair=matched_pair, key=items[0].key)
    assert proposal.stage == "idea"
    assert (proposal.lead_uk_id, proposal.lead_kr_id) == (items[0].lead_uk, items[0].lead_kr)
    assert proposal.pillar_id == items[0].pillar
    assert proposal.summary_en == items[0].evidence_en
    assert proposal.suggestion_key == items[0].key
    dismiss_suggestion(
        actor=people["coordinator"], pair=matched_pair, key=items[1].key, reason="They already work together."
    )
    assert Suggestion.objects.get(pair=matched_pair, key=items[1].key).reason == "They already work together."
    remaining = {item.key for item in _matches(matched_pair)}
    assert items[0].key not in remaining
    assert items[1].key not in remaining
    with translation.override("en"), pytest.raises(InvalidStateError, match="already been decided"):
        accept_suggestion(actor=people["coordinator"], pair=matched_pair, key=items[1].key)


def test_the_dashboard_shows_and_accepts_a_match_suggestion(
    matched_pair: Any, people: dict[str, Any]
) -> None:
    client = Client()
    client.force_login(people["coordinator"])
    item = _matches(matched_pair)[0]
    page = client.get("/en/roadmaps/liverpool-city-region-busan/").content.decode()
    assert item.title_en in page
    assert "Organisation match" in page
    response = client.post("/en/roadmaps/liverpool-city-region-busan/suggestions/accept/", {"key": item.key})
    assert response.status_code == 302
    proposal = matched_pair.proposals.get()
    assert (proposal.lead_uk_id, proposal.lead_kr_id) == (item.lead_uk, item.lead_kr)


def test_match_suggestions_are_computed_afresh_when_a_profile_changes(matched_pair: Any) -> None:
    from innotwin.organisations.models import OpportunityProfile
    from innotwin.roadmaps.domain.suggestions import match_state

    before = match_state(matched_pair, set())
    assert match_state(matched_pair, set()) == before
    profile = OpportunityProfile.objects.order_by("pk").first()
    profile.title_en = profile.title_en + " (updated)"
    profile.save()
    after = match_state(matched_pair, set())
    assert after != before
    assert match_state(matched_pair, {"match:1:2"}) != after
