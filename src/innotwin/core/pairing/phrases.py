"""The words of pair explanations in English and Korean, in one place.

Sentences are templates filled with numbers. The Korean templates avoid particles whose form depends
on the last syllable of a name (은/는, 이/가, 와/과), so they read correctly for any region or industry
name, Hangul or Latin.
"""

from __future__ import annotations

__all__ = [
    "DIMENSION_NAMES",
    "complementarity_sentence",
    "overall_sentence",
    "shared_sentence",
]

#: Display names of the dimensions: (English, Korean).
DIMENSION_NAMES = {
    "scale": ("scale", "규모 유사성"),
    "structure": ("economic structure", "산업구조 유사성"),
    "shared_specialisation": ("shared specialisations", "공통 특화산업"),
    "complementarity": ("complementarity", "상호보완성"),
    "research": ("research and innovation base", "연구·혁신 역량"),
    "policy": ("policy priorities", "정책 우선순위"),
    "governance": ("urban tier and governance", "도시 위계·거버넌스"),
}


def overall_sentence(
    *,
    names: tuple[str, str],
    names_ko: tuple[str, str],
    profile: str,
    total: float,
    scored: int,
    dimensions: int,
    best: tuple[str, float] | None,
) -> tuple[str, str]:
    """The total, how many dimensions it rests on, and the strongest dimension."""
    (a, b), (a_ko, b_ko) = names, names_ko
    if best is None:
        return (
            f"{a} and {b} have no score: no dimension has data for both regions.",
            f"{a_ko}–{b_ko} 쌍은 두 지역 모두 자료가 있는 차원이 없어 점수를 매길 수 없습니다.",
        )
    dimension, value = best
    english, korean = DIMENSION_NAMES[dimension]
    return (
        f"{a} and {b} score {total:.2f} out of 1 under the '{profile}' profile, on the {scored} of "
        f"{dimensions} dimensions with data for both; their strongest dimension is {english} ({value:.2f}).",
        f"{a_ko}–{b_ko} 쌍의 종합 점수는 '{profile}' 가중치 기준 {total:.2f}점"
        f"(1점 만점, 두 지역 모두 자료가 있는 {scored}개 차원 반영, 전체 {dimensions}개 차원)이며, "
        f"가장 높은 차원은 {korean}({value:.2f})입니다.",
    )


def shared_sentence(
    *,
    names: tuple[str, str],
    names_ko: tuple[str, str],
    threshold: float,
    count: int,
    lead: tuple[str, str, float, float] | None,
) -> tuple[str, str]:
    """How many specialisations the pair shares and the strongest one: (name, name_ko, LQ a, LQ b)."""
    (a, b), (a_ko, b_ko) = names, names_ko
    if lead is None:
        return (
            "They share no specialisation (no industry has a location quotient of at least "
            f"{threshold:g} in both).",
            f"두 지역이 함께 특화된 산업(양쪽 모두 입지계수 {threshold:g} 이상)은 없습니다.",
        )
    industry, industry_ko, value_a, value_b = lead
    plural = "" if count == 1 else "s"
    return (
        f"They share {count} specialisation{plural} (location quotient of at least {threshold:g} in both), "
        f"led by {industry} ({value_a:.1f} in {a}, {value_b:.1f} in {b}).",
        f"두 지역이 함께 특화된 산업(양쪽 모두 입지계수 {threshold:g} 이상)은 {count}개이며, 대표 산업은 "
        f"{industry_ko}({a_ko} {value_a:.1f}, {b_ko} {value_b:.1f})입니다.",
    )


def complementarity_sentence(
    *,
    names: tuple[str, str],
    names_ko: tuple[str, str],
    a_to_b: tuple[str, str, float, float] | None,
    b_to_a: tuple[str, str, float, float] | None,
) -> tuple[str, str]:
    """The best one-sided specialisation each way: (name, name_ko, its LQ, relatedness percentile)."""
    (a, b), (a_ko, b_ko) = names, names_ko
    english: list[str] = []
    korean: list[str] = []
    for (source, target), (source_ko, target_ko), lead in (
        ((a, b), (a_ko, b_ko), a_to_b),
        ((b, a), (b_ko, a_ko), b_to_a),
    ):
        if lead is None:
            continue
        industry, industry_ko, value, related = lead
        english.append(
            f"{source} is specialised in {industry} (location quotient {value:.1f}) where {target} is not, "
            f"at relatedness percentile {related:.2f} to {target}'s industries"
        )
        korean.append(
            f"{target_ko}에는 없는 {source_ko}의 특화산업 {industry_ko}(입지계수 {value:.1f}) 분야는 "
            f"{target_ko}의 산업 기반과의 연관성 백분위가 {related:.2f}"
        )
    if not english:
        return (
            "Neither region is specialised in an industry that the other lacks.",
            "한 지역에만 있는 특화산업이 없습니다.",
        )
    return "; and ".join(english) + ".", "이고, ".join(korean) + "입니다."
