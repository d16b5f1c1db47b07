"""Lexical terms of a Korean or English text, for BM25 and for cross-lingual evidence.

One analyser serves both languages, so a Korean and an English text share every term that survives
translation:

- **numbers** as values, with Korean and English magnitude words resolved: ``5070만 달러`` and
  ``$50.7 million`` both give ``#50700000``; a Korean day or month number (``16일``, ``8월``) is not a
  term, since English writes weekdays and month names instead;
- **Latin-script words** (names, acronyms, codes such as ``NYMEX``, ``KSIC``, ``3G``), lower-cased and
  stemmed with Harman's S-stemmer (Harman, "How effective is suffixing?", JASIS 42(1), 1991), in Korean
  text as in English;
- **consonant skeletons** (:mod:`innotwin.core.text.romanise`) of Korean proper nouns and loanwords and
  of capitalised English words and word pairs: ``~STNM`` for both 슈타인마이어 and *Steinmeier*;
- **Korean morphemes** from Kiwi (Lee, kiwipiepy; nouns, roots and verb and adjective stems, particles
  and endings dropped) and **English words** (stop words dropped), which match within a language.

Complexity: linear in the length of the text (Kiwi's tokeniser is linear in practice).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from typing import Any

from innotwin.core.errors import ConfigurationError
from innotwin.core.text.normalise import normalise_text
from innotwin.core.text.romanise import hangul_skeleton, latin_skeleton

__all__ = ["analyse", "extract_numbers", "shared_terms", "stem"]

_NUMBER = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn\b|m\b|k\b|천|만|억|조)?", re.IGNORECASE
)
_MAGNITUDE = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3,
    "천": 1e3, "만": 1e4, "억": 1e8, "조": 1e12,
}  # fmt: skip
_KOREAN_CHAIN = frozenset({"만", "억", "조"})
_KOREAN_CALENDAR = re.compile(r"\s*[일월시분초]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_KOREAN_CONTENT = ("NNG", "NNP", "XR", "SH", "VV", "VA")
_STOP_WORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or", "but", "nor",
    "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "this", "that", "these", "those",
    "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "me", "him", "them",
    "us", "as", "not", "no", "so", "if", "than", "then", "there", "here", "have", "has", "had", "do",
    "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "also",
    "just", "about", "into", "over", "after", "before", "up", "down", "out", "more", "most", "very", "said",
    "says", "say", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "all", "any",
    "both", "each", "few", "other", "some", "such", "only", "own", "same", "too", "s", "t"
})  # fmt: skip


@functools.cache
def _kiwi() -> Any:
    """Kiwi's Korean tokeniser, loaded once (about two seconds) on the first Korean text."""
    try:
        from kiwipiepy import Kiwi  # type: ignore[import-untyped]  # kiwipiepy ships no py.typed marker
    except ImportError as error:
        raise ConfigurationError(
            "Analysing Korean text needs the package kiwipiepy; install it with: pip install kiwipiepy"
        ) from error
    return Kiwi()


def stem(word: str) -> str:
    """Harman's S-stemmer on a lower-cased word: plural endings only (``policies`` → ``policy``)."""
    if len(word) > 3 and word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def extract_numbers(text: str) -> tuple[float, ...]:
    """The numbers of ``text`` as values, magnitude words resolved (``1만2000`` → 12000.0)."""
    korean = bool(_HANGUL.search(text))
    values: list[float] = []
    chained = False
    last_end = -1
    for match in _NUMBER.finditer(text):
        try:
            value = float(match.group(1).replace(",", ""))
        except ValueError:
            continue
        unit = (match.group(2) or "").lower()
        if korean and not unit and _KOREAN_CALENDAR.match(text, match.end()):
            chained = False
            continue
        value *= _MAGNITUDE.get(unit, 1.0)
        if chained and match.start() == last_end:
            values[-1] += value  # 3억5000만: the parts of one Korean number add up
        else:
            values.append(value)
        chained = unit in _KOREAN_CHAIN
        last_end = match.end()
    return tuple(values)


def _is_loanword(word: str) -> bool:
    """True when a Hangul word has a syllable that Sino-Korean words lack (ㅋ- or bare ㅡ: 크, 스, 트)."""
    for char in word:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            initial, vowel, final = code // 588, (code % 588) // 28, code % 28
            if (initial == 15 and vowel != 10) or (vowel == 18 and final == 0 and initial != 11):
                return True
    return False


def _latin_terms(words: Sequence[str]) -> list[str]:
    terms = []
    for word in words:
        lower = word.lower()
        if lower not in _STOP_WORDS:
            terms.append(stem(lower))
        if word[0].isupper() and len(skeleton := latin_skeleton(word)) >= 2:
            terms.append("~" + skeleton)
    for first, second in itertools.pairwise(words):
        if (
            first[0].isupper()
            and second[0].isupper()
            and len(skeleton := latin_skeleton(first + second)) >= 3
        ):
            terms.append("~" + skeleton)
    return terms


@functools.lru_cache(maxsize=65536)
def analyse(text: str) -> tuple[str, ...]:
    """The lexical terms of ``text`` (see the module docstring), in order of appearance by kind."""
    text = normalise_text(text)
    terms = [f"#{value:g}" for value in extract_numbers(text)]
    if not _HANGUL.search(text):
        return (*terms, *_latin_terms(_LATIN_WORD.findall(text)))
    latin: list[str] = []
    for token in _kiwi().tokenize(text):
        if token.tag == "SL":
            latin.append(token.form)
        elif token.tag.startswith(_KOREAN_CONTENT):
            terms.append(token.form)
            if (token.tag == "NNP" or (token.tag == "NNG" and _is_loanword(token.form))) and len(
                skeleton := hangul_skeleton(token.form)
            ) >= 2:
                terms.append("~" + skeleton)
    return (*terms, *_latin_terms(latin))


def shared_terms(text_a: str, text_b: str) -> tuple[str, ...]:
    """The terms two texts share, sorted: the lexical evidence shown beside a match."""
    return tuple(sorted(set(analyse(text_a)) & set(analyse(text_b))))
