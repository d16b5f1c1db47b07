"""Compile every gettext catalogue (.po) under src/innotwin/locale into its .mo, without GNU gettext.

Run after editing a .po file: ``python scripts/compile_messages.py``. The .mo files are committed so that
an installed innotwin speaks Korean with no build step; a test fails when a .mo is older than its .po.
"""

from __future__ import annotations

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[1] / "src" / "innotwin" / "locale"


def main() -> None:
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        catalogue = polib.pofile(str(po_path))
        untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
        if untranslated:
            raise SystemExit(
                f"{po_path}: {len(untranslated)} untranslated messages, e.g. {untranslated[0]!r}"
            )
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(LOCALE.parent)}")


if __name__ == "__main__":
    main()
