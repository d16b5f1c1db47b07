"""The Korean catalogue is complete and its compiled .mo matches the .po."""

from __future__ import annotations

import polib

from tests.conftest import REPO_ROOT

LOCALE = REPO_ROOT / "src" / "innotwin" / "locale" / "ko" / "LC_MESSAGES"


def test_korean_catalogue_has_no_untranslated_or_fuzzy_entries() -> None:
    catalogue = polib.pofile(str(LOCALE / "django.po"))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_compiled_korean_catalogue_matches_source() -> None:
    source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(LOCALE / "django.po")) if e.msgid}
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(LOCALE / "django.mo")) if e.msgid}
    assert compiled == source
