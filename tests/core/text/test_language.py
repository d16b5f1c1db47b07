"""Korean-or-English detection by the share of Hangul."""

from __future__ import annotations

from innotwin.core.text import detect_language, hangul_ratio


def test_detect_language_korean_sentence_with_acronym() -> None:
    assert detect_language("릴리안 카신 아일랜드 항공국(IAA) 대변인은 말했다.") == "ko"


def test_detect_language_english_sentence_with_korean_name() -> None:
    assert detect_language("The Sejong (세종) pilot began in 2021 with Belfast City Council.") == "en"


def test_detect_language_no_letters_is_undetermined() -> None:
    assert detect_language("2021-22 / 3.5%") == "und"


def test_hangul_ratio_counts_letters_only() -> None:
    assert hangul_ratio("세종 AB 12") == 0.5
