"""CSV export cells never start a spreadsheet formula (OWASP CSV injection)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from innotwin.core.registry.csvsafe import FORMULA_TRIGGERS, looks_like_formula, neutralise


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+44 114 000", "'+44 114 000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Harbour Robotics", "Harbour Robotics"),
        ("부산", "부산"),
        (1998, 1998),
        (None, None),
    ],
)
def test_neutralise_prefixes_only_risky_text(value: object, expected: object) -> None:
    assert neutralise(value) == expected


@given(st.text())
def test_neutralised_text_never_starts_a_formula(value: str) -> None:
    result = neutralise(value)
    assert isinstance(result, str)
    assert not result.startswith(FORMULA_TRIGGERS)
    assert result.removeprefix("'") == value or result == value


@pytest.mark.parametrize(
    ("value", "expected"), [("=1+1", True), ("  =A1", True), ("1=1", False), ("+1", False)]
)
def test_looks_like_formula_is_a_leading_equals_sign(value: str, expected: bool) -> None:
    assert looks_like_formula(value) is expected
