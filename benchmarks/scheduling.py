"""Benchmark the meeting scheduler on a generated mission event; prints JSON.

    python benchmarks/scheduling.py --participants 1000 --requests 6000 --slots 16 --tables 60 \\
        --interpreters 10 --seed 1 --time-limit 60
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from innotwin.core.scheduling.bench import run_benchmark


def main() -> None:
    """Parse the arguments, run the benchmark, print its JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=6000)
    parser.add_argument("--slots", type=int, default=16)
    parser.add_argument("--tables", type=int, default=60)
    parser.add_argument("--interpreters", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--fallback-time-limit", type=float, default=2.0)
    args = parser.parse_args()
    # HiGHS writes its banner to the process's standard output; send it to stderr so stdout is pure JSON.
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        report = run_benchmark(
            participants=args.participants,
            requests=args.requests,
            slots=args.slots,
            tables=args.tables,
            interpreters=args.interpreters,
            seed=args.seed,
            time_limit=args.time_limit,
            fallback_time_limit=args.fallback_time_limit,
        )
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
