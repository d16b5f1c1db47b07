"""Text held in English and Korean, shown in the reader's language with the other as fallback."""

from __future__ import annotations

from django.utils.translation import get_language


def pick(*, en: str, ko: str) -> str:
    """The Korean text for a Korean reader and the English text otherwise; either falls back to the other."""
    if (get_language() or "en").startswith("ko"):
        return ko or en
    return en or ko
