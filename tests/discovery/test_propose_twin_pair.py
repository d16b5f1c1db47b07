"""Proposing a discovered pair: a twin pair in status proposed with its evidence attached."""

from __future__ import annotations

import pytest

from innotwin.core.errors import InvalidStateError
from innotwin.discovery.domain.propose_twin_pair import propose_twin_pair
from innotwin.discovery.models import PairEvidence
from innotwin.pairs.enums import PairStatus
from innotwin.pairs.models import TwinPair


def test_proposal_creates_a_proposed_twin_pair_with_the_sentences_as_summary(atlas, people) -> None:
    pair = propose_twin_pair(a="TLD7", b="KR-26", proposed_by=people["admin"])
    assert (pair.slug, pair.status, pair.region_a_id, pair.region_b_id) == (
        "merseyside-busan",
        PairStatus.PROPOSED,
        "TLD7",
        "KR-26",
    )
    assert pair.summary_en.startswith("Merseyside and Busan score 0.52 out of 1 under the 'balanced' profile")
    assert pair.summary_ko.startswith("머지사이드–부산광역시 쌍의 종합 점수는")
    assert sorted(pair.pillars.values_list("code", flat=True)) == ["academic", "business", "civic"]


def test_proposal_stores_the_evidence_with_profile_years_and_sources(atlas, people) -> None:
    pair = propose_twin_pair(a="TLD7", b="KR-26", profile="peers", proposed_by=people["admin"])
    evidence = PairEvidence.objects.get(pair=pair)
    assert (evidence.profile, evidence.proposed_by, evidence.pairs_ranked) == ("peers", people["admin"], 680)
    snapshot = evidence.snapshot
    assert snapshot["profile"]["weights"]["governance"] == 2.0
    assert (snapshot["employment"]["b"]["indicator"], snapshot["employment"]["b"]["year"]) == (
        "workers_establishment_census",
        2023,
    )
    assert snapshot["inputs"]["a"]["population"] == {
        "value": 1_551_722.0,  # ONS mid-2021 estimate, as in the atlas bundle
        "unit": "persons",
        "atlas_indicator": "population",
        "year": 2021,
        "source": "ons-rgdp-t6",
        "ppp_rate": None,
    }
    assert snapshot["sources"]["nomis-bres"]["licence"] == "OGL-3.0"
    assert evidence.total == snapshot["total"]
    assert evidence.rank == snapshot["rank"]


def test_proposal_of_an_existing_pair_changes_nothing(atlas, people) -> None:
    propose_twin_pair(a="TLD7", b="KR-26")
    with pytest.raises(InvalidStateError, match="Merseyside – Busan is already a twin pair"):
        propose_twin_pair(a="TLD7", b="KR-26")
    assert (TwinPair.objects.count(), PairEvidence.objects.count()) == (1, 1)


def test_proposal_never_reopens_an_active_pair(atlas, people) -> None:
    from innotwin.pairs.domain.create_twin_pair import create_twin_pair

    active = create_twin_pair(
        region_a="TLM8", region_b="KR-27", status=PairStatus.ACTIVE, slug="glasgow-daegu"
    )
    with pytest.raises(InvalidStateError, match="already a twin pair"):
        propose_twin_pair(a="TLM8", b="KR-27")
    active.refresh_from_db()
    assert active.status == PairStatus.ACTIVE


def test_proposal_gets_a_free_slug_when_the_obvious_one_is_taken(atlas, people) -> None:
    from innotwin.pairs.domain.create_twin_pair import create_twin_pair

    create_twin_pair(region_a="TLD3", region_b="KR-26", slug="merseyside-busan")
    assert propose_twin_pair(a="TLD7", b="KR-26").slug == "merseyside-busan-2"
