"""Splitting a text into passages: windows of whole sentences, with offsets for highlighting.

1. The text is cut into **blocks** at blank lines (paragraphs; a PDF page break is a blank line too).
2. Each block is cut into **sentences** after ``.``, ``!``, ``?``, ``。`` or ``…`` (and any closing quote
   or bracket) followed by white space, and at single line breaks that follow such a mark. Korean
   sentences end with the same marks (``…했다.``), so one rule serves both languages.
3. Sentences are packed greedily, in order, into **windows** of at most ``max_weight``, where a Hangul
   syllable weighs 2 and any other character 1 (a Korean syllable carries about as much meaning as two
   English letters, and both sentence encoders read about 500 tokens at most). A window does not cross a
   block boundary unless it still weighs less than ``min_weight`` (a heading joins the paragraph under
   it). A sentence heavier than ``max_weight`` is cut at the last space before the limit.

Passages keep ``start``/``end`` offsets into the text they came from, so a search result can show the
matching passage highlighted inside its context. Splitting is deterministic and linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from innotwin.core.text.language import Language, detect_language

__all__ = ["Passage", "split_passages", "text_weight"]

_BLOCK_BREAK = re.compile(r"\n[ \t\f\v\r]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?。…]+[\"'”’)\]]*(?=\s)")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, kw_only=True)
class Passage:
    """A window of whole sentences: ``text`` is ``source[start:end]`` with white space collapsed."""

    position: int
    start: int
    end: int
    text: str
    language: Language


def text_weight(text: str) -> int:
    """Length in characters, counting each Hangul syllable twice."""
    return len(text) + sum(1 for char in text if "\uac00" <= char <= "\ud7a3")


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _BLOCK_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _sentences(text: str, start: int, end: int, max_weight: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        yield from _cut(text, cursor, match.end(), max_weight)
        cursor = match.end()
    yield from _cut(text, cursor, end, max_weight)


def _cut(text: str, start: int, end: int, max_weight: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` stripped, in pieces of at most ``max_weight``, cut at spaces where possible."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end:
        limit = start
        weight = 0
        while limit < end and weight + text_weight(text[limit]) <= max_weight:
            weight += text_weight(text[limit])
            limit += 1
        if limit == end:
            yield start, end
            return
        space = text.rfind(" ", start + 1, limit)
        cut = space if space > start else max(limit, start + 1)
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1


def split_passages(text: str, *, max_weight: int = 600, min_weight: int = 150) -> tuple[Passage, ...]:
    """Passages of ``text`` (see the module docstring); an empty or blank text has none."""
    if max_weight < 20 or not 0 <= min_weight <= max_weight:
        raise ValueError(
            "The 'max_weight' parameter of split_passages must be at least 20 and 'min_weight' between 0 and "
            f"max_weight. Got max_weight={max_weight!r}, min_weight={min_weight!r} instead."
        )
    windows: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for block_start, block_end in _blocks(text):
        first_in_block = True
        for start, end in _sentences(text, block_start, block_end, max_weight):
            if current is not None:
                joined = text_weight(text[current[0] : end])
                light = text_weight(text[current[0] : current[1]]) < min_weight
                if joined <= max_weight and (not first_in_block or light):
                    current = (current[0], end)
                    first_in_block = False
                    continue
                windows.append(current)
            current = (start, end)
            first_in_block = False
    if current is not None:
        windows.append(current)
    passages: list[Passage] = []
    for start, end in windows:
        clean = _SPACE.sub(" ", text[start:end]).strip()
        if clean:
            passages.append(
                Passage(
                    position=len(passages), start=start, end=end, text=clean, language=detect_language(clean)
                )
            )
    return tuple(passages)
