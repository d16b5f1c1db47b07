"""Rebuild the bundled default atlas: ``python -m innotwin.core.atlas --shared-data ../shared/data``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from innotwin.core.atlas.build import build_atlas
from innotwin.core.atlas.bundle_io import write_bundle
from innotwin.core.atlas.reference import BUNDLE_DIR
from innotwin.core.errors import DataError

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Build the atlas from the shared data folder and write the bundle; print what was written."""
    parser = argparse.ArgumentParser(prog="python -m innotwin.core.atlas", description=__doc__)
    parser.add_argument(
        "--shared-data",
        type=Path,
        default=Path(os.environ.get("INNOTWIN_SHARED_DATA", "../shared/data")),
        help="the shared data folder (default: $INNOTWIN_SHARED_DATA or ../shared/data)",
    )
    parser.add_argument("--out", type=Path, default=BUNDLE_DIR, help=f"output folder (default: {BUNDLE_DIR})")
    arguments = parser.parse_args(argv)
    try:
        bundle = build_atlas(arguments.shared_data)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    for path in write_bundle(bundle, arguments.out):
        print(f"{path}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
