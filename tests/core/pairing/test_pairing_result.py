"""The pairing result: ranks, per-pair breakdowns, left-out reasons, explanations, tables."""

from __future__ import annotations

import math

import pytest

from innotwin.core.errors import DataError, NotFoundError
from innotwin.core.pairing import DIMENSIONS, score_pairs


def test_top_orders_pairs_by_total_with_ranks(toy):
    # Totals from the hand computation in test_pairing_dimensions: a2·b1 .592 > a1·b1 .560 > a1·b2 .440
    # > a2·b2 .299.
    top = score_pairs(toy).top(4)
    assert [(pair.a, pair.b, pair.rank) for pair in top] == [
        ("a2", "b1", 1),
        ("a1", "b1", 2),
        ("a1", "b2", 3),
        ("a2", "b2", 4),
    ]


def test_pair_rank_equals_rank_in_top(toy):
    assert score_pairs(toy).pair("a1", "b2").rank == 3


def test_pair_contributions_add_up_to_total(toy):
    pair = score_pairs(toy).pair("a1", "b1")
    assert sum(part.contribution for part in pair.dimensions) == pytest.approx(pair.total, abs=1e-12)
    assert sum(part.share for part in pair.dimensions) == pytest.approx(1.0, abs=1e-12)


def test_pair_records_left_out_dimension_and_reason(toy):
    pair = score_pairs(toy).pair("a2", "b2")
    left_out = pair.left_out
    assert [(part.dimension, part.left_out, part.share) for part in left_out] == [
        ("policy", "no policy priorities recorded for Beta", 0.0)
    ]
    assert math.isnan(left_out[0].score)
    assert len(pair.scored) == 6


def test_pair_components_list_only_indicators_known_on_both_sides(toy):
    pair = score_pairs(toy).pair("a1", "b2")
    # b2 has no output per head and no tier; patents are known for a1 only.
    assert dict(pair.dimension("scale").components) == {"population": 0.25}
    assert dict(pair.dimension("governance").components) == {"capital": 0.0, "authority": 1.0}
    assert dict(pair.dimension("research").components) == pytest.approx({"rnd_personnel": math.sqrt(3) / 4})


def test_pair_of_unknown_region_raises(toy):
    with pytest.raises(NotFoundError) as error:
        score_pairs(toy).pair("a9", "b1")
    assert str(error.value) == "Region 'a9' is not among the regions of AA."


def test_explain_ranks_shared_and_complementary_industries(toy):
    # a1·b1 share 30 (RCA 1 and 1.5); a1's 10 is missing in b1 (b1's percentile 19/22), b1's 29 is
    # missing in a1 (a1's percentile 19/22).
    explanation = score_pairs(toy).explain("a1", "b1")
    assert [(e.industry, e.value) for e in explanation.shared] == [("30", 1.0)]
    assert [(e.industry, round(e.value, 12)) for e in explanation.complementary_a_to_b] == [
        ("10", round(19 / 22, 12))
    ]
    assert [(e.industry, round(e.value, 12)) for e in explanation.complementary_b_to_a] == [
        ("29", round(19 / 22, 12))
    ]
    assert [e.industry for e in explanation.strengths_b] == ["30", "29"]


def test_explain_suggests_themes_with_pillars(toy):
    # Shared 30 and complementary 29 (percentile 19/22 >= 0.5) both belong to advanced manufacturing
    # and mobility: strength 1 + 19/22 each; maritime has the shared 30 only.
    themes = score_pairs(toy).explain("a1", "b1").suggested_themes
    assert [(t.theme, t.basis, t.pillars) for t in themes] == [
        ("advanced_manufacturing", ("shared", "complementary"), ("academic", "business")),
        ("mobility", ("shared", "complementary"), ("civic", "academic", "business")),
        ("maritime_ports", ("shared",), ("civic", "academic", "business")),
    ]
    assert themes[0].strength == pytest.approx(1 + 19 / 22, abs=1e-12)


