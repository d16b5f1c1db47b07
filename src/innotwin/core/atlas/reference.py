"""The small hand-reviewed reference tables committed with innotwin (``innotwin/data/atlas/reference``).

Each table's origin is documented in that folder's ``README.md``; this module only locates and reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from innotwin.core.atlas.csvio import Table, read_table

__all__ = ["BUNDLE_DIR", "REFERENCE_DIR", "read_reference"]

_DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "atlas"
REFERENCE_DIR = _DATA_DIR / "reference"
"""Hand-reviewed inputs: the KSIC→ISIC bridge, Korean sido codes, Korean names of UK regions, GVA sectors."""
BUNDLE_DIR = _DATA_DIR / "bundle"
"""Where the bundled default atlas is written by ``benchmarks``/the build script and read from by default."""


def read_reference(name: str, *, columns: Sequence[str]) -> Table:
    """Read the committed reference table ``name`` (a CSV file in :data:`REFERENCE_DIR`)."""
    return read_table(REFERENCE_DIR / name, columns=columns)
