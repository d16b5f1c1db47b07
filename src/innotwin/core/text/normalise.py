"""Text clean-up applied before any text is embedded or tokenised.

News and registry text collected from Korean web pages often carries HTML entities (``&#8212;``) and
punctuation whose CP949 bytes were decoded as Latin-1 (``¡°`` for ``“``). Both change what an encoder
sees without changing what the text says, so they are repaired here, then the text is put in Unicode
NFKC form with straight quotes and single spaces.
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["normalise_text"]

_MOJIBAKE = re.compile(r"[\xa1-\xfe]{2}")
_SPACES = re.compile(r"\s+")
_PUNCTUATION = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "—": " - ", "–": "-", "…": "...", "·": " ", "ㆍ": " "}
)


def _repair_cp949(match: re.Match[str]) -> str:
    pair = match.group(0)
    try:
        char = pair.encode("latin-1").decode("cp949")
    except UnicodeError:
        return pair
    # Only punctuation and symbols are repaired: a real pair of Latin-1 letters (é, ü) stays as it is.
    return char if unicodedata.category(char)[0] in "PS" else pair


def normalise_text(text: str) -> str:
    """Return ``text`` with entities decoded, CP949 mojibake repaired, NFKC form and single spaces.

    >>> normalise_text("He said ¡°yes¡± &#8212; twice")
    'He said "yes" - twice'
    """
    text = html.unescape(html.unescape(text))
    text = _MOJIBAKE.sub(_repair_cp949, text)
    text = unicodedata.normalize("NFKC", text.translate(_PUNCTUATION))
    return _SPACES.sub(" ", text).strip()
