"""The engine's vocabularies and the Django enums name the same codes."""

from __future__ import annotations

import pytest

from innotwin.core.registry.vocabulary import ORGANISATION_TYPES, SIZE_BANDS, TEXT_ORIGINS, resolve_term
from innotwin.organisations.enums import OrganisationType, SizeBand, TextOrigin


@pytest.mark.parametrize(
    ("vocabulary", "choices"),
    [(ORGANISATION_TYPES, OrganisationType), (SIZE_BANDS, SizeBand), (TEXT_ORIGINS, TextOrigin)],
)
def test_engine_vocabulary_matches_django_choices(vocabulary, choices) -> None:
    assert set(vocabulary) == {value for value in choices.values if value}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("SME", "sme"),
        ("중소기업", "sme"),
        ("Large company", "large_company"),
        ("cluster or intermediary", "cluster"),
        ("연구기관", "research_institute"),
        ("large_company", "large_company"),
        ("기계 번역", "machine"),
    ],
)
def test_import_words_in_either_language_resolve(text: str, code: str) -> None:
    vocabulary = TEXT_ORIGINS if code == "machine" else ORGANISATION_TYPES
    assert resolve_term(text, vocabulary) == code
