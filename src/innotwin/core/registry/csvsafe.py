"""Text that a spreadsheet will show as text, never run as a formula (CSV and formula injection).

Spreadsheet programs treat a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, in some versions, a
tab or carriage return followed by one of those) as a formula, so a value such as
``=HYPERLINK("http://evil","click")`` typed into a profile would run when an exported file is opened.
Following the OWASP advice on CSV injection, :func:`neutralise` prefixes such a value with an apostrophe,
which spreadsheets hide and which makes the cell plain text. Numbers written by innotwin itself (years,
coordinates) are not strings and are left alone.
"""

from __future__ import annotations

__all__ = ["FORMULA_TRIGGERS", "looks_like_formula", "neutralise"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""First characters that make a spreadsheet read a cell as a formula (or hide one after a control)."""


def looks_like_formula(value: str) -> bool:
    """Whether an imported cell is a spreadsheet formula: text that begins with ``=`` (after spaces)."""
    return value.lstrip().startswith("=")


def neutralise(value: object) -> object:
    """``value`` made safe for a spreadsheet cell: text that could start a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
