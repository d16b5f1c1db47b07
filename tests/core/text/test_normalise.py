"""Clean-up of entities, CP949 mojibake and spacing before embedding."""

from __future__ import annotations

from innotwin.core.text import normalise_text


def test_normalise_text_repairs_cp949_quotes_and_entities() -> None:
    assert normalise_text("The storm¡¯s winds &#8212; ¡°blips¡±") == 'The storm\'s winds - "blips"'


def test_normalise_text_keeps_latin1_letters() -> None:
    assert normalise_text("CANC&Uacute;N café") == "CANCÚN café"


def test_normalise_text_collapses_spaces() -> None:
    assert normalise_text("  동시   에\t통신 ") == "동시 에 통신"
