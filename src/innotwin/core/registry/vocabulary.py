"""The codes of the registry's closed vocabularies, and the words an import file may use for each.

The Django app gives each code a translated label (``innotwin.organisations.enums``); a test keeps the two
in step. Import files may name a value by its code, its English label or its Korean label, in any case
and with or without spaces: ``SME``, ``sme``, ``중소기업`` are all ``sme``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = [
    "ORGANISATION_TYPES",
    "SIZE_BANDS",
    "TEXT_ORIGINS",
    "lookup_key",
    "resolve_term",
]

ORGANISATION_TYPES: Mapping[str, tuple[str, ...]] = {
    "sme": ("SME", "Small or medium-sized enterprise", "중소기업", "중소·중견기업", "스타트업"),
    "large_company": ("Large company", "Corporate", "대기업", "대기업·중견기업"),
    "university": ("University", "Higher education institution", "대학", "대학교"),
    "research_institute": ("Research institute", "Research organisation", "연구기관", "연구소", "연구원"),
    "public_body": ("Public body", "Government", "Local authority", "공공기관", "지방정부", "정부기관"),
    "cluster": (
        "Cluster or intermediary",
        "Cluster",
        "Intermediary",
        "클러스터·중개기관",
        "클러스터",
        "중개기관",
    ),
    "investor": ("Investor", "투자자", "투자기관"),
}
"""Organisation type code → words that name it in import files (English and Korean)."""

SIZE_BANDS: Mapping[str, tuple[str, ...]] = {
    "micro": ("Micro", "Micro (fewer than 10 staff)", "0-9", "1-9", "소기업(10명 미만)", "10명 미만"),
    "small": ("Small", "Small (10–49 staff)", "10-49", "소기업", "10–49명", "10-49명"),
    "medium": ("Medium", "Medium (50–249 staff)", "50-249", "중기업", "50–249명", "50-249명"),
    "large": ("Large", "Large (250 or more staff)", "250+", "250 or more", "대규모", "250명 이상"),
}
"""Size band code (staff headcount, the UK and EU convention) → words that name it."""

TEXT_ORIGINS: Mapping[str, tuple[str, ...]] = {
    "original": ("Original", "원문"),
    "translation": ("Translation", "Human translation", "번역", "사람 번역"),
    "machine": ("Machine translation", "Machine", "MT", "기계 번역", "자동 번역"),
}
"""Whether a text was written in its language, translated by a person, or machine-translated."""

_NOT_KEY = re.compile(r"[\s\-_–·()./,]+")


def lookup_key(text: str) -> str:
    """The form in which words are compared: lower case, without spaces, dashes or brackets."""
    return _NOT_KEY.sub("", text.strip().casefold())


def resolve_term(text: str, vocabulary: Mapping[str, tuple[str, ...]]) -> str | None:
    """The code that ``text`` names in ``vocabulary`` (by code or any of its words), or ``None``."""
    key = lookup_key(text)
    for code, words in vocabulary.items():
        if key == lookup_key(code) or any(key == lookup_key(word) for word in words):
            return code
    return None
