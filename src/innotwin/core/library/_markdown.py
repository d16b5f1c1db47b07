"""Text of a Markdown file: the words a reader sees, with the markup removed line by line.

Front matter (``---`` … ``---``) gives the title when it has a ``title:`` line and is otherwise dropped;
raw HTML goes through the HTML reader (so scripts vanish); links and images keep their text; heading,
list, quote, emphasis, code and table marks are removed. The first level-one heading is the title.
"""

from __future__ import annotations

import re

from innotwin.core.library._html import html_text

__all__ = ["MarkdownText", "markdown_text"]

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", re.DOTALL)
_TITLE_LINE = re.compile(r"^title:\s*[\"']?(.*?)[\"']?\s*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$", re.MULTILINE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`+|~~)(?=\S)(.+?)(?<=\S)\1")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TAG = re.compile(r"<[A-Za-z!/]")


class MarkdownText:
    """What :func:`markdown_text` found: the text and the title, if any."""

    def __init__(self, *, text: str, title: str, removed_active: int) -> None:
        self.text = text
        self.title = title
        self.removed_active = removed_active


def markdown_text(source: str) -> MarkdownText:
    """The readable text of the Markdown ``source``. O(len(source))."""
    title = ""
    front = _FRONT_MATTER.match(source)
    if front:
        found = _TITLE_LINE.search(front.group(1))
        title = found.group(1) if found else ""
        source = source[front.end() :]
    removed = 0
    if _TAG.search(source):
        cleaned = html_text(source.replace("\n", "<br>"))
        source, removed = cleaned.text, cleaned.removed_active
    source = _REFERENCE.sub("", source)
    lines: list[str] = []
    in_code = False
    for raw in source.split("\n"):
        if _FENCE.match(raw):
            in_code = not in_code
            continue
        if in_code:
            lines.append(raw)
            continue
        if _RULE.match(raw) or _TABLE_RULE.match(raw):
            lines.append("")
            continue
        line = raw
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
            if not title and raw.lstrip().startswith("# "):
                title = line
        line = _QUOTE.sub("", line)
        line = _LIST.sub("", line)
        line = _IMAGE.sub(r"\1", line)
        line = _LINK.sub(r"\1", line)
        line = _EMPHASIS.sub(r"\2", line)
        if line.count("|") >= 2:
            line = " · ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        lines.append(line.rstrip())
        if heading:
            lines.append("")  # a heading is a block of its own
    return MarkdownText(text="\n".join(lines).strip(), title=title.strip(), removed_active=removed)
