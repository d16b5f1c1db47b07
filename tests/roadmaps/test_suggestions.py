"""Suggested joint projects from the pairing engine: evidence, accept as an idea, dismiss with a reason
that is remembered."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from innotwin.core.errors import DataError, InvalidStateError
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.domain.create_twin_pair import create_twin_pair
from innotwin.pairs.enums import PairStatus
from innotwin.roadmaps.domain.suggestions import accept_suggestion, dismiss_suggestion, suggestions_for
from innotwin.roadmaps.models import Suggestion


@pytest.fixture
def scored_pair(db, people) -> Any:
    """Merseyside (ITL2) and Busan (sido): regions of the levels the engine scores."""
    pair = create_twin_pair(
        region_a="TLD7", region_b="KR-26", status=PairStatus.ACTIVE, slug="merseyside-busan"
    )
    assign_coordinator(pair=pair, user=people["coordinator"])
    return pair


def test_suggestions_carry_their_evidence_in_both_languages(scored_pair: Any) -> None:
    found = suggestions_for(scored_pair)
    assert found.unavailable == ""
    assert found.items
    first = found.items[0]
    assert first.key == f"theme:{first.theme}"
    assert first.evidence_en.startswith("Evidence: ")
    assert first.evidence_ko.startswith("근거: ")
    assert first.title_ko != first.title_en
    strengths = [item.strength for item in found.items if item.source == "theme"]
    assert strengths == sorted(strengths, reverse=True)


def test_accepting_adds_an_idea_and_dismissing_is_remembered(
    scored_pair: Any, people: dict[str, Any]
) -> None:
    items = suggestions_for(scored_pair).items
    assert len(items) >= 2
    proposal = accept_suggestion(actor=people["coordinator"], pair=scored_pair, key=items[0].key)
    assert proposal.stage == "idea"
    assert proposal.theme_id == items[0].theme
    assert proposal.summary_en == items[0].evidence_en
    with pytest.raises(DataError, match="Give a reason"):
        dismiss_suggestion(actor=people["coordinator"], pair=scored_pair, key=items[1].key, reason=" ")
    dismiss_suggestion(
        actor=people["coordinator"], pair=scored_pair, key=items[1].key, reason="Already funded."
    )
    assert Suggestion.objects.get(pair=scored_pair, key=items[1].key).reason == "Already funded."
    remaining = {item.key for item in suggestions_for(scored_pair).items}
    assert items[0].key not in remaining
    assert items[1].key not in remaining
    with pytest.raises(InvalidStateError, match="already been decided"):
        accept_suggestion(actor=people["coordinator"], pair=scored_pair, key=items[1].key)


def test_a_pair_the_engine_cannot_score_says_why(world: dict[str, Any]) -> None:
    found = suggestions_for(world["pair"])
    assert [item for item in found.items if item.source == "theme"] == []
    assert "uk-lad" in found.unavailable
    # the matching engine still suggests its organisations on each side
    assert [(item.lead_uk, item.lead_kr) for item in found.items] == [
        (world["belfast"].pk, world["sejong"].pk)
    ]


def test_the_dashboard_accepts_a_suggestion_in_korean(scored_pair: Any, people: dict[str, Any]) -> None:
    client = Client()
    client.force_login(people["coordinator"])
    page = client.get("/ko/roadmaps/merseyside-busan/")
    with translation.override("ko"):
        item = suggestions_for(scored_pair).items[0]
    assert item.title_ko in page.content.decode()
    response = client.post("/ko/roadmaps/merseyside-busan/suggestions/accept/", {"key": item.key})
    assert response.status_code == 302
    assert scored_pair.proposals.get().title_ko == item.title_ko
