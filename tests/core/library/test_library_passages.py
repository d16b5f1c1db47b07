from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from innotwin.core.library import split_passages, text_weight


def test_split_passages_offsets_slice_the_source() -> None:
    text = "Busan runs a living lab. Residents test new services.\n\nSejong runs autonomous buses."
    passages = split_passages(text, max_weight=60, min_weight=10)
    assert [(p.text, text[p.start : p.end]) for p in passages] == [
        ("Busan runs a living lab. Residents test new services.",) * 2,
        ("Sejong runs autonomous buses.",) * 2,
    ]
    assert [p.position for p in passages] == [0, 1]


def test_split_passages_keeps_a_short_heading_with_its_paragraph() -> None:
    text = "Eco Delta City\n\nA water-based smart city on the delta. It aims at 28,000 jobs."
    passages = split_passages(text, max_weight=200, min_weight=40)
    assert [p.text for p in passages] == [
        "Eco Delta City A water-based smart city on the delta. It aims at 28,000 jobs."
    ]


def test_split_passages_cuts_korean_sentences_and_weighs_hangul_double() -> None:
    text = "세종시는 자율주행 버스를 운행했다. 차량 공유 구역도 만들었다. 드론이 배송을 돕는다."
    passages = split_passages(text, max_weight=40, min_weight=0)
    assert [p.text for p in passages] == [
        "세종시는 자율주행 버스를 운행했다.",
        "차량 공유 구역도 만들었다.",
        "드론이 배송을 돕는다.",
    ]
    assert {p.language for p in passages} == {"ko"}
    assert text_weight("세종 a") == 6


def test_split_passages_cuts_a_sentence_longer_than_the_limit_at_spaces() -> None:
    text = " ".join(["word"] * 100)
    passages = split_passages(text, max_weight=50, min_weight=0)
    assert all(text_weight(p.text) <= 50 for p in passages)
    assert " ".join(p.text for p in passages) == text


def test_split_passages_of_blank_text_is_empty() -> None:
    assert split_passages("  \n\n \t ") == ()


_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            ["Busan", "세종시는", "ports.", "수소", "jobs!", "2030년", "\n", "\n\n", "  ", "A.", "다."]
        ),
        st.text(alphabet="ab가나 .\n", max_size=12),
    ),
    max_size=80,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, max_weight=st.integers(20, 120))
def test_split_passages_cover_the_text_in_order_within_the_limit(text: str, max_weight: int) -> None:
    passages = split_passages(text, max_weight=max_weight, min_weight=max_weight // 4)
    ends = [0]
    for passage in passages:
        assert passage.start >= ends[-1]
        assert text_weight(text[passage.start : passage.end]) <= max_weight
        assert passage.text == re.sub(r"\s+", " ", text[passage.start : passage.end]).strip()
        ends.append(passage.end)
    covered = "".join(text[p.start : p.end] for p in passages)
    assert re.sub(r"\s+", "", covered) == re.sub(r"\s+", "", text)