def test_explain_counts_shared_policy_priority_as_theme_evidence(toy):
    # a1 and b2 both list maritime and ports; b2 is specialised in 10 and 29, a1 in 10 and 30.
    themes = score_pairs(toy).explain("a1", "b2").suggested_themes
    assert ("maritime_ports", ("complementary", "policy")) in [(t.theme, t.basis) for t in themes]


def test_explain_writes_english_sentences_from_numbers(toy):
    sentences = score_pairs(toy).explain("a1", "b1").sentences_en
    assert sentences == (
        "Alpha and Gamma score 0.56 out of 1 under the "
        "'balanced' profile, on the 7 of 7 dimensions with data "
        "for both; their strongest dimension is urban tier and governance (1.00).",
        "They share 1 specialisation (location quotient of at least 1 in both), led by Other transport "
        "equipment (1.0 in Alpha, 1.5 in Gamma).",
        "Alpha is specialised in Food products (location quotient 1.5) where Gamma is not, at relatedness "
        "percentile 0.86 to Gamma's industries; and Gamma is specialised in Motor vehicles (location "
        "quotient 1.0) where Alpha is not, at relatedness percentile 0.86 to Alpha's industries.",
    )


def test_explain_writes_korean_sentences_from_numbers(toy):
    sentences = score_pairs(toy).explain("a1", "b1").sentences_ko
    assert sentences == (
        "알파–감마 쌍의 종합 점수는 'balanced' 가중치 기준 "
        "0.56점(1점 만점, 두 지역 모두 자료가 있는 7개 차원 반영, "
        "전체 7개 차원)이며, 가장 높은 차원은 도시 위계·거버넌스(1.00)입니다.",
        "두 지역이 함께 특화된 산업(양쪽 모두 입지계수 1 이상)은 "
        "1개이며, 대표 산업은 기타 운송장비(알파 1.0, 감마 1.5)입니다.",
        "감마에는 없는 알파의 특화산업 식료품(입지계수 1.5) "
        "분야는 감마의 산업 기반과의 연관성 백분위가 0.86이고, "
        "알파에는 없는 감마의 특화산업 자동차(입지계수 1.0) "
        "분야는 알파의 산업 기반과의 연관성 백분위가 0.86입니다.",
    )


def test_explain_names_strongest_dimension_among_those_with_weight(toy):
    # a1·b1 scores 1 on governance; with governance weighted 0 the strongest is scale (0.875).
    weights = dict.fromkeys(DIMENSIONS, 1.0) | {"governance": 0.0}
    sentence = score_pairs(toy, profile=weights).explain("a1", "b1").sentences_en[0]
    assert sentence.endswith("their strongest dimension is scale (0.88).")


def test_explain_of_pair_without_shared_or_complementary_industry_says_so(toy):
    # a2 and b1 are specialised in the same two industries.
    sentences = score_pairs(toy).explain("a2", "b1").sentences_en
    assert sentences[2] == "Neither region is specialised in an industry that the other lacks."


def test_to_frame_lists_pairs_best_first_with_every_dimension(toy):
    frame = score_pairs(toy).to_frame()
    assert list(frame.columns) == ["rank", "a", "b", "name_a", "name_b", "total", *DIMENSIONS]
    assert frame[["rank", "a", "b"]].values.tolist() == [
        [1, "a2", "b1"],
        [2, "a1", "b1"],
        [3, "a1", "b2"],
        [4, "a2", "b2"],
    ]


def test_to_frame_with_top_keeps_best_pairs(toy):
    assert score_pairs(toy).to_frame(top=2)["a"].tolist() == ["a2", "a1"]


def test_score_pairs_with_non_positive_threshold_raises(toy):
    with pytest.raises(DataError) as error:
        score_pairs(toy, specialisation_threshold=0)
    assert str(error.value) == (
        "The 'specialisation_threshold' parameter of score_pairs must be a positive number. Got 0 instead."
    )


def test_score_pairs_result_arrays_are_read_only(toy):
    result = score_pairs(toy)
    assert (result.scores.flags.writeable, result.total.flags.writeable) == (False, False)
