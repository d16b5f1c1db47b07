from __future__ import annotations

import pytest

from innotwin.core.library import Snippet, snippet


def test_snippet_cuts_context_at_spaces() -> None:
    text = "one two three four five six seven eight nine ten"
    start = text.index("five")
    assert snippet(text, start, start + len("five six"), context=10) == Snippet(
        before="four ", match="five six", after=" seven", clipped_before=True, clipped_after=True
    )


def test_snippet_of_the_whole_text_is_not_clipped() -> None:
    assert snippet("short text", 0, 10) == Snippet(
        before="", match="short text", after="", clipped_before=False, clipped_after=False
    )


def test_snippet_refuses_offsets_outside_the_text() -> None:
    with pytest.raises(ValueError, match="0 ≤ start ≤ end ≤ 4"):
        snippet("abcd", 2, 9)
