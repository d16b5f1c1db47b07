"""Benchmark the city-pair discovery engine: all-pairs scoring with explanations.

    python benchmarks/pairing.py --regions-a 2000 --regions-b 2000 --industries 100 --seed 0

prints one JSON object: ``generated`` (the generated input of that size) and ``real`` (UK ITL2 × Korean
sido from --shared-data, default $INNOTWIN_SHARED_DATA or ../shared/data), each with the seconds taken
to score every pair, pick and explain the best pairs, and peak memory (tracemalloc and RSS).
The same measurement is ``innotwin.core.pairing.bench.run_benchmark``.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from innotwin.core.pairing.bench import run_benchmark, run_real_benchmark

DEFAULT_SHARED_DATA = Path(
    os.environ.get("INNOTWIN_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--regions-a", type=int, default=2000, help="regions in the first country (default 2000)"
    )
    parser.add_argument(
        "--regions-b", type=int, default=2000, help="regions in the second country (default 2000)"
    )
    parser.add_argument("--industries", type=int, default=100, help="industries (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated input (default 0)")
    parser.add_argument("--explain", type=int, default=100, help="best pairs to explain (default 100)")
    parser.add_argument(
        "--shared-data", type=Path, default=DEFAULT_SHARED_DATA, help="the shared data folder"
    )
    arguments = parser.parse_args()
    if not arguments.shared_data.is_dir():
        parser.error(f"the shared data folder {arguments.shared_data} does not exist; pass --shared-data")
    report = {
        "generated": run_benchmark(
            regions_a=arguments.regions_a,
            regions_b=arguments.regions_b,
            industries=arguments.industries,
            seed=arguments.seed,
            explain=arguments.explain,
        ),
        "real": run_real_benchmark(shared_data=arguments.shared_data, explain=arguments.explain),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
