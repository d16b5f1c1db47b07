"""Consonant skeletons: a shared key for a foreign name written in Hangul and in Latin letters.

Korean writes foreign names by sound (*Steinmeier* is 슈타인마이어, *Bernanke* 버냉키). Reading both
spellings down to their consonants, in classes that the Korean rules for transcribing foreign words
(외래어 표기법, National Institute of the Korean Language, 1986) keep apart, gives the same key for both:

==========  =====================================  =============================
class       Latin letters                          Hangul consonants
==========  =====================================  =============================
``P``       p b f v ph                             ㅂ ㅍ ㅃ
``T``       t d th                                 ㄷ ㅌ ㄸ; final ㅅ ㅆ ㅈ ㅊ ㅌ
``K``       k c (hard) g (hard) q ck qu            ㄱ ㅋ ㄲ
``S``       s z j sh ch dg c (soft) g (soft)       ㅅ ㅆ ㅈ ㅊ ㅉ (initial)
``M N H``   m; n ng; h before a vowel              ㅁ; ㄴ and final ㅇ; ㅎ
(dropped)   vowels, w, y, l, r                     vowels, ㄹ, initial ㅇ
==========  =====================================  =============================

Liquids are dropped because Korean renders a post-vocalic *r* by nothing (버냉키) and *l*/*r* alike
by ㄹ; repeated classes collapse (*McCain* and 매케인 are both ``MKN``). The key is a recall device,
not a transliteration: it is used only as one more lexical term beside numbers and Latin tokens, and
short keys are weak evidence that BM25's inverse document frequency discounts. Complexity: O(len).
"""

from __future__ import annotations

__all__ = ["consonant_skeleton", "hangul_skeleton", "latin_skeleton"]

_INITIAL = ("K", "K", "N", "T", "T", "", "M", "P", "P", "S", "S", "", "S", "S", "S", "K", "T", "P", "H")
_FINAL = (
    "", "K", "K", "KS", "N", "NS", "N", "T", "", "K", "M", "P", "", "T", "P", "",
    "M", "P", "PS", "T", "T", "N", "T", "T", "K", "T", "P", "",
)  # fmt: skip
_VOWELS = frozenset("aeiouy")
_DIGRAPHS = {"ch": "S", "sh": "S", "dg": "S", "th": "T", "ph": "P", "ck": "K", "qu": "K", "gh": ""}
_SINGLE = {
    **dict.fromkeys("pbfv", "P"),
    **dict.fromkeys("td", "T"),
    **dict.fromkeys("kq", "K"),
    **dict.fromkeys("sjz", "S"),
    "m": "M",
    "n": "N",
    "x": "KS",
}


def _collapse(classes: list[str]) -> str:
    out: list[str] = []
    for item in "".join(classes):
        if not out or out[-1] != item:
            out.append(item)
    return "".join(out)


def hangul_skeleton(word: str) -> str:
    """Consonant skeleton of the Hangul syllables in ``word`` (other characters are ignored).

    >>> hangul_skeleton("슈타인마이어")
    'STNM'
    """
    classes: list[str] = []
    for char in word:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            classes.append(_INITIAL[code // 588])
            classes.append(_FINAL[code % 28])
    return _collapse(classes)


def latin_skeleton(word: str) -> str:
    """Consonant skeleton of a word in Latin letters.

    >>> latin_skeleton("Steinmeier")
    'STNM'
    """
    letters = word.lower()
    classes: list[str] = []
    index = 0
    while index < len(letters):
        pair = letters[index : index + 2]
        following = letters[index + 1] if index + 1 < len(letters) else ""
        if pair in _DIGRAPHS:
            classes.append(_DIGRAPHS[pair])
            index += 2
            continue
        if pair == "ng" and letters[index + 2 : index + 3] not in _VOWELS:
            classes.append("N")
            index += 2
            continue
        char = letters[index]
        if char == "h":
            classes.append("H" if following and following in _VOWELS else "")
        elif char in "cg":
            classes.append("S" if following and following in ("eiy" if char == "c" else "ei") else "K")
        else:
            classes.append(_SINGLE.get(char, ""))
        index += 1
    return _collapse(classes)


def consonant_skeleton(word: str) -> str:
    """Consonant skeleton of ``word`` in whichever script it is written (Hangul or Latin)."""
    if any(0xAC00 <= ord(char) <= 0xD7A3 for char in word):
        return hangul_skeleton(word)
    return latin_skeleton(word)
