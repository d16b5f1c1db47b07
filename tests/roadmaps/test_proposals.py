"""Proposals through the domain functions: stages, the bilateral rule, budgets, partners, milestones,
documents and history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from innotwin.core.errors import DataError, InvalidStateError
from innotwin.roadmaps.domain._common import proposal_snapshot
from innotwin.roadmaps.domain.proposals import (
    attach_document,
    create_proposal,
    move_proposal,
    remove_partner,
    save_milestone,
    set_partner,
    update_proposal,
)
from innotwin.roadmaps.models import Change, Proposal


def _state(proposal: Proposal) -> tuple[dict[str, str], int]:
    fresh = Proposal.objects.get(pk=proposal.pk)
    return proposal_snapshot(fresh), Change.objects.filter(proposal=fresh).count()


def test_a_new_proposal_is_an_idea_with_its_creation_in_the_history(world: dict[str, Any]) -> None:
    proposal = world["proposal"]
    assert proposal.stage == "idea"
    fields = set(Change.objects.filter(proposal=proposal, record="proposal").values_list("field", flat=True))
    assert {"title_en", "title_ko", "pillar", "stage", "partners"} <= fields


def test_moving_along_the_path_records_each_stage(world: dict[str, Any]) -> None:
    proposal = move_proposal(actor=None, proposal=world["proposal"], stage="scoping")
    proposal = move_proposal(actor=None, proposal=proposal, stage="submitted")
    stages = list(
        Change.objects.filter(proposal=proposal, field="stage").order_by("at", "pk").values_list("old", "new")
    )
    assert stages == [("", "idea"), ("idea", "scoping"), ("scoping", "submitted")]


@pytest.mark.parametrize(
    ("target", "reason", "message"),
    [
        ("funded", "", "cannot move from Idea to Funded"),
        ("completed", "", "it can move to Scoping, Stalled, Dropped"),
        ("dropped", "", "needs a reason"),
        ("idea", "", "already at the stage Idea"),
        ("won", "", "There is no stage 'won'"),
    ],
)
def test_an_invalid_move_is_refused_and_the_record_is_unchanged(
    world: dict[str, Any], target: str, reason: str, message: str
) -> None:
    before = _state(world["proposal"])
    with pytest.raises(InvalidStateError, match=message):
        move_proposal(actor=None, proposal=world["proposal"], stage=target, reason=reason)
    assert _state(world["proposal"]) == before


def test_a_final_stage_cannot_be_left(world: dict[str, Any]) -> None:
    proposal = move_proposal(
        actor=None, proposal=world["proposal"], stage="dropped", reason="Funder withdrew."
    )
    assert proposal.stage_reason == "Funder withdrew."
    with pytest.raises(InvalidStateError, match="none \\(it is final\\)"):
        move_proposal(actor=None, proposal=proposal, stage="idea")


def test_resuming_a_stalled_proposal_clears_its_reason(world: dict[str, Any]) -> None:
    proposal = move_proposal(
        actor=None, proposal=world["proposal"], stage="stalled", reason="Waiting for budget."
    )
    proposal = move_proposal(actor=None, proposal=proposal, stage="scoping")
    assert (proposal.stage, proposal.stage_reason) == ("scoping", "")


def test_the_bilateral_call_needs_a_korean_partner_before_submission(
    world: dict[str, Any], bilateral_call: Any
) -> None:
    proposal = update_proposal(
        actor=None, proposal=world["proposal"], values={"funding_call": bilateral_call.slug}
    )
    proposal = move_proposal(actor=None, proposal=proposal, stage="scoping")
    before = _state(proposal)
    with pytest.raises(DataError) as refused:
        move_proposal(actor=None, proposal=proposal, stage="submitted")
    message = refused.value.problems[0].message
    assert "UK–Korea joint R&D call is bilateral" in message
    assert "has no partner in Korea" in message
    assert "United Kingdom and" not in message.split("has no partner in")[1]
    assert _state(proposal) == before
    set_partner(actor=None, proposal=proposal, organisation_ref=world["sejong"].slug, role="research")
    assert move_proposal(actor=None, proposal=proposal, stage="submitted").stage == "submitted"


def test_a_proposal_with_no_partners_is_told_both_sides_are_missing(
    world: dict[str, Any], bilateral_call: Any
) -> None:
    proposal = create_proposal(
        actor=None, pair=world["pair"], values={"title_en": "Empty", "funding_call": bilateral_call.slug}
    )
    proposal = move_proposal(actor=None, proposal=proposal, stage="scoping")
    with pytest.raises(DataError, match="no partner in the United Kingdom and Korea"):
        move_proposal(actor=None, proposal=proposal, stage="submitted")


def test_a_submitted_bilateral_proposal_cannot_lose_its_only_partner_on_one_side(
    world: dict[str, Any], bilateral_call: Any
) -> None:
    proposal = update_proposal(
        actor=None,
        proposal=world["proposal"],
        values={"funding_call": bilateral_call.slug, "lead_kr": world["sejong"].slug},
    )
    move_proposal(actor=None, proposal=proposal, stage="scoping")
    proposal = move_proposal(actor=None, proposal=proposal, stage="submitted")
    before = _state(proposal)
    with pytest.raises(DataError, match="no partner in the United Kingdom"):
        remove_partner(actor=None, proposal=proposal, organisation_ref=world["belfast"].slug)
    assert _state(proposal) == before
    with pytest.raises(DataError, match="no partner in Korea"):
        update_proposal(actor=None, proposal=proposal, values={"lead_kr": ""})
    assert _state(proposal) == before


def test_leads_must_be_on_their_side(world: dict[str, Any]) -> None:
    with pytest.raises(DataError) as refused:
        update_proposal(
            actor=None,
            proposal=world["proposal"],
            values={"lead_uk": world["sejong"].slug, "lead_kr": "nobody"},
        )
    fields = {p.field: p.message for p in refused.value.problems}
    assert "is not in the United Kingdom" in fields["lead_uk"]
    assert "There is no organisation 'nobody'" in fields["lead_kr"]


def test_the_budget_records_the_rate_and_derives_the_other_amount(world: dict[str, Any]) -> None:
    proposal = update_proposal(
        actor=None,
        proposal=world["proposal"],
        values={"budget_gbp": "250,000", "exchange_rate": "1712.5", "rate_date": "2025-06-30"},
    )
    assert proposal.budget_krw == Decimal(428125000)
    assert proposal.rate_date == dt.date(2025, 6, 30)
    with pytest.raises(DataError, match="Give the date of the exchange rate"):
        update_proposal(actor=None, proposal=proposal, values={"exchange_rate": "1700", "rate_date": ""})


def test_a_proposal_needs_a_title(world: dict[str, Any]) -> None:
    with pytest.raises(DataError, match="title in English or Korean"):
        create_proposal(actor=None, pair=world["pair"], values={"summary_en": "No title"})
    with pytest.raises(DataError, match="has no field colour"):
        create_proposal(actor=None, pair=world["pair"], values={"title_en": "X", "colour": "red"})


def test_milestones_are_overdue_when_planned_and_past(world: dict[str, Any]) -> None:
    today = timezone.localdate()
    late = save_milestone(
        actor=None,
        proposal=world["proposal"],
        values={"title_en": "Kick-off", "due_on": today - dt.timedelta(days=3)},
    )
    assert late.is_overdue()
    done = save_milestone(actor=None, proposal=world["proposal"], milestone=late, values={"status": "done"})
    assert not done.is_overdue()
    assert Change.objects.filter(record="milestone", record_id=late.pk, field="status", new="done").exists()
    with pytest.raises(DataError, match="due date"):
        save_milestone(actor=None, proposal=world["proposal"], values={"title_en": "No date"})


def test_documents_are_checked_for_type_and_size(world: dict[str, Any]) -> None:
    document = attach_document(
        actor=None, proposal=world["proposal"], kind="mou", filename="MoU.pdf", data=b"%PDF-1.7\nsigned"
    )
    assert document.size == 15
    assert document.file.read() == b"%PDF-1.7\nsigned"
    with pytest.raises(DataError, match="not of an accepted type"):
        attach_document(actor=None, proposal=world["proposal"], kind="bid", filename="bid.exe", data=b"MZ")
    with pytest.raises(DataError, match="named as PDF but its content is not"):
        attach_document(actor=None, proposal=world["proposal"], kind="bid", filename="bid.pdf", data=b"hello")
    with pytest.raises(DataError, match="no document type 'memo'"):
        attach_document(actor=None, proposal=world["proposal"], kind="memo", filename="a.pdf", data=b"%PDF-")
