"""Feedback re-ranking changes later rankings the way docs/methods/matching.md says."""

from __future__ import annotations

import pytest

from innotwin.core.errors import DataError
from innotwin.core.matching import FeedbackEvent
from tests.core.matching.helpers import profile, unit, world

# The query seeks something between two families of offers: "port" (axis 0) and "steel" (axis 1).
NEED = unit(1, 1)


def entries() -> list:
    port_a, port_b = unit(1, 0.8, 0.1), unit(1, 0.75, 0, 0.1)
    steel_a, steel_b = unit(0.8, 1, 0.1), unit(0.75, 1, 0, 0.1)
    give_back = unit(0, 0, 0, 0, 1)
    return [
        (profile(1, type="sme"), give_back, NEED),
        (profile(101, type="sme"), port_a, give_back),
        (profile(102, type="university"), port_b, give_back),
        (profile(103, type="sme", size="large"), steel_a, give_back),
        (profile(104, type="university", size="large"), steel_b, give_back),
        *[(profile(200 + i), unit(*([0.0] * (5 + i % 3) + [1.0])), unit(0, 0, 1)) for i in range(8)],
    ]


FOUR = {101, 102, 103, 104}


def order(events: list[FeedbackEvent]) -> list[int]:
    """The four judged-family candidates in ranked order (the filler ranks around them)."""
    return [m.key for m in world(entries()).rank(1, top=20, feedback=events) if m.key in FOUR]


def test_without_feedback_all_four_rank_first() -> None:
    ranked = [m.key for m in world(entries()).rank(1, top=4)]
    assert set(ranked) == FOUR


def test_hidden_candidates_disappear() -> None:
    assert 101 not in order([FeedbackEvent(candidate=101, kind="hidden")])


def test_declined_as_not_relevant_sinks_it_and_its_like() -> None:
    before = order([])
    after = order([FeedbackEvent(candidate=101, kind="declined", reason="not_relevant")])
    assert after.index(101) == 3  # the declined one goes to the bottom of the four
    # its look-alike (102, another port offer) now ranks below both steel offers
    assert after.index(102) > after.index(103)
    assert after.index(102) > after.index(104)
    assert before != after


def test_accepted_raises_candidates_like_it() -> None:
    after = order([FeedbackEvent(candidate=103, kind="accepted")])
    assert set(after[:2]) == {103, 104}  # the steel family rises


def test_declined_for_type_penalises_that_type_only() -> None:
    matcher = world(entries())
    before = {m.key: m for m in matcher.rank(1, top=20)}
    after = {
        m.key: m
        for m in matcher.rank(
            1, top=20, feedback=[FeedbackEvent(candidate=102, kind="declined", reason="wrong_type")]
        )
    }
    assert after[104].score == pytest.approx(before[104].score * 0.7)  # another university
    assert after[101].score == pytest.approx(before[101].score)  # an SME: untouched
    assert after[103].score == pytest.approx(before[103].score)
    assert "wrong_type" in after[104].feedback_notes


def test_declined_for_size_penalises_that_size_and_not_now_is_milder() -> None:
    matcher = world(entries())
    before = {m.key: m.score for m in matcher.rank(1, top=20)}
    sized = {
        m.key: m.score
        for m in matcher.rank(
            1, top=20, feedback=[FeedbackEvent(candidate=103, kind="declined", reason="wrong_size")]
        )
    }
    assert sized[104] == pytest.approx(before[104] * 0.8)
    not_now = {
        m.key: m.score
        for m in matcher.rank(
            1, top=20, feedback=[FeedbackEvent(candidate=101, kind="declined", reason="not_now")]
        )
    }
    other = {
        m.key: m.score
        for m in matcher.rank(
            1, top=20, feedback=[FeedbackEvent(candidate=101, kind="declined", reason="other")]
        )
    }
    assert not_now[101] == pytest.approx(before[101] * 0.6)
    assert other[101] == pytest.approx(before[101] * 0.3)


def test_old_feedback_fades() -> None:
    matcher = world(entries())
    before = {m.key: m.score for m in matcher.rank(1, top=20)}
    old = FeedbackEvent(candidate=101, kind="declined", reason="other", age_days=90)
    after = {m.key: m.score for m in matcher.rank(1, top=20, feedback=[old])}
    assert after[101] == pytest.approx(before[101] * (1 - 0.7 * 0.5))


def test_a_decline_needs_a_known_reason() -> None:
    with pytest.raises(DataError, match="needs a reason"):
        FeedbackEvent(candidate=1, kind="declined")
    with pytest.raises(DataError, match="kind"):
        FeedbackEvent(candidate=1, kind="liked")
