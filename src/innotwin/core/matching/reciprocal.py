"""Reciprocal top-k for every profile of one city against every profile of the other, in one batch.

For each A, its ``k`` best Bs by the reciprocal relevance of raw cosines, the harmonic mean of
``ab = cos(need_A, offer_B)`` and ``ba = cos(offer_A, need_B)`` (each clipped to 0..1; 0 when either is 0),
the vector form of :func:`innotwin.core.matching.scoring.reciprocal`.

Method (cluster-blocked exact scoring, docs/methods/matching.md):

1. Each B is one joint vector ``x_B = [offer_B, need_B]`` and each A one joint query ``q_A = [need_A,
   offer_A]``, so that ``q_A·x_B = ab + ba``: twice the arithmetic mean, an upper bound of twice the harmonic
   mean. The Bs are grouped into ``clusters`` by spherical k-means on the joint vectors.
2. Each A probes the ``probes`` clusters whose centres its joint query meets best.
3. Cluster by cluster, every A probing it is scored exactly against every member, with two matrix
   products (BLAS) over the block, and each A keeps its running top ``k``.

With ``probes == clusters`` every pair is scored and the result is exact; fewer probes trade recall for
time in proportion (``probes / clusters`` of the pairs are scored). Pools of at most ``exact_limit`` Bs are
always scored exactly.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from innotwin.core.errors import ConfigurationError

__all__ = ["ReciprocalResult", "default_clusters", "reciprocal_top_k", "spherical_kmeans"]

EXACT_LIMIT = 20_000
"""Up to this many Bs, every pair is scored (one cluster)."""
BLOCK_CELLS = 1 << 24
"""At most this many A×B pairs are scored in one matrix product (about 64 MiB a matrix)."""
KMEANS_ITERATIONS = 8
KMEANS_SAMPLE_PER_CLUSTER = 64


@dataclass(frozen=True)
class ReciprocalResult:
    """``pairs[i]`` are the keys (row numbers of B) of A ``i``'s best Bs, best first, padded with -1;
    ``scores[i]`` their reciprocal relevance; ``scored_share`` the share of all A×B pairs scored."""

    pairs: npt.NDArray[np.int64]
    scores: npt.NDArray[np.float32]
    seconds: float
    clusters: int
    probes: int
    scored_share: float


def default_clusters(n_b: int) -> int:
    """About √n clusters, a power of two (256 for 100,000 Bs)."""
    return max(1, 1 << round(math.log2(max(math.sqrt(n_b), 1.0))))


def spherical_kmeans(
    vectors: npt.NDArray[np.float32], clusters: int, *, seed: int = 0, iterations: int = KMEANS_ITERATIONS
) -> npt.NDArray[np.float32]:
    """Unit-length centres of ``clusters`` groups of ``vectors`` (k-means on the cosine), fitted on a
    sample of ``KMEANS_SAMPLE_PER_CLUSTER`` rows per cluster; an emptied cluster restarts at a random row."""
    if not 1 <= clusters <= len(vectors):
        raise ConfigurationError(f"Cannot make {clusters} clusters of {len(vectors)} vectors.")
    rng = np.random.default_rng(seed)
    size = min(len(vectors), KMEANS_SAMPLE_PER_CLUSTER * clusters)
    sample = vectors[np.sort(rng.choice(len(vectors), size=size, replace=False))]
    centres = sample[rng.choice(size, size=clusters, replace=False)].astype(np.float32)
    for _ in range(iterations):
        centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
        labels = np.argmax(sample @ centres.T, axis=1)
        order = np.argsort(labels, kind="stable")
        counts = np.bincount(labels, minlength=clusters)
        filled = counts > 0
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        centres[filled] = np.add.reduceat(sample[order], starts[filled], axis=0)
        empty = int((~filled).sum())
        if empty:
            centres[~filled] = sample[rng.choice(size, size=empty, replace=False)]
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    return centres


def _nearest(
    vectors: npt.NDArray[np.float32], centres: npt.NDArray[np.float32], count: int
) -> npt.NDArray[np.int64]:
    """For each vector, the ``count`` centres with the largest inner product, best first."""
    out = np.empty((len(vectors), count), dtype=np.int64)
    for start in range(0, len(vectors), 16_384):
        block = vectors[start : start + 16_384] @ centres.T
        top = np.argpartition(-block, count - 1, axis=1)[:, :count] if count < len(centres) else None
        if top is None:
            top = np.broadcast_to(np.arange(count), block.shape)
        order = np.argsort(-np.take_along_axis(block, top, axis=1), axis=1, kind="stable")
        out[start : start + len(block)] = np.take_along_axis(top, order, axis=1)
    return out


def _harmonic(ab: npt.NDArray[np.float32], ba: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Harmonic mean of the clipped cosines, element by element, reusing ``ab`` and ``ba`` (0 when either
    is 0)."""
    np.clip(ab, 0.0, 1.0, out=ab)
    np.clip(ba, 0.0, 1.0, out=ba)
    product = ab * ba
    ab += ba
    np.maximum(ab, 1e-12, out=ab)
    np.divide(product, ab, out=product)
    product *= 2.0
    return product


