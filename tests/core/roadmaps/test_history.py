"""The history diff: replaying every recorded change rebuilds the record."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from innotwin.core.roadmaps import FieldChange, diff, replay

FIELDS = st.sampled_from(["title_en", "title_ko", "stage", "budget_gbp", "partners"])
SNAPSHOTS = st.dictionaries(FIELDS, st.text(max_size=8))


def test_diff_lists_changed_fields_only() -> None:
    before = {"title_en": "Port data", "stage": "idea", "theme": "mobility"}
    after = {"title_en": "Port data", "stage": "scoping", "title_ko": "항만 데이터"}
    assert diff(before, after) == [
        FieldChange("stage", "idea", "scoping"),
        FieldChange("title_ko", "", "항만 데이터"),
        FieldChange("theme", "mobility", ""),
    ]


@given(st.lists(SNAPSHOTS, min_size=1, max_size=12))
def test_replaying_the_diffs_of_any_sequence_of_snapshots_gives_the_last(
    snapshots: list[dict[str, str]],
) -> None:
    changes: list[FieldChange] = []
    previous: dict[str, str] = {}
    for snapshot in snapshots:
        changes.extend(diff(previous, snapshot))
        previous = snapshot
    assert replay({}, changes) == {k: v for k, v in snapshots[-1].items() if v}
