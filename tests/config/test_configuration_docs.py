"""docs/configuration.md and the settings table must say the same thing (datasette's rule)."""

from __future__ import annotations

import re

from innotwin.config.table import SETTINGS
from tests.conftest import REPO_ROOT


def _documented() -> dict[str, str]:
    text = (REPO_ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([A-Z_]+)` \| `([^`]*)` \|", text, flags=re.MULTILINE)
    return dict(rows)


def test_configuration_docs_list_every_setting_with_its_default() -> None:
    assert _documented() == {setting.env: setting.default for setting in SETTINGS}
