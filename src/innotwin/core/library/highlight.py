"""The context around a matching passage, cut at word boundaries, for showing it highlighted.

:func:`snippet` returns plain text in three parts (before, the match, after); the caller escapes them
and wraps the match in ``<mark>``. Nothing here produces markup, so nothing here can inject any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Snippet", "snippet"]

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, kw_only=True)
class Snippet:
    """``before + match + after`` is a stretch of the source text; ``clipped_*`` say whether it goes on."""

    before: str
    match: str
    after: str
    clipped_before: bool
    clipped_after: bool


def snippet(text: str, start: int, end: int, *, context: int = 160) -> Snippet:
    """``text[start:end]`` with up to ``context`` characters either side, cut at white space."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(
            f"The 'start' and 'end' parameters of snippet must satisfy 0 ≤ start ≤ end ≤ {len(text)}. "
            f"Got start={start!r}, end={end!r} instead."
        )
    left = max(0, start - context)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(len(text), end + context)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return Snippet(
        before=_SPACE.sub(" ", text[left:start]).lstrip(),
        match=_SPACE.sub(" ", text[start:end]),
        after=_SPACE.sub(" ", text[end:right]).rstrip(),
        clipped_before=left > 0,
        clipped_after=right < len(text),
    )
