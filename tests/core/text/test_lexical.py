"""Lexical terms: numbers, stems, Korean morphemes and consonant skeletons, golden values by hand."""

from __future__ import annotations

from innotwin.core.text import analyse, consonant_skeleton, extract_numbers, shared_terms, stem


def test_extract_numbers_korean_magnitudes_resolve() -> None:
    assert extract_numbers("5070만 달러, 약 1만2000원, 3억5000만 명") == (
        50_700_000.0,
        12_000.0,
        350_000_000.0,
    )


def test_extract_numbers_english_magnitudes_resolve() -> None:
    assert extract_numbers("$50.7 million, 12,000 people and 4.4%") == (50_700_000.0, 12_000.0, 4.4)


def test_extract_numbers_korean_dates_are_skipped() -> None:
    assert extract_numbers("16일(현지시간) 8월 인도분은 129.29달러") == (129.29,)


def test_stem_plurals_only() -> None:
    assert [stem(w) for w in ("policies", "cables", "business", "status", "batteries", "gas")] == [
        "policy",
        "cable",
        "business",
        "status",
        "battery",
        "ga",
    ]


def test_consonant_skeleton_same_for_hangul_and_latin_spelling() -> None:
    names = [
        ("Steinmeier", "슈타인마이어"),
        ("Bernanke", "버냉키"),
        ("McCain", "매케인"),
        ("Hamilton", "해밀턴"),
    ]
    assert [consonant_skeleton(latin) for latin, _ in names] == [consonant_skeleton(ko) for _, ko in names]
    assert [consonant_skeleton(latin) for latin, _ in names] == ["STNM", "PNK", "MKN", "HMTN"]


def test_analyse_korean_keeps_content_morphemes_names_and_acronyms() -> None:
    assert analyse("슈타인마이어 장관은 PKK와의 협상을 거부했다.") == (
        "슈타인마이어",
        "~STNM",
        "장관",
        "협상",
        "거부",
        "pkk",
        "~PK",
    )


def test_shared_terms_across_languages_are_numbers_names_and_codes() -> None:
    korean = "벤 버냉키 의장은 NYMEX에서 유가가 5.31달러 떨어졌다고 밝혔다."
    english = "Ben Bernanke said crude fell $5.31 on the NYMEX."
    assert shared_terms(korean, english) == ("#5.31", "nymex", "~NMKS", "~PN", "~PNK")
