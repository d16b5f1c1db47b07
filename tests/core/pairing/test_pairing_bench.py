"""The benchmark functions run and report what they promise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from innotwin.core.pairing.bench import generate_input, run_benchmark, run_real_benchmark

REPO = Path(__file__).resolve().parents[3]


def test_generate_input_has_requested_size_and_is_reproducible():
    first = generate_input(regions_a=7, regions_b=5, industries=12, seed=3)
    second = generate_input(regions_a=7, regions_b=5, industries=12, seed=3)
    assert (len(first.a), len(first.b), len(first.industries)) == (7, 5, 12)
    assert first.a.employment.tolist() == second.a.employment.tolist()


def test_run_benchmark_reports_times_and_memory():
    report = run_benchmark(regions_a=30, regions_b=20, industries=15, seed=1, explain=5)
    assert (report["pairs"], report["explained_pairs"], report["data"]) == (600, 5, "generated")
    assert sorted(report["seconds"]) == ["explain", "score", "top", "total"]
    assert report["peak_traced_mib"] > 0


def test_run_real_benchmark_scores_uk_and_korean_regions(shared_data: Path):
    report = run_real_benchmark(shared_data=shared_data, explain=3, trace_memory=False)
    assert (report["regions_a"], report["regions_b"], report["industries"], report["pairs"]) == (
        40,
        17,
        74,
        680,
    )
    assert "peak_traced_mib" not in report


def test_benchmark_script_prints_json(shared_data: Path):
    completed = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "pairing.py"),
            "--regions-a",
            "20",
            "--regions-b",
            "10",
            "--industries",
            "8",
            "--seed",
            "2",
            "--shared-data",
            str(shared_data),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(completed.stdout)
    assert (report["generated"]["pairs"], report["real"]["pairs"]) == (200, 680)
