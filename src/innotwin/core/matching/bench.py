"""Generated-vector benchmarks of the matching index: build time, throughput, latency, recall, memory.

Vectors are drawn around random cluster centres (like embeddings of organisations in a few dozen
industries) and L2-normalised. Used by ``innotwin match bench`` and ``benchmarks/matching.py``.
"""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from innotwin.core.errors import ConfigurationError
from innotwin.core.matching.index import ExactIndex, VectorIndex, make_index

__all__ = [
    "BenchResult",
    "clustered_profiles",
    "clustered_vectors",
    "peak_memory_mb",
    "recall_at",
    "run_bench",
]


def clustered_vectors(
    n: int,
    dim: int,
    *,
    clusters: int = 64,
    spread: float = 0.6,
    seed: int = 0,
    centre_seed: int | None = None,
) -> npt.NDArray[np.float32]:
    """``n`` unit vectors around ``clusters`` random centres (Gaussian noise of scale ``spread``).

    The centres come from ``centre_seed`` (default ``seed``), so that queries drawn with another ``seed``
    and the same ``centre_seed`` fall in the same clusters as the indexed vectors."""
    centres = (
        np.random.default_rng(seed if centre_seed is None else centre_seed)
        .standard_normal((clusters, dim))
        .astype(np.float32)
    )
    rng = np.random.default_rng([seed, 1])
    out = np.empty((n, dim), dtype=np.float32)
    block = 65_536
    for start in range(0, n, block):
        size = min(block, n - start)
        rows = centres[rng.integers(0, clusters, size)] + spread * rng.standard_normal((size, dim)).astype(
            np.float32
        )
        out[start : start + size] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    return out


def clustered_profiles(
    n: int,
    dim: int,
    *,
    clusters: int = 64,
    spread: float = 0.6,
    seed: int = 0,
    centre_seed: int | None = None,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """Offer and need vectors of ``n`` profiles: both of one profile lie around the same random centre
    (an organisation seeks partners near its own line of work), each with its own noise."""
    centres = (
        np.random.default_rng(seed if centre_seed is None else centre_seed)
        .standard_normal((clusters, dim))
        .astype(np.float32)
    )
    rng = np.random.default_rng([seed, 2])
    offers = np.empty((n, dim), dtype=np.float32)
    needs = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, 65_536):
        size = min(65_536, n - start)
        base = centres[rng.integers(0, clusters, size)]
        for out in (offers, needs):
            rows = base + spread * rng.standard_normal((size, dim)).astype(np.float32)
            out[start : start + size] = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    return offers, needs


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return float(peak) / (1024 * 1024 if sys.platform == "darwin" else 1024)


def recall_at(found: npt.NDArray[np.int64], truth: npt.NDArray[np.int64], k: int) -> float:
    """Mean share of each query's true top-k found in its returned top-k."""
    hits = sum(len(set(f[:k].tolist()) & set(t[:k].tolist())) for f, t in zip(found, truth, strict=True))
    return hits / (k * len(truth)) if len(truth) else 1.0


@dataclass(frozen=True)
class BenchResult:
    backend: str
    profiles: int
    queries: int
    dim: int
    seed: int
    build_seconds: float
    queries_per_second: float
    latency_p50_ms: float
    latency_p95_ms: float
    recall_at_10: float
    peak_memory_mb: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_bench(
    *, profiles: int, queries: int, backend: str, seed: int = 0, dim: int = 384, k: int = 10
) -> BenchResult:
    """Index ``profiles`` generated vectors with ``backend``, answer ``queries`` queries, compare to exact."""
    if profiles < 1 or queries < 1:
        raise ConfigurationError("The benchmark needs at least one profile and one query.")
    vectors = clustered_vectors(profiles, dim, seed=seed)
    query_vectors = clustered_vectors(queries, dim, seed=seed + 1, centre_seed=seed)
    index: VectorIndex = (
        make_index(backend, dim, capacity=profiles) if backend == "hnsw" else make_index(backend, dim)
    )
    started = time.perf_counter()
    block = 50_000
    for start in range(0, profiles, block):
        stop = min(start + block, profiles)
        index.add(list(range(start, stop)), vectors[start:stop])
    build = time.perf_counter() - started
    started = time.perf_counter()
    found = index.search(query_vectors, k)
    batch = time.perf_counter() - started
    latencies = []
    for row in query_vectors[: min(queries, 1000)]:
        tick = time.perf_counter()
        index.search(row, k)
        latencies.append(time.perf_counter() - tick)
    if backend == "exact":
        truth = found.keys
    else:
        exact = ExactIndex(dim)
        exact.add(list(range(profiles)), vectors)
        truth = exact.search(query_vectors, k).keys
    return BenchResult(
        backend=backend,
        profiles=profiles,
        queries=queries,
        dim=dim,
        seed=seed,
        build_seconds=round(build, 3),
        queries_per_second=round(queries / batch, 1) if batch > 0 else float("inf"),
        latency_p50_ms=round(float(np.percentile(latencies, 50)) * 1000, 3),
        latency_p95_ms=round(float(np.percentile(latencies, 95)) * 1000, 3),
        recall_at_10=round(recall_at(found.keys, truth, k), 4),
        peak_memory_mb=round(peak_memory_mb(), 1),
    )