class _TopK:
    """Each A's running best ``k`` (unordered), updated block by block."""

    def __init__(self, pairs: npt.NDArray[np.int64], scores: npt.NDArray[np.float32]) -> None:
        self.pairs, self.scores, self.k, self.scored = pairs, scores, pairs.shape[1], 0

    def score_block(
        self,
        probers: npt.NDArray[np.int64],
        members: npt.NDArray[np.int64],
        offers_a: npt.NDArray[np.float32],
        needs_a: npt.NDArray[np.float32],
        offers_b: npt.NDArray[np.float32],
        needs_b: npt.NDArray[np.float32],
    ) -> None:
        """Score every A of ``probers`` against every B of ``members`` and keep each A's best."""
        cluster_offers, cluster_needs = offers_b[members], needs_b[members]
        row_block = max(1, BLOCK_CELLS // len(members))
        for start in range(0, len(probers), row_block):
            rows = probers[start : start + row_block]
            combined = _harmonic(needs_a[rows] @ cluster_offers.T, offers_a[rows] @ cluster_needs.T)
            self.scored += combined.size
            # only rows with a score above their current k-th best can change
            better = (combined > self.scores[rows].min(axis=1, keepdims=True)).any(axis=1)
            if better.any():
                self._merge(rows[better], members, combined[better])

    def _merge(
        self, rows: npt.NDArray[np.int64], members: npt.NDArray[np.int64], combined: npt.NDArray[np.float32]
    ) -> None:
        width = min(self.k, len(members))
        if width < len(members):
            local = np.argpartition(-combined, width - 1, axis=1)[:, :width]
        else:
            local = np.broadcast_to(np.arange(width), (len(rows), width))
        scores = np.concatenate([self.scores[rows], np.take_along_axis(combined, local, axis=1)], axis=1)
        keys = np.concatenate([self.pairs[rows], members[local]], axis=1)
        keep = np.argpartition(-scores, self.k - 1, axis=1)[:, : self.k]
        self.scores[rows] = np.take_along_axis(scores, keep, axis=1)
        self.pairs[rows] = np.take_along_axis(keys, keep, axis=1)


def reciprocal_top_k(
    offers_a: npt.NDArray[np.float32],
    needs_a: npt.NDArray[np.float32],
    offers_b: npt.NDArray[np.float32],
    needs_b: npt.NDArray[np.float32],
    *,
    k: int = 10,
    clusters: int | None = None,
    probes: int | None = None,
    exact_limit: int = EXACT_LIMIT,
    seed: int = 0,
) -> ReciprocalResult:
    """For every A, its ``k`` best Bs by reciprocal relevance (module docstring). Rows of the four arrays
    are L2-normalised vectors; ``offers_a``/``needs_a`` share rows, as do ``offers_b``/``needs_b``.
    ``clusters`` defaults to :func:`default_clusters`, ``probes`` to a sixteenth of them (at least 8)."""
    started = time.perf_counter()
    n_a, n_b = len(offers_a), len(offers_b)
    if needs_a.shape != offers_a.shape or needs_b.shape != offers_b.shape:
        raise ConfigurationError("Offers and needs must have one row per profile on each side.")
    if n_a and n_b and offers_a.shape[1] != offers_b.shape[1]:
        raise ConfigurationError(
            f"The two sides' vectors differ in dimension ({offers_a.shape[1]} and {offers_b.shape[1]})."
        )
    if k < 1:
        raise ConfigurationError(f"k must be at least 1; got {k}.")
    if n_b <= exact_limit:
        clusters, probes = 1, 1
    clusters = min(clusters or default_clusters(n_b), max(n_b, 1))
    probes = min(probes or max(8, clusters // 16), clusters)
    if probes < 1:
        raise ConfigurationError(f"probes must be at least 1; got {probes}.")
    pairs = np.full((n_a, k), -1, dtype=np.int64)
    scores = np.full((n_a, k), -1.0, dtype=np.float32)  # below any real score (0..1)
    if n_a == 0 or n_b == 0:
        return ReciprocalResult(pairs, np.maximum(scores, 0), time.perf_counter() - started, 0, 0, 0.0)

    if clusters == 1:
        labels = np.zeros(n_b, dtype=np.int64)
        probed = np.zeros((n_a, 1), dtype=np.int64)
    else:
        joint_b = np.hstack([offers_b, needs_b])
        centres = spherical_kmeans(joint_b, clusters, seed=seed)
        labels = _nearest(joint_b, centres, 1)[:, 0]
        del joint_b
        probed = _nearest(np.hstack([needs_a, offers_a]), centres, probes)
    members_order = np.argsort(labels, kind="stable")
    members_bounds = np.searchsorted(labels[members_order], np.arange(clusters + 1))
    best = _TopK(pairs, scores)
    # each A's best cluster first, so that its running top k gives a threshold for the other probes
    for columns in (probed[:, :1], probed[:, 1:]):
        flat = columns.ravel()
        probe_order = np.argsort(flat, kind="stable")
        probe_bounds = np.searchsorted(flat[probe_order], np.arange(clusters + 1))
        prober_rows = probe_order // max(columns.shape[1], 1)
        for cluster in range(clusters):
            members = members_order[members_bounds[cluster] : members_bounds[cluster + 1]]
            probers = prober_rows[probe_bounds[cluster] : probe_bounds[cluster + 1]]
            if len(members) and len(probers):
                best.score_block(probers, members, offers_a, needs_a, offers_b, needs_b)

    order = np.lexsort((pairs, -scores), axis=1)
    pairs = np.take_along_axis(pairs, order, axis=1)
    scores = np.take_along_axis(scores, order, axis=1)
    pairs[scores <= 0] = -1
    scores = np.maximum(scores, 0)
    return ReciprocalResult(
        pairs=pairs,
        scores=scores,
        seconds=time.perf_counter() - started,
        clusters=clusters,
        probes=probes,
        scored_share=best.scored / (n_a * n_b),
    )
