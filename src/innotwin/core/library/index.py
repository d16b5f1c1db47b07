"""Hybrid passage search across Korean and English: BM25 over analysed terms fused with embedding cosines.

:class:`PassageIndex` holds one row per passage: its key, the key of its document (``group``), its
language, its analysed terms (:func:`innotwin.core.text.analyse`) and its unit vector from an
:class:`~innotwin.core.text.Embedder`. A query is scored against every passage (exact search):

1. **Semantic.** ``cos(q, x)`` for every passage ``x``.
2. **Hubness correction** (``hubness=True``; off by default, see below), the retrieval form of CSLS
   (Conneau, Lample et al., ICLR 2018): ``2·cos(q, x) − r_L(x)``, where ``r_L(x)`` is the mean cosine
   of ``x`` with its ``neighbours`` nearest passages *in the query's language L* among a fixed reference
   sample of the index (its own document excluded). A passage close to everything in that language (a
   boiler-plate heading, a list of names) is pushed down. The query's own term ``r(q)`` is the same for
   every passage and is left out.
3. **Language balance** (``language_balance=True``): multilingual encoders rate a text in the query's
   language higher than an equally relevant one in the other language. The corrected cosines are
   standardised *within each passage language* (mean 0, spread 1 over the index's passages of that
   language, for this query), so the best English and the best Korean passages compete on equal terms.
   A language with fewer than ``min_language_rows`` (20) passages is standardised with the whole index.
4. **Lexical.** Okapi BM25 (k1 = 1.2, b = 0.75, Lucene's idf) of the query's terms; across languages only
   numbers, Latin-script names and codes and name skeletons match, within a language every content word.
   It is divided by the best BM25 score of the query, so it lies in [0, 1] whatever the query.
5. **Fusion**: ``score = semantic + lexical_weight · lexical``.

The defaults (language balance on, hubness correction off, lexical weight 0.25) had the best mean MRR
on the tuning halves of the benchmark sets (docs/methods/library.md gives every number): the hubness
correction helped Korean→English news queries but cost more on Korean→Korean ones.

Complexity per query: O(n·d) for the cosines, O(postings of the query's terms) for BM25, O(n log n) for
the ranking; building costs O(total terms), plus O(n·s·d) for the hubness reference (s ≤
``reference_size``) when it is on.
Results never depend on the order in which passages were given: rows are kept sorted by key and ties are
broken by key.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Self

import numpy as np
import numpy.typing as npt

from innotwin.core.errors import ConfigurationError, DataError
from innotwin.core.text.embedders import DEFAULT_EMBEDDER, Embedder, get_embedder
from innotwin.core.text.language import detect_language
from innotwin.core.text.lexical import analyse

__all__ = ["Hit", "IndexedPassage", "PassageIndex", "decode_vector", "encode_vector"]

Vector = npt.NDArray[np.float32]


def encode_vector(vector: npt.ArrayLike) -> bytes:
    """The stored form of a vector: little-endian float32 bytes."""
    return np.asarray(vector, dtype="<f4").tobytes()


def decode_vector(data: bytes) -> Vector:
    """A vector from its stored form."""
    return np.frombuffer(data, dtype="<f4").astype(np.float32)


@dataclass(frozen=True, kw_only=True)
class IndexedPassage:
    """One passage to index: ``key`` identifies it, ``group`` its document."""

    key: int
    group: int
    language: str
    terms: tuple[str, ...]
    vector: Vector


@dataclass(frozen=True, kw_only=True)
class Hit:
    """A passage found by a search: its fused ``score`` and the two signals behind it."""

    key: int
    group: int
    score: float
    semantic: float
    lexical: float


class PassageIndex:
    """Exact hybrid search over passages (see the module docstring). ``fit`` indexes; ``search`` ranks."""

    def __init__(
        self,
        *,
        embedder: Embedder | str = DEFAULT_EMBEDDER,
        lexical_weight: float = 0.25,
        hubness: bool = False,
        language_balance: bool = True,
        neighbours: int = 10,
        reference_size: int = 1024,
        min_language_rows: int = 20,
        k1: float = 1.2,
        b: float = 0.75,
    ) -> None:
        self.embedder = embedder
        self.lexical_weight = lexical_weight
        self.hubness = hubness
        self.language_balance = language_balance
        self.neighbours = neighbours
        self.reference_size = reference_size
        self.min_language_rows = min_language_rows
        self.k1 = k1
        self.b = b

    @property
    def backend(self) -> Embedder:
        """The embedder, looked up in the registry when given by name."""
        return get_embedder(self.embedder) if isinstance(self.embedder, str) else self.embedder

    def _check(self) -> None:
        checks = (
            ("lexical_weight", self.lexical_weight >= 0, "at least 0"),
            ("neighbours", isinstance(self.neighbours, int) and self.neighbours >= 1, "an int of at least 1"),
            (
                "reference_size",
                isinstance(self.reference_size, int) and self.reference_size >= 1,
                "an int ≥ 1",
            ),
            ("k1", self.k1 >= 0, "at least 0"),
            ("b", 0 <= self.b <= 1, "between 0 and 1"),
        )
        for parameter, valid, expected in checks:
            if not valid:
                raise ConfigurationError(
                    f"The {parameter!r} parameter of PassageIndex must be {expected}. "
                    f"Got {getattr(self, parameter)!r} instead."
                )

    def fit(self, passages: Sequence[IndexedPassage]) -> Self:
        """Index ``passages`` (vectors of the index's embedder, unit length) and return ``self``."""
        self._check()
        rows = sorted(passages, key=lambda passage: passage.key)
        keys = np.array([row.key for row in rows], dtype=np.int64)
        if len(np.unique(keys)) != len(keys):
            raise DataError("PassageIndex.fit needs distinct passage keys; some key is given twice.")
        dim = self.backend.dim
        bad = [row.key for row in rows if row.vector.shape != (dim,)]
        if bad:
            raise DataError(
                f"PassageIndex.fit needs vectors of length {dim} ({self.backend.name}); "
                f"the passages {bad[:5]} have another length: re-embed them."
            )
        self.keys_ = keys
        self.groups_ = np.array([row.group for row in rows], dtype=np.int64)
        self.languages_ = np.array([row.language for row in rows], dtype=object)
        # Row numbers of each language, found once: a query standardises within each of them.
        self.language_rows_ = {
            language: np.flatnonzero(self.languages_ == language)
            for language in sorted({str(code) for code in self.languages_})
        }
        self.vectors_ = (
            np.vstack([row.vector for row in rows]).astype(np.float32)
            if rows
            else np.zeros((0, dim), dtype=np.float32)
        )
        self._fit_bm25([row.terms for row in rows])
        self.hubs_ = self._hub_scores() if self.hubness else {}
        return self

    def __len__(self) -> int:
        return len(self.keys_)

    def _fit_bm25(self, documents: Sequence[Sequence[str]]) -> None:
        """Postings as arrays (row, term weight), so that scoring a query is a few vector operations."""
        lengths = np.array([len(terms) for terms in documents], dtype=np.float64)
        mean_length = float(lengths.mean()) if len(lengths) and lengths.mean() > 0 else 1.0
        norm = self.k1 * (1.0 - self.b + self.b * lengths / mean_length)
        rows: dict[str, list[int]] = {}
        counts: dict[str, list[int]] = {}
        for index, terms in enumerate(documents):
            tally: dict[str, int] = {}
            for term in terms:
                tally[term] = tally.get(term, 0) + 1
            for term, count in tally.items():
                rows.setdefault(term, []).append(index)
                counts.setdefault(term, []).append(count)
        size = len(documents)
        self.postings_: dict[str, tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]] = {}
        for term, term_rows in rows.items():
            row_array = np.array(term_rows, dtype=np.int64)
            tf = np.array(counts[term], dtype=np.float64)
            idf = math.log(1.0 + (size - len(term_rows) + 0.5) / (len(term_rows) + 0.5))
            weight = idf * tf * (self.k1 + 1.0) / (tf + norm[row_array])
            self.postings_[term] = (row_array, weight.astype(np.float32))

    def _hub_scores(self) -> dict[str, npt.NDArray[np.float32]]:
        """r_L(x) for each passage language L: the mean cosine of each passage with its nearest passages
        in language L of other documents, in a reference sample (evenly spaced in key order, so the sample
        does not depend on insertion order). A query in language L is corrected with r_L."""
        count = len(self.keys_)
        hubs: dict[str, npt.NDArray[np.float32]] = {}
        for language, rows in self.language_rows_.items():
            if len(rows) < 2:
                continue
            reference = rows[:: max(1, math.ceil(len(rows) / self.reference_size))]
            k = min(self.neighbours, len(reference))
            scores = np.zeros(count, dtype=np.float32)
            for start in range(0, count, 4096):
                block = self.vectors_[start : start + 4096] @ self.vectors_[reference].T
                same = self.groups_[start : start + 4096, None] == self.groups_[reference][None, :]
                block[same] = -np.inf  # a passage's own document is no neighbour
                top = -np.partition(-block, k - 1, axis=1)[:, :k]
                top[~np.isfinite(top)] = np.nan
                with np.errstate(invalid="ignore"), warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)  # a row with no neighbour at all
                    scores[start : start + 4096] = np.nan_to_num(np.nanmean(top, axis=1), nan=0.0)
            hubs[language] = scores
        return hubs

    def _hubs_for(self, language: str) -> npt.NDArray[np.float32]:
        if not self.hubness or not self.hubs_:
            return np.zeros(len(self.keys_), dtype=np.float32)
        if language in self.hubs_:
            return self.hubs_[language]
        mean: npt.NDArray[np.float32] = np.mean(np.vstack(list(self.hubs_.values())), axis=0).astype(
            np.float32
        )
        return mean

    def embed_query(self, query: str) -> Vector:
        """The query's unit vector."""
        vector: Vector = self.backend.embed([query])[0]
        return vector

    def lexical_scores(self, terms: Sequence[str]) -> npt.NDArray[np.float64]:
        """BM25 of every indexed passage for the analysed query ``terms``."""
        postings = [self.postings_[term] for term in terms if term in self.postings_]
        if not postings:
            return np.zeros(len(self.keys_), dtype=np.float64)
        rows = np.concatenate([posting[0] for posting in postings])
        weights = np.concatenate([posting[1] for posting in postings]).astype(np.float64)
        return np.bincount(rows, weights=weights, minlength=len(self.keys_)).astype(np.float64)

    def semantic_scores(self, vector: Vector, *, language: str = "und") -> npt.NDArray[np.float64]:
        """The corrected cosines of every passage with the unit ``vector`` of a query in ``language``
        (steps 1–3)."""
        cosines = (self.vectors_ @ np.asarray(vector, dtype=np.float32)).astype(np.float64)
        scores = 2.0 * cosines - self._hubs_for(language) if self.hubness else cosines
        if not self.language_balance:
            return _standardise(scores)
        balanced = np.empty_like(scores)
        small = [rows for rows in self.language_rows_.values() if len(rows) < self.min_language_rows]
        for rows in self.language_rows_.values():
            if len(rows) >= self.min_language_rows:
                balanced[rows] = _standardise(scores[rows])
        if small:
            rows = np.concatenate(small)
            balanced[rows] = _standardise(scores)[rows]
        return balanced

    def search(
        self,
        query: str,
        *,
        top: int = 10,
        groups: Collection[int] | None = None,
        exclude_groups: Collection[int] = (),
        per_group: int | None = 1,
    ) -> tuple[Hit, ...]:
        """The best passages for ``query``: at most ``per_group`` per document (None: no limit), only from
        ``groups`` when given, never from ``exclude_groups``."""
        if not query.strip() or not len(self.keys_):
            return ()
        return self.search_vector(
            self.embed_query(query),
            terms=analyse(query),
            language=detect_language(query),
            top=top,
            groups=groups,
            exclude_groups=exclude_groups,
            per_group=per_group,
        )

    def search_vector(
        self,
        vector: Vector,
        *,
        terms: Sequence[str] = (),
        language: str = "und",
        top: int = 10,
        groups: Collection[int] | None = None,
        exclude_groups: Collection[int] = (),
        per_group: int | None = 1,
    ) -> tuple[Hit, ...]:
        """As :meth:`search`, for a query already embedded (``vector``), analysed (``terms``) and in
        ``language`` (``"und"`` when unknown)."""
        if not len(self.keys_) or top < 1:
            return ()
        semantic = self.semantic_scores(vector, language=language)
        lexical = self.lexical_scores(terms) if terms else np.zeros(len(self.keys_))
        best = float(lexical.max())
        if best > 0:
            lexical = lexical / best
        fused = semantic + self.lexical_weight * lexical
        allowed = np.ones(len(self.keys_), dtype=bool)
        if groups is not None:
            allowed &= np.isin(self.groups_, np.fromiter(groups, dtype=np.int64, count=len(groups)))
        if exclude_groups:
            allowed &= ~np.isin(
                self.groups_, np.fromiter(exclude_groups, dtype=np.int64, count=len(exclude_groups))
            )
        candidates = np.flatnonzero(allowed)
        if not len(candidates):
            return ()
        hits: list[Hit] = []
        for order in self._ranked(fused, candidates, top if per_group is None else top * per_group):
            hits = self._collect(order, fused, semantic, lexical, top=top, per_group=per_group)
            if len(hits) >= top:
                break
        return tuple(hits)

    @staticmethod
    def _ranked(
        fused: npt.NDArray[np.float64], candidates: npt.NDArray[np.intp], wanted: int
    ) -> Iterator[npt.NDArray[np.intp]]:
        """Candidate rows best first (equal scores in key order): first only the best few times
        ``wanted`` (a partial sort), then, if documents collapse too many of them, all of them."""
        scores = -fused[candidates]
        head = min(len(candidates), max(4 * wanted, 64))
        if head < len(candidates):
            # Everything scoring at least the head's worst, so that ties at the cut are all included.
            cut = np.partition(scores, head - 1)[head - 1]
            part = candidates[scores <= cut]
            yield part[np.argsort(-fused[part], kind="stable")]
        yield candidates[np.argsort(scores, kind="stable")]

    def _collect(
        self,
        order: npt.NDArray[np.intp],
        fused: npt.NDArray[np.float64],
        semantic: npt.NDArray[np.float64],
        lexical: npt.NDArray[np.float64],
        *,
        top: int,
        per_group: int | None,
    ) -> list[Hit]:
        hits: list[Hit] = []
        taken: dict[int, int] = {}
        for row in order:
            group = int(self.groups_[row])
            if per_group is not None and taken.get(group, 0) >= per_group:
                continue
            taken[group] = taken.get(group, 0) + 1
            hits.append(
                Hit(
                    key=int(self.keys_[row]),
                    group=group,
                    score=float(fused[row]),
                    semantic=float(semantic[row]),
                    lexical=float(lexical[row]),
                )
            )
            if len(hits) >= top:
                break
        return hits

    def group_vector(self, group: int) -> Vector:
        """The normalised mean vector of a document's passages (a query for "more like this")."""
        rows = self.groups_ == group
        if not rows.any():
            raise DataError(f"The index holds no passage of the document {group}.")
        mean = self.vectors_[rows].mean(axis=0)
        norm = float(np.linalg.norm(mean))
        unit: Vector = (mean / norm if norm else mean).astype(np.float32)
        return unit


def _standardise(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    spread = float(scores.std())
    if spread == 0.0:
        return np.zeros_like(scores)
    standard: npt.NDArray[np.float64] = (scores - scores.mean()) / spread
    return standard
