"""The change history of a record: what changed between two snapshots, and the snapshot the history
rebuilds. A snapshot maps field names to their values as text (``""`` for empty)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["FieldChange", "diff", "replay"]


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


def diff(before: Mapping[str, str], after: Mapping[str, str]) -> list[FieldChange]:
    """One change per field whose value differs (a field missing on one side counts as ``""``), in the
    order of ``after``'s fields, then fields only ``before`` has. O(n)."""
    fields = [*after, *(name for name in before if name not in after)]
    return [
        FieldChange(name, before.get(name, ""), after.get(name, ""))
        for name in fields
        if before.get(name, "") != after.get(name, "")
    ]


def replay(start: Mapping[str, str], changes: Iterable[FieldChange]) -> dict[str, str]:
    """``start`` with ``changes`` applied in order; fields that end empty are left out."""
    state = {name: value for name, value in start.items() if value != ""}
    for change in changes:
        if change.new == "":
            state.pop(change.field, None)
        else:
            state[change.field] = change.new
    return state
