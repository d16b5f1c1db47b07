"""The committed policy-priority and governance tables: rebuilt from the shared data, complete, documented."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from innotwin.discovery import reference
from innotwin.regions.models import Region
from tests.conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "build_policy_priorities.py"


def test_policy_table_is_what_the_script_builds_from_the_shared_data(shared_data: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--shared", str(shared_data)],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")


def test_policy_table_tags_are_theme_ids() -> None:
    from innotwin.core.pairing import load_theme_map

    themes = {theme.id for theme in load_theme_map().themes}
    used = {tag for documents in reference.policy_documents().values() for d in documents for tag in d.tags}
    assert used <= themes
    assert reference.policy_tags("KR-31") == frozenset(
        {"maritime_ports", "advanced_manufacturing", "net_zero_clean_energy", "mobility", "hydrogen"}
    )


def test_policy_table_keeps_a_source_address_for_every_document() -> None:
    documents = [d for items in reference.policy_documents().values() for d in items]
    assert len(documents) == 11
    assert all(d.urls and all(url.startswith("http") for url in d.urls) for d in documents)


def test_governance_table_covers_every_itl2_region_and_sido(atlas) -> None:
    codes = set(Region.objects.filter(level__in=["uk-itl2", "kr-sido"]).values_list("code", flat=True))
    assert set(reference.governance()) == codes
    assert all(row.basis for row in reference.governance().values())


def test_governance_table_marks_one_capital_region_per_country_city() -> None:
    capitals = sorted(code for code, row in reference.governance().items() if row.capital)
    assert capitals == ["KR-11", "TLI3", "TLI4", "TLI5", "TLI6", "TLI7"]
    assert {row.tier for code, row in reference.governance().items() if row.capital} == {1}
