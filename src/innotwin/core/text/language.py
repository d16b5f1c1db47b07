"""Korean or English? Language detection by the share of Hangul among letters.

A text is Korean when at least ``threshold`` of its letters are Hangul syllables or jamo, English when
its letters are mostly Latin, and undetermined when it has no letters (numbers, codes, empty text).
Korean text routinely carries Latin names and acronyms (``IAAF``, ``3G``), so the default threshold
is below one half. Complexity: O(len(text)).
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Language", "detect_language", "hangul_ratio"]

Language = Literal["ko", "en", "und"]


def _is_hangul(char: str) -> bool:
    code = ord(char)
    return 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def _is_latin(char: str) -> bool:
    return ("a" <= char <= "z") or ("A" <= char <= "Z") or ("\u00c0" <= char <= "\u024f" and char.isalpha())


def hangul_ratio(text: str) -> float:
    """Share of Hangul among the Hangul and Latin letters of ``text``; 0.0 when it has none."""
    hangul = sum(1 for char in text if _is_hangul(char))
    latin = sum(1 for char in text if _is_latin(char))
    return hangul / (hangul + latin) if hangul + latin else 0.0


def detect_language(text: str, *, threshold: float = 0.3) -> Language:
    """Return ``"ko"``, ``"en"`` or ``"und"`` for ``text`` (see the module docstring)."""
    hangul = sum(1 for char in text if _is_hangul(char))
    latin = sum(1 for char in text if _is_latin(char))
    if hangul + latin == 0:
        return "und"
    return "ko" if hangul / (hangul + latin) >= threshold else "en"
