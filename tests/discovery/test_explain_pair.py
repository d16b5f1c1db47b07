"""One pair explained from the bundled atlas: industries, themes, sentences, inputs with sources."""

from __future__ import annotations

import pytest
from django.utils import translation

from innotwin.core.errors import DataError, NotFoundError
from innotwin.discovery.domain.explain_pair import PairReport, explain_pair
from innotwin.discovery.domain.snapshot_pair import snapshot_pair


@pytest.fixture
def merseyside_busan(atlas) -> PairReport:
    return explain_pair(a="TLD7", b="KR-26")


def test_explanation_shares_water_transport_with_both_location_quotients(
    merseyside_busan: PairReport,
) -> None:
    # BRES 2021: Merseyside 1,250 of 686,425 jobs in water transport, GB 15,270 of 31,341,585 -> 3.738;
    # KOSIS publishes LQ 4.766 for KSIC 50 in Busan (Census on Establishments 2023).
    lead = merseyside_busan.explanation.shared[0]
    assert (lead.industry, round(lead.rca_a, 3), round(lead.rca_b, 3)) == ("50", 3.738, 4.766)


def test_explanation_suggests_maritime_first_with_its_pillars(merseyside_busan: PairReport) -> None:
    # Both are specialised in water transport and in warehousing and support for transport (ISIC 50, 52).
    first = merseyside_busan.explanation.suggested_themes[0]
    assert (first.theme, first.pillars, first.basis, first.shared_industries) == (
        "maritime_ports",
        ("civic", "academic", "business"),
        ("shared",),
        ("50", "52"),
    )


def test_explanation_has_sentences_in_english_and_korean(merseyside_busan: PairReport) -> None:
    explanation = merseyside_busan.explanation
    assert explanation.sentences_en[1] == (
        "They share 9 specialisations (location quotient of at least 1 in both), led by Water transport "
        "(3.7 in Merseyside, 4.8 in Busan)."
    )
    assert explanation.sentences_ko[1] == (
        "두 지역이 함께 특화된 산업(양쪽 모두 입지계수 1 이상)은 9개이며, "
        "대표 산업은 수상 운송업(머지사이드 3.7, "
        "부산광역시 4.8)입니다."
    )


def test_explanation_inputs_carry_their_year_and_source(merseyside_busan: PairReport) -> None:
    population = merseyside_busan.inputs_a["population"]
    busan = merseyside_busan.inputs_b["population"]
    assert (population.period, population.source) == (2021, "ons-rgdp-t6")
    assert (busan.period, busan.source) == (2024, "kosis-registered-population")


def test_explanation_rank_and_robustness_come_from_the_ranking(merseyside_busan: PairReport) -> None:
    entry = merseyside_busan.entry
    assert (entry.rank, entry.present) == (merseyside_busan.explanation.pair.rank, 7)
    assert merseyside_busan.band is None  # bands are kept for the top k only


def test_snapshot_is_plain_json_with_every_number_sourced(merseyside_busan: PairReport) -> None:
    snapshot = snapshot_pair(report=merseyside_busan)
    assert snapshot["employment"]["a"]["indicator"] == "employment_bres"
    assert snapshot["employment"]["a"]["year"] == 2021
    assert set(snapshot["sources"]) >= {"nomis-bres", "kosis-dt-1k52d01", "ons-rgdp-t6"}
    assert {v["source"] for v in snapshot["inputs"]["a"].values()} <= set(snapshot["sources"])
    assert snapshot["profile"]["weights"]["complementarity"] == 1.0


def test_snapshot_gives_left_out_reasons_in_both_languages(atlas) -> None:
    with translation.override("en"):
        snapshot = snapshot_pair(report=explain_pair(a="TLG1", b="KR-43"))
    policy = next(part for part in snapshot["dimensions"] if part["dimension"] == "policy")
    assert policy["score"] is None
    assert policy["left_out"] == (
        "no policy priorities recorded for Herefordshire, Worcestershire and Warwickshire or "
        "Chungcheongbuk-do"
    )
    assert policy["left_out_reason"]["en"] == (
        "No policy priorities are recorded for Herefordshire, Worcestershire and Warwickshire or "
        "Chungcheongbuk-do."
    )
    assert policy["left_out_reason"]["ko"].endswith("의 정책 우선순위는 기록되어 있지 않습니다.")


def test_explanation_of_an_unknown_region_is_not_found(atlas) -> None:
    with pytest.raises(NotFoundError, match=r"There is no region with the code NOWHERE\."):
        explain_pair(a="NOWHERE", b="KR-26")


def test_explanation_of_northern_ireland_says_why_it_cannot_be_paired(atlas) -> None:
    with pytest.raises(
        DataError, match="Northern Ireland cannot be paired: the atlas has no employment by industry"
    ):
        explain_pair(a="TLN0", b="KR-50")


def test_explanation_of_two_regions_of_one_country_is_refused(atlas) -> None:
    with pytest.raises(DataError, match="both in KR"):
        explain_pair(a="KR-26", b="KR-31")


def test_explanation_of_a_district_names_the_level_with_data(atlas) -> None:
    with pytest.raises(NotFoundError, match="levels with it: uk-itl2"):
        explain_pair(a="E47000004", b="KR-26")
