"""Partner matching at scale, on generated clustered vectors (embedding throughput is measured apart, in
benchmarks/embedding_throughput.py).

1. ``reciprocal``: top-10 reciprocal matches for every one of N profiles of one city against N of the
   other (default 100,000 × 100,000, 384 dimensions) with
   :func:`innotwin.core.matching.reciprocal_top_k` (cluster-blocked exact scoring; ``--clusters`` and
   ``--probes`` override its defaults). The generated profiles lie around ``--centres`` random centres
   (more centres: smaller, more numerous groups of similar organisations, a harder problem). Time, peak
   memory, the share of pairs scored, and recall@10 against exact reciprocal scoring of 300 profiles.
2. ``latency``: single-query latency p50/p95 over M indexed vectors (default 1,000,000; one HNSW graph
   with the project's defaults, degree 32 and construction 100, built with every CPU), queries one at a
   time, and recall@10 against exact search on 200 queries, for each search breadth given.

Run: ``nice .venv/bin/python benchmarks/matching.py [reciprocal|latency|all] [--profiles 100000]
[--centres 64] [--clusters C] [--probes P] [--vectors 1000000] [--breadth 96 256 512]
[--connections 32] [--construction 100] [--dim 384] [--seed 0]``; prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time

import numpy as np

from innotwin.core.matching import (
    ExactIndex,
    HnswIndex,
    clustered_profiles,
    clustered_vectors,
    peak_memory_mb,
    recall_at,
    reciprocal_top_k,
)


def reciprocal(
    profiles: int, dim: int, seed: int, centres: int, clusters: int | None, probes: int | None
) -> dict[str, object]:
    offers_a, needs_a = clustered_profiles(profiles, dim, clusters=centres, seed=seed, centre_seed=seed)
    offers_b, needs_b = clustered_profiles(profiles, dim, clusters=centres, seed=seed + 1, centre_seed=seed)
    result = reciprocal_top_k(offers_a, needs_a, offers_b, needs_b, k=10, clusters=clusters, probes=probes)
    sample = np.random.default_rng(seed).choice(profiles, size=min(300, profiles), replace=False)
    hits = 0
    for row in sample:
        ab = np.clip(offers_b @ needs_a[row], 0, 1)
        ba = np.clip(needs_b @ offers_a[row], 0, 1)
        combined = np.where((ab > 0) & (ba > 0), 2 * ab * ba / np.maximum(ab + ba, 1e-12), 0)
        truth = set(np.argsort(-combined)[:10].tolist())
        hits += len(truth & set(result.pairs[row].tolist()))
    return {
        "benchmark": "reciprocal top-10",
        "profiles_each_side": profiles,
        "dim": dim,
        "generator_centres": centres,
        "clusters": result.clusters,
        "probes": result.probes,
        "scored_share": round(result.scored_share, 4),
        "seconds": round(result.seconds, 2),
        "target_seconds": 60,
        "recall_at_10_vs_exact_reciprocal": round(hits / (10 * len(sample)), 4),
        "peak_memory_mb": round(peak_memory_mb(), 1),
    }


def latency(
    vectors: int, dim: int, seed: int, breadths: list[int], graph: dict[str, int]
) -> dict[str, object]:
    data = clustered_vectors(vectors, dim, seed=seed)
    queries = clustered_vectors(1000, dim, seed=seed + 1, centre_seed=seed)
    index = HnswIndex(dim, capacity=vectors, **graph)
    started = time.perf_counter()
    for start in range(0, vectors, 100_000):
        stop = min(start + 100_000, vectors)
        index.add(list(range(start, stop)), data[start:stop])
    build = time.perf_counter() - started
    exact = ExactIndex(dim)
    exact.add(list(range(vectors)), data)
    truth = exact.search(queries[:200], 10).keys
    del exact
    rows = []
    for breadth in breadths:
        index.search_breadth = breadth
        times = []
        for row in queries:
            tick = time.perf_counter()
            index.search(row, 10)
            times.append(time.perf_counter() - tick)
        found = index.search(queries[:200], 10).keys
        rows.append(
            {
                "search_breadth": breadth,
                "latency_p50_ms": round(float(np.percentile(times, 50)) * 1000, 3),
                "latency_p95_ms": round(float(np.percentile(times, 95)) * 1000, 3),
                "recall_at_10": round(recall_at(found, truth, 10), 4),
            }
        )
    return {
        "benchmark": "single-query latency",
        "vectors": vectors,
        "dim": dim,
        "graph": graph,
        "build_seconds": round(build, 1),
        "target_p95_ms": 10,
        "by_search_breadth": rows,
        "peak_memory_mb": round(peak_memory_mb(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="?", default="all", choices=["reciprocal", "latency", "all"])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--vectors", type=int, default=1_000_000)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--centres", type=int, default=64, help="Centres of the generated profiles.")
    parser.add_argument("--clusters", type=int, default=None, help="Clusters of the reciprocal search.")
    parser.add_argument("--probes", type=int, default=None, help="Clusters each profile probes.")
    parser.add_argument(
        "--breadth", type=int, nargs="+", default=[96, 256, 512], help="HNSW search breadths for latency."
    )
    parser.add_argument("--connections", type=int, default=32, help="HNSW degree (M) for latency.")
    parser.add_argument("--construction", type=int, default=100, help="HNSW construction breadth.")
    args = parser.parse_args()
    machine = {"cpus": os.cpu_count(), "machine": platform.machine(), "python": sys.version.split()[0]}
    results = []
    if args.which in ("reciprocal", "all"):
        problem = (args.profiles, args.dim, args.seed, args.centres)
        results.append(reciprocal(*problem, args.clusters, args.probes))
    if args.which in ("latency", "all"):
        results.append(
            latency(
                args.vectors,
                args.dim,
                args.seed,
                args.breadth,
                {"connections": args.connections, "construction": args.construction},
            )
        )
    print(json.dumps({"machine": machine, "results": results}, indent=2))


if __name__ == "__main__":
    main()
