"""Vector indexes behind one interface: exact (numpy) and approximate (HNSW, from the package hnswlib).

Every index maps integer keys (database ids) to L2-normalised float32 vectors and answers
``search(queries, k)`` with the keys and inner products (cosines) of the ``k`` nearest vectors. Keys
can be added, replaced and removed one by one, and an index is saved to a folder and loaded back.

- ``exact``: every query against every vector, by blocks of matrix products. O(n·d) per query; the
  reference that the approximate backend is measured against.
- ``hnsw``: a hierarchical navigable small-world graph (Malkov & Yashunin, "Efficient and robust
  approximate nearest neighbor search using Hierarchical Navigable Small World graphs", IEEE TPAMI
  42(4), 2020), in hnswlib. Removal marks a key deleted (its node stays in the graph as a waypoint and
  is reused by the next addition). Chosen over faiss and usearch by the benchmark in
  docs/adr/0010-matching-index-hnswlib.md.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from innotwin.core.errors import ConfigurationError, DataError, NotFoundError

__all__ = [
    "BACKENDS",
    "ExactIndex",
    "HnswIndex",
    "SearchResult",
    "VectorIndex",
    "load_index",
    "make_index",
]

Vectors = npt.NDArray[np.float32]
Keys = npt.NDArray[np.int64]
BACKENDS = ("exact", "hnsw")
_MANIFEST = "index.json"
_FORMAT = 1


class SearchResult:
    """Keys (−1 where fewer than k vectors exist) and scores (inner products), one row per query."""

    __slots__ = ("keys", "scores")

    def __init__(self, keys: Keys, scores: npt.NDArray[np.float32]) -> None:
        self.keys = keys
        self.scores = scores

    def row(self, i: int) -> list[tuple[int, float]]:
        """The hits of query ``i`` as (key, score), best first, without the padding."""
        return [(int(k), float(s)) for k, s in zip(self.keys[i], self.scores[i], strict=True) if int(k) >= 0]


@runtime_checkable
class VectorIndex(Protocol):
    """An index of unit vectors by integer key."""

    backend: str
    dim: int

    def __len__(self) -> int:
        """Number of keys held."""

    def __contains__(self, key: object) -> bool:
        """Whether ``key`` is held."""

    def keys(self) -> list[int]:
        """The keys held, sorted."""

    def add(self, keys: Sequence[int], vectors: npt.ArrayLike) -> None:
        """Add vectors under ``keys``; a key already held has its vector replaced."""

    def remove(self, keys: Iterable[int]) -> int:
        """Remove ``keys`` (unknown keys are ignored); returns how many were removed."""

    def search(self, queries: npt.ArrayLike, k: int) -> SearchResult:
        """The ``k`` nearest keys of each query by inner product, best first."""

    def vectors_of(self, keys: Sequence[int]) -> Vectors:
        """The stored vectors of ``keys`` (NotFoundError for an unknown key)."""

    def save(self, folder: Path) -> None:
        """Write the index into ``folder`` (created if needed)."""


def _as_matrix(vectors: npt.ArrayLike, dim: int, *, what: str) -> Vectors:
    array = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32))
    if array.ndim == 1:
        array = array.reshape(1, -1)
    if array.ndim != 2 or array.shape[1] != dim:
        raise DataError(f"The {what} must be rows of {dim} numbers; got an array of shape {array.shape}.")
    if not np.isfinite(array).all():
        raise DataError(f"The {what} contain a NaN or an infinite number.")
    return array


def _as_keys(keys: Sequence[int], rows: int) -> Keys:
    array = np.asarray(list(keys), dtype=np.int64)
    if array.shape != (rows,):
        raise DataError(f"There must be one key per vector; got {array.size} keys for {rows} vectors.")
    if (array < 0).any():
        raise DataError("Index keys must be 0 or more.")
    if len(np.unique(array)) != rows:
        raise DataError("The keys added in one call must all differ.")
    return array


class ExactIndex:
    """Brute force: the inner product of each query with every stored vector."""

    backend = "exact"

    def __init__(self, dim: int, *, block: int = 4096) -> None:
        if dim < 1:
            raise ConfigurationError(f"The 'dim' of an index must be at least 1. Got {dim!r} instead.")
        self.dim = dim
        self.block = block
        self._keys: Keys = np.zeros(0, dtype=np.int64)
        self._vectors: Vectors = np.zeros((0, dim), dtype=np.float32)
        self._row: dict[int, int] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, key: object) -> bool:
        return key in self._row

    def keys(self) -> list[int]:
        return sorted(self._row)

    def add(self, keys: Sequence[int], vectors: npt.ArrayLike) -> None:
        matrix = _as_matrix(vectors, self.dim, what="vectors")
        key_array = _as_keys(keys, len(matrix))
        with self._lock:
            fresh_rows: list[int] = []
            for i, key in enumerate(key_array.tolist()):
                row = self._row.get(key)
                if row is None:
                    fresh_rows.append(i)
                else:
                    self._vectors[row] = matrix[i]
            if fresh_rows:
                start = len(self._keys)
                self._keys = np.concatenate([self._keys, key_array[fresh_rows]])
                self._vectors = np.vstack([self._vectors, matrix[fresh_rows]])
                for offset, i in enumerate(fresh_rows):
                    self._row[int(key_array[i])] = start + offset

    def remove(self, keys: Iterable[int]) -> int:
        with self._lock:
            gone = {int(key) for key in keys if int(key) in self._row}
            if not gone:
                return 0
            keep = np.array([int(key) not in gone for key in self._keys.tolist()], dtype=bool)
            self._keys = self._keys[keep]
            self._vectors = self._vectors[keep]
            self._row = {int(key): row for row, key in enumerate(self._keys.tolist())}
            return len(gone)

    def search(self, queries: npt.ArrayLike, k: int) -> SearchResult:
        matrix = _as_matrix(queries, self.dim, what="queries")
        width = max(int(k), 1)
        keys = np.full((len(matrix), width), -1, dtype=np.int64)
        scores = np.full((len(matrix), width), -np.inf, dtype=np.float32)
        n = len(self._keys)
        if n == 0:
            return SearchResult(keys, scores)
        take = min(width, n)
        for start in range(0, len(matrix), self.block):
            sims = matrix[start : start + self.block] @ self._vectors.T
            if take < n:
                part = np.argpartition(-sims, take - 1, axis=1)[:, :take]
            else:
                part = np.broadcast_to(np.arange(n), (len(sims), n)).copy()
            part_scores = np.take_along_axis(sims, part, axis=1)
            order = np.argsort(-part_scores, axis=1, kind="stable")
            rows = np.take_along_axis(part, order, axis=1)
            keys[start : start + len(sims), :take] = self._keys[rows]
            scores[start : start + len(sims), :take] = np.take_along_axis(part_scores, order, axis=1)
        return SearchResult(keys, scores)

    def vectors_of(self, keys: Sequence[int]) -> Vectors:
        missing = [key for key in keys if key not in self._row]
        if missing:
            raise NotFoundError(f"The index holds no vector for the key {missing[0]}.")
        return self._vectors[[self._row[key] for key in keys]].copy()

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "keys.npy", self._keys)
        np.save(folder / "vectors.npy", self._vectors)
        _write_manifest(folder, {"backend": self.backend, "dim": self.dim, "count": len(self)})

    @classmethod
    def load(cls, folder: Path, dim: int) -> ExactIndex:
        index = cls(dim)
        keys = np.load(folder / "keys.npy")
        vectors = np.load(folder / "vectors.npy")
        if len(keys):
            index.add(keys.tolist(), vectors)
        return index


class HnswIndex:
    """Approximate search in an HNSW graph (hnswlib), inner-product space.

    ``connections`` (M) and ``construction`` (efConstruction) set the graph's quality; ``search_breadth``
    (ef) trades speed for recall at query time and is raised to k when k is larger. The defaults give a
    recall@10 of at least 0.99 against :class:`ExactIndex` on clustered 384-dimensional vectors
    (tests/core/matching/test_index.py; docs/benchmarks.md). ``threads`` below 1 means one per CPU
    (hnswlib itself would take -1 as one thread).
    """

    backend = "hnsw"

    def __init__(
        self,
        dim: int,
        *,
        connections: int = 32,
        construction: int = 100,
        search_breadth: int = 96,
        capacity: int = 1024,
        threads: int = -1,
        seed: int = 100,
    ) -> None:
        if dim < 1:
            raise ConfigurationError(f"The 'dim' of an index must be at least 1. Got {dim!r} instead.")
        self.dim = dim
        self.connections = connections
        self.construction = construction
        self.search_breadth = search_breadth
        self.threads = threads if threads > 0 else (os.cpu_count() or 1)
        self.seed = seed
        self._graph: Any = self._new_graph(max(capacity, 16))
        self._live: set[int] = set()
        self._deleted: set[int] = set()
        self._lock = threading.Lock()

    def _new_graph(self, capacity: int) -> Any:
        import hnswlib  # type: ignore[import-untyped]  # hnswlib ships no type hints

        graph = hnswlib.Index(space="ip", dim=self.dim)
        graph.init_index(
            max_elements=capacity,
            M=self.connections,
            ef_construction=self.construction,
            random_seed=self.seed,
        )
        graph.set_ef(self.search_breadth)
        graph.set_num_threads(self.threads)
        return graph

    def __len__(self) -> int:
        return len(self._live)

    def __contains__(self, key: object) -> bool:
        return key in self._live

    def keys(self) -> list[int]:
        return sorted(self._live)

    def add(self, keys: Sequence[int], vectors: npt.ArrayLike) -> None:
        matrix = _as_matrix(vectors, self.dim, what="vectors")
        key_array = _as_keys(keys, len(matrix))
        if not len(key_array):
            return
        with self._lock:
            for key in key_array.tolist():
                if key in self._deleted:
                    self._graph.unmark_deleted(key)
                    self._deleted.discard(key)
            needed = self._graph.get_current_count() + len(key_array)
            if needed > self._graph.get_max_elements():
                self._graph.resize_index(max(needed, 2 * self._graph.get_max_elements()))
            self._graph.add_items(matrix, key_array, num_threads=self.threads)
            self._live.update(key_array.tolist())

    def remove(self, keys: Iterable[int]) -> int:
        with self._lock:
            gone = [int(key) for key in keys if int(key) in self._live]
            for key in gone:
                self._graph.mark_deleted(key)
                self._live.discard(key)
                self._deleted.add(key)
            return len(gone)

    def search(self, queries: npt.ArrayLike, k: int) -> SearchResult:
        matrix = _as_matrix(queries, self.dim, what="queries")
        width = max(int(k), 1)
        keys = np.full((len(matrix), width), -1, dtype=np.int64)
        scores = np.full((len(matrix), width), -np.inf, dtype=np.float32)
        take = min(width, len(self._live))
        if take == 0 or len(matrix) == 0:
            return SearchResult(keys, scores)
        self._graph.set_ef(max(self.search_breadth, take))
        labels, distances = self._graph.knn_query(matrix, k=take, num_threads=self.threads)
        keys[:, :take] = labels.astype(np.int64)
        scores[:, :take] = (1.0 - distances).astype(np.float32)  # hnswlib's "ip" distance is 1 − ⟨a, b⟩
        return SearchResult(keys, scores)

    def vectors_of(self, keys: Sequence[int]) -> Vectors:
        missing = [key for key in keys if key not in self._live]
        if missing:
            raise NotFoundError(f"The index holds no vector for the key {missing[0]}.")
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._graph.get_items(list(keys)), dtype=np.float32).reshape(-1, self.dim)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with self._lock:
            self._graph.save_index(str(folder / "graph.bin"))
            _write_manifest(
                folder,
                {
                    "backend": self.backend,
                    "dim": self.dim,
                    "count": len(self),
                    "connections": self.connections,
                    "construction": self.construction,
                    "search_breadth": self.search_breadth,
                    "deleted": sorted(self._deleted),
                    "live": sorted(self._live),
                },
            )

    @classmethod
    def load(cls, folder: Path, manifest: dict[str, Any]) -> HnswIndex:
        import hnswlib

        index = cls(
            int(manifest["dim"]),
            connections=int(manifest["connections"]),
            construction=int(manifest["construction"]),
            search_breadth=int(manifest["search_breadth"]),
        )
        graph = hnswlib.Index(space="ip", dim=index.dim)
        graph.load_index(str(folder / "graph.bin"), max_elements=0)
        graph.set_ef(index.search_breadth)
        graph.set_num_threads(index.threads)
        index._graph = graph
        index._live = {int(key) for key in manifest["live"]}
        index._deleted = {int(key) for key in manifest["deleted"]}
        return index


def _write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    manifest = {"format": _FORMAT, **manifest}
    temporary = folder / (_MANIFEST + ".tmp")
    temporary.write_text(json.dumps(manifest), encoding="utf-8")
    temporary.replace(folder / _MANIFEST)


def make_index(backend: str, dim: int, **options: Any) -> VectorIndex:
    """A new empty index of the named backend (``exact`` or ``hnsw``)."""
    if backend == "exact":
        return ExactIndex(dim)
    if backend == "hnsw":
        return HnswIndex(dim, **options)
    raise ConfigurationError(
        f"There is no index backend called {backend!r}; the backends are {', '.join(BACKENDS)}."
    )


def load_index(folder: Path) -> VectorIndex:
    """The index saved in ``folder`` by :meth:`VectorIndex.save`."""
    path = folder / _MANIFEST
    if not path.is_file():
        raise NotFoundError(f"There is no saved index in {folder} (no {_MANIFEST}).")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        backend, dim = str(manifest["backend"]), int(manifest["dim"])
    except (ValueError, KeyError, TypeError) as error:
        raise DataError(f"The index manifest {path} is damaged: {error}.") from error
    if manifest.get("format") != _FORMAT:
        raise DataError(f"The index in {folder} has format {manifest.get('format')!r}; expected {_FORMAT}.")
    if backend == "exact":
        return ExactIndex.load(folder, dim)
    if backend == "hnsw":
        return HnswIndex.load(folder, manifest)
    raise DataError(f"The index in {folder} names an unknown backend {backend!r}.")
