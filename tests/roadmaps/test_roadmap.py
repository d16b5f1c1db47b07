"""Roadmap versions: draft → signed → superseded, objectives, the agreements register."""

from __future__ import annotations

from typing import Any

import pytest

from innotwin.core.errors import DataError, InvalidStateError
from innotwin.pairs.domain.record_agreement import record_agreement
from innotwin.pairs.enums import AgreementKind
from innotwin.roadmaps.domain.agreements import agreements_register, register_agreement
from innotwin.roadmaps.domain.roadmap import (
    add_objective,
    current_roadmap,
    draft_roadmap,
    sign_roadmap,
    signed_roadmap,
)
from innotwin.roadmaps.models import Theme


def test_the_theme_taxonomy_is_seeded_in_both_languages(db) -> None:
    names = dict(Theme.objects.values_list("code", "name_ko"))
    assert names["hydrogen"] == "수소"
    assert names["maritime_ports"] == "해양·항만"
    assert {"smart_cities", "digital_cyber", "space_satellites", "fintech", "creative_industries"} <= set(
        names
    )


def test_a_roadmap_is_drafted_signed_and_superseded(world: dict[str, Any]) -> None:
    pair = world["pair"]
    draft = draft_roadmap(
        actor=None,
        pair=pair,
        values={"vision_en": "Smart port cities", "vision_ko": "스마트 항만 도시"},
        themes=["smart_cities"],
    )
    add_objective(
        actor=None,
        roadmap=draft,
        values={
            "title_en": "Shared testbed",
            "pillar": "civic",
            "theme": "smart_cities",
            "target_date": "2027-03-31",
        },
    )
    with pytest.raises(DataError) as refused:
        sign_roadmap(
            actor=None, roadmap=draft, signed_on=None, signatories_uk="", signatories_kr="Mayor of Sejong"
        )
    assert {p.field for p in refused.value.problems} == {"signed_on", "signatories_uk"}
    first = sign_roadmap(
        actor=None,
        roadmap=draft,
        signed_on="2026-03-01",
        signatories_uk="Lord Mayor of Belfast",
        signatories_kr="Mayor of Sejong",
        document=("roadmap.pdf", b"%PDF-1.7 signed"),
    )
    assert first.status == "signed"
    assert first.signed_document.name.endswith("roadmap.pdf")
    with pytest.raises(InvalidStateError, match="only a draft can be signed"):
        sign_roadmap(
            actor=None, roadmap=first, signed_on="2026-03-02", signatories_uk="x", signatories_kr="y"
        )
    second = draft_roadmap(actor=None, pair=pair, values={"vision_en": "Smart and net zero port cities"})
    assert second.version == 2
    assert second.objectives.count() == 1  # copied from the signed version
    assert signed_roadmap(pair) == first
    assert current_roadmap(pair) == second
    sign_roadmap(actor=None, roadmap=second, signed_on="2027-01-10", signatories_uk="a", signatories_kr="b")
    first.refresh_from_db()
    assert first.status == "superseded"


def test_objectives_need_a_pillar_and_a_known_theme(world: dict[str, Any]) -> None:
    draft = draft_roadmap(actor=None, pair=world["pair"], values={})
    with pytest.raises(DataError) as refused:
        add_objective(actor=None, roadmap=draft, values={"title_en": "X", "theme": "teleportation"})
    assert {p.field for p in refused.value.problems} == {"pillar", "theme"}
    with pytest.raises(DataError, match="not in the taxonomy"):
        draft_roadmap(actor=None, pair=world["pair"], values={}, themes=["teleportation"])


def test_the_register_links_agreements_to_themes_and_organisations(world: dict[str, Any]) -> None:
    agreement = record_agreement(
        pair=world["pair"], kind=AgreementKind.MOU, title_en="MoU on port data", signed_on=None
    )
    register_agreement(
        agreement=agreement,
        themes=["maritime_ports"],
        organisations=[world["belfast"].slug, world["sejong"].slug],
    )
    (entry,) = agreements_register(world["pair"])
    assert entry.status == "In force"
    assert [t.code for t in entry.themes] == ["maritime_ports"]
    assert entry.details is not None
    assert entry.details.organisations.count() == 2
    with pytest.raises(DataError, match="no agreement status 'maybe'"):
        register_agreement(agreement=agreement, status="maybe")
