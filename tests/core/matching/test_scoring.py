"""The reciprocal score: both directions must fit; filters, industries, themes, partner sought, freshness."""

from __future__ import annotations

import datetime as dt

import pytest

from innotwin.core.errors import ConfigurationError, NotFoundError
from innotwin.core.matching import COMPONENTS, Filters, Weights, industry_links, reciprocal
from innotwin.core.pairing.themes import load_theme_map
from tests.core.matching.helpers import TODAY, profile, unit, world

# Direction 0 = port software, 1 = steel, 2 = batteries, 3..7 = unrelated filler.
SOFTWARE, STEEL, BATTERY = unit(1), unit(0, 1), unit(0, 0, 1)


def filler(key: int, axis: int) -> tuple:
    vector = unit(*([0.0] * axis + [1.0]))
    return (profile(key), vector, vector)


def test_reciprocal_is_harmonic_mean_and_zero_when_one_side_is_zero() -> None:
    assert reciprocal(0.8, 0.8) == pytest.approx(0.8)
    assert reciprocal(1.0, 0.0) == 0.0
    assert reciprocal(0.9, 0.3) < (0.9 + 0.3) / 2


def test_a_match_good_for_both_beats_one_good_for_one_side_only() -> None:
    # 1 seeks software and offers steel. 101 offers software and seeks steel (good for both);
    # 102 offers software but seeks batteries (good for 1 only).
    entries = [
        (profile(1), STEEL, SOFTWARE),
        (profile(101), SOFTWARE, STEEL),
        (profile(102), SOFTWARE, BATTERY),
        *[filler(200 + i, 3 + i % 5) for i in range(10)],
    ]
    ranked = world(entries).rank(1, filters=Filters(countries=frozenset({"KR"})), top=3)
    assert [match.key for match in ranked[:2]] == [101, 102]
    best, one_sided = ranked[0], ranked[1]
    assert best.relevance_ab > 0.5
    assert best.relevance_ba > 0.5
    assert one_sided.relevance_ab > 0.5
    assert one_sided.relevance_ba < best.relevance_ba
    assert best.components["text"] > one_sided.components["text"]
    assert sum(best.contributions.values()) == pytest.approx(best.score)
    assert set(best.components) == set(COMPONENTS)


def test_hard_filters_apply_before_ranking() -> None:
    entries = [
        (profile(1), STEEL, SOFTWARE),
        (profile(101, type="university"), SOFTWARE, STEEL),
        (profile(102, type="sme", languages=frozenset({"ko"})), SOFTWARE, STEEL),
        (profile(103, region="KR-50"), SOFTWARE, STEEL),
        (profile(2), SOFTWARE, STEEL),  # same country as the query
    ]
    matcher = world(entries)
    keys = lambda filters: {m.key for m in matcher.rank(1, filters=filters, top=10)}  # noqa: E731
    assert keys(Filters(countries=frozenset({"KR"}))) == {101, 102, 103}
    assert keys(Filters(types=frozenset({"university"}))) == {101}
    assert keys(Filters(regions=frozenset({"KR-50"}))) == {103}
    assert keys(Filters(languages=frozenset({"ko"}))) == {102}
    assert keys(Filters(exclude=frozenset({101, 102}), countries=frozenset({"KR"}))) == {103}
    assert 1 not in keys(Filters())


def test_industry_links_same_division_proximity_and_section() -> None:
    a = profile(1, industries=frozenset({"62", "41+42"}))
    b = profile(101, industries=frozenset({"62"}))
    c = profile(102, industries=frozenset({"63"}))  # same section J as 62
    d = profile(103, industries=frozenset({"10"}))
    assert industry_links(a, b)[0] == 1.0
    strength, links = industry_links(a, c)
    assert strength == 0.5
    assert links[0].kind == "same_section"
    assert industry_links(a, d) == (0.0, ())
    strength, links = industry_links(a, d, {("10", "62"): 0.7})
    assert strength == pytest.approx(0.7)
    assert links[0].kind == "proximity"


def test_themes_partner_sought_and_freshness_change_the_score() -> None:
    same = SOFTWARE
    query = profile(
        1,
        industries=frozenset({"50"}),
        pillars=frozenset({"business"}),
        sought_types=frozenset({"university"}),
    )
    entries = [
        (query, same, same),
        (
            profile(101, industries=frozenset({"52"}), pillars=frozenset({"business"}), type="university"),
            same,
            same,
        ),
        (profile(102, industries=frozenset({"86"}), pillars=frozenset({"civic"}), type="sme"), same, same),
        (profile(103, type="university", updated=TODAY - dt.timedelta(days=720)), same, same),
    ]
    ranked = {m.key: m for m in world(entries, themes=load_theme_map()).rank(1, top=10)}
    assert "maritime_ports" in ranked[101].shared_themes
    assert ranked[101].shared_pillars == ("business",)
    assert ranked[101].components["themes"] > ranked[102].components["themes"]
    assert ranked[101].components["partner"] > ranked[102].components["partner"]
    assert ranked[103].components["freshness"] == pytest.approx(0.5**4)
    assert ranked[101].score > ranked[102].score


def test_unknown_query_and_bad_weights_are_refused() -> None:
    matcher = world([(profile(1), SOFTWARE, SOFTWARE)])
    with pytest.raises(NotFoundError, match="no indexed profile"):
        matcher.rank(5)
    assert matcher.rank(1) == []
    with pytest.raises(ConfigurationError):
        Weights(text=-1)


def test_hnsw_and_exact_backends_rank_the_same_small_world() -> None:
    entries = [(profile(1), STEEL, SOFTWARE)] + [filler(100 + i, i % 8) for i in range(40)]
    exact = world(entries).rank(1, top=5)
    approximate = world(entries, backend="hnsw").rank(1, top=5)
    assert [m.key for m in exact] == [m.key for m in approximate]
