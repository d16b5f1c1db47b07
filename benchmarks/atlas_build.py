"""Time and peak memory of a full atlas build from the shared data folder; prints JSON.

Usage: ``.venv/bin/python benchmarks/atlas_build.py --shared-data /work/shared/data [--tracemalloc]``

Peak memory is the process's maximum resident set size (``resource.getrusage``); with ``--tracemalloc``
the peak of Python allocations is reported too (tracemalloc slows the build down, so timings taken with it
are not comparable).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from innotwin.core.atlas import build_atlas, write_bundle


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--shared-data", type=Path, default=Path(os.environ.get("INNOTWIN_SHARED_DATA", "../shared/data"))
    )
    parser.add_argument("--tracemalloc", action="store_true", help="also report peak Python allocations")
    arguments = parser.parse_args()
    if arguments.tracemalloc:
        tracemalloc.start()
    started = time.perf_counter()
    bundle = build_atlas(arguments.shared_data)
    built = time.perf_counter()
    with tempfile.TemporaryDirectory() as directory:
        paths = write_bundle(bundle, Path(directory))
        written = time.perf_counter()
        sizes = {path.name: path.stat().st_size for path in paths}
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss is KiB on Linux, bytes on macOS
    result: dict[str, object] = {
        "build_seconds": round(built - started, 3),
        "write_seconds": round(written - built, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale, 1),
        "observations": len(bundle.observations),
        "regions": len(bundle.regions),
        "gaps": len(bundle.gaps),
        "bundle_bytes": sum(sizes.values()),
        "files": sizes,
    }
    if arguments.tracemalloc:
        result["tracemalloc_peak_mib"] = round(tracemalloc.get_traced_memory()[1] / 1024 / 1024, 1)
        tracemalloc.stop()
    print(json.dumps(result, indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
