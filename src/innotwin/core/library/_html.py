"""Text of an HTML page with the standard library's tolerant parser; nothing in it is ever executed.

Scripts, styles, templates, embedded objects, forms' hidden parts and SVG are dropped with their content;
block elements become paragraph breaks; ``<br>`` a line break. The page's ``<title>`` (or else its first
``<h1>``) is kept as the title. Event-handler attributes and ``javascript:`` links vanish with every
other attribute: only text nodes are kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["HtmlText", "html_text"]

# Elements whose content is never text for a reader.
_DROPPED = frozenset(
    {"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed", "canvas", "head"}
)
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_ACTIVE = frozenset({"script", "iframe", "object", "embed"})
_HEAD_CONTENT = frozenset({"base", "link", "meta", "noscript", "script", "style", "template", "title"})


class HtmlText:
    """What :func:`html_text` found: the text, a title and how many active elements were removed."""

    def __init__(self, *, text: str, title: str, removed_active: int) -> None:
        self.text = text
        self.title = title
        self.removed_active = removed_active


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.heading_parts: list[str] = []
        self.dropping: list[str] = []
        self.in_title = False
        self.in_h1 = False
        self.h1_done = False
        self.removed_active = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE:
            self.removed_active += 1
        if tag == "title":
            self.in_title = True
            return
        if self.dropping == ["head"] and tag not in _HEAD_CONTENT:
            self.dropping.pop()  # a page that never closes <head>: its body starts here
        if tag in _DROPPED and tag not in _VOID:
            self.dropping.append(tag)
            return
        if self.dropping:
            return
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        if tag == "h1" and not self.h1_done:
            self.in_h1 = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE:
            self.removed_active += 1
        if not self.dropping and tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            elif tag in self.dropping:  # a missing end tag inside: close back to this one
                del self.dropping[self.dropping.index(tag) :]
            return
        if tag in _BLOCK:
            self.parts.append("\n\n")
        if tag == "h1" and self.in_h1:
            self.in_h1 = False
            self.h1_done = True

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.dropping:
            self.parts.append(data)
            if self.in_h1:
                self.heading_parts.append(data)


_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BREAKS = re.compile(r"\n\s*\n\s*")


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BREAKS.sub("\n\n", "\n".join(lines)).strip()


def html_text(markup: str) -> HtmlText:
    """The readable text of ``markup``, paragraphs separated by blank lines. O(len(markup))."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    title = _SPACES.sub(" ", "".join(parser.title_parts)).strip()
    heading = _SPACES.sub(" ", "".join(parser.heading_parts)).strip()
    return HtmlText(
        text=_tidy("".join(parser.parts)), title=title or heading, removed_active=parser.removed_active
    )
