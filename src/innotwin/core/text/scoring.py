"""The full cross-lingual scorer: semantic similarity fused with BM25 and a length prior.

:class:`HybridScorer` scores every text of one pool against every text of another in four steps:

1. **Semantic**: cosines of the embedder's vectors (by default the ``use+e5`` ensemble).
2. **Lexical**: BM25 (:mod:`innotwin.core.text.bm25`) over the analysed terms of
   :mod:`innotwin.core.text.lexical`, run in both directions and averaged. Across languages only
   numbers, Latin-script names and codes and name skeletons can match; within a language every word can.
3. **Hubness correction** of each signal by CSLS (Conneau, Lample et al., "Word translation without
   parallel data", ICLR 2018), the additive form of the margin criterion of Artetxe & Schwenk
   ("Margin-based parallel corpus mining with multilingual sentence embeddings", ACL 2019):
   ``2·s(a, b) − r_k(a) − r_k(b)``, where ``r_k`` is the mean score of a text's k nearest neighbours in
   the other pool. Each corrected signal is standardised (zero mean, unit spread) so that weights are
   comparable; a length prior after Gale & Church ("A program for aligning sentences in bilingual
   corpora", Computational Linguistics 19(1), 1993), the negative distance of the pair's log length
   ratio from the pool's mean ratio, is standardised and added the same way.
4. **Balancing** (``balance="sinkhorn"``, the default): the fused matrix becomes a transport plan by
   Sinkhorn's alternating row and column normalisation of exp(score / temperature) (Cuturi, "Sinkhorn
   distances", NeurIPS 2013), the iterated form of the inverted softmax of Smith et al. ("Offline bilingual
   word vectors, orthogonal transformations and the inverted softmax", ICLR 2017). Each text then competes
   with every other text for its counterpart, which suits two pools that are translations of each other
   (the alignment task). With ``balance="csls"`` the fused matrix is returned as it is, which suits
   pools where most texts have no counterpart (partner matching).

The default weights (lexical 0.2, length 0.1, k = 2, temperature 0.3, 10 iterations) were chosen on
the first half of the news development set only; docs/methods/text.md gives every number.
Complexity: O(n·m·d) for the cosines plus O(n·m) per step for pools of n and m texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from innotwin.core.errors import ConfigurationError, DataError
from innotwin.core.text.bm25 import BM25
from innotwin.core.text.embedders import DEFAULT_EMBEDDER, Embedder, get_embedder
from innotwin.core.text.lexical import analyse
from innotwin.core.text.normalise import normalise_text

__all__ = ["HybridScorer", "csls", "length_prior", "sinkhorn", "standardise"]

Matrix = npt.NDArray[np.float64]


def csls(scores: Matrix, *, neighbours: int) -> Matrix:
    """Cross-domain similarity local scaling: ``2·s − r_k(row) − r_k(column)``."""
    k_rows = min(neighbours, scores.shape[1])
    k_columns = min(neighbours, scores.shape[0])
    row_mean = np.sort(scores, axis=1)[:, -k_rows:].mean(axis=1)
    column_mean = np.sort(scores, axis=0)[-k_columns:, :].mean(axis=0)
    return np.asarray(2.0 * scores - row_mean[:, None] - column_mean[None, :], dtype=np.float64)


def standardise(scores: Matrix) -> Matrix:
    """``(s − mean) / std`` over the whole matrix; all zeros when the matrix is constant."""
    spread = float(scores.std())
    if spread == 0.0:
        return np.zeros_like(scores, dtype=np.float64)
    return np.asarray((scores - scores.mean()) / spread, dtype=np.float64)


def length_prior(texts_a: Sequence[str], texts_b: Sequence[str]) -> Matrix:
    """Negative distance of each pair's log character-length ratio from the pools' mean log ratio."""
    log_a = np.log1p(np.array([len(normalise_text(text)) for text in texts_a], dtype=np.float64))
    log_b = np.log1p(np.array([len(normalise_text(text)) for text in texts_b], dtype=np.float64))
    return np.asarray(
        -np.abs(log_a[:, None] - log_b[None, :] - (log_a.mean() - log_b.mean())), dtype=np.float64
    )


def sinkhorn(scores: Matrix, *, temperature: float, iterations: int) -> Matrix:
    """Log of the Sinkhorn-balanced plan of exp(scores / temperature), rows first, columns last."""
    plan = scores / temperature
    for _ in range(iterations):
        plan = plan - _log_sum_exp(plan, axis=1)
        plan = plan - _log_sum_exp(plan, axis=0)
    return plan


def _log_sum_exp(values: Matrix, *, axis: int) -> Matrix:
    peak = values.max(axis=axis, keepdims=True)
    return np.asarray(peak + np.log(np.exp(values - peak).sum(axis=axis, keepdims=True)), dtype=np.float64)


@dataclass(frozen=True, kw_only=True)
class HybridScorer:
    """Scores two pools of texts against each other (see the module docstring for the method).

    ``embedder`` is an :class:`~innotwin.core.text.embedders.Embedder` or a registered name. A higher
    score means a likelier counterpart; scores compare within one call only.
    """

    embedder: Embedder | str = DEFAULT_EMBEDDER
    lexical_weight: float = 0.2
    length_weight: float = 0.1
    neighbours: int = 2
    balance: Literal["sinkhorn", "csls"] = "sinkhorn"
    temperature: float = 0.3
    iterations: int = 10

    def __post_init__(self) -> None:
        checks = (
            ("lexical_weight", self.lexical_weight >= 0, "at least 0"),
            ("length_weight", self.length_weight >= 0, "at least 0"),
            ("neighbours", isinstance(self.neighbours, int) and self.neighbours >= 1, "an int of at least 1"),
            ("balance", self.balance in ("sinkhorn", "csls"), "'sinkhorn' or 'csls'"),
            ("temperature", self.temperature > 0, "greater than 0"),
            ("iterations", isinstance(self.iterations, int) and self.iterations >= 1, "an int of at least 1"),
        )
        for parameter, valid, expected in checks:
            if not valid:
                raise ConfigurationError(
                    f"The {parameter!r} parameter of HybridScorer must be {expected}. "
                    f"Got {getattr(self, parameter)!r} instead."
                )

    @property
    def backend(self) -> Embedder:
        """The embedder, looked up in the registry when given by name."""
        return get_embedder(self.embedder) if isinstance(self.embedder, str) else self.embedder

    @property
    def description(self) -> str:
        """One line naming the method and its parameters, recorded with results."""
        return (
            f"hybrid({self.backend.name}, lexical={self.lexical_weight:g}, length={self.length_weight:g}, "
            f"k={self.neighbours}, balance={self.balance}"
            + (
                f", temperature={self.temperature:g}, iterations={self.iterations})"
                if self.balance == "sinkhorn"
                else ")"
            )
        )

    def score(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> Matrix:
        """Scores of every text of ``texts_a`` (rows) against every text of ``texts_b`` (columns)."""
        if not texts_a or not texts_b:
            raise DataError("HybridScorer.score needs at least one text on each side; one side is empty.")
        backend = self.backend
        semantic = backend.embed(texts_a).astype(np.float64) @ backend.embed(texts_b).astype(np.float64).T
        fused = standardise(csls(semantic, neighbours=self.neighbours))
        if self.lexical_weight:
            terms_a = [analyse(text) for text in texts_a]
            terms_b = [analyse(text) for text in texts_b]
            lexical = (
                BM25().fit(terms_b).score_many(terms_a) + BM25().fit(terms_a).score_many(terms_b).T
            ) / 2
            fused += self.lexical_weight * standardise(csls(lexical, neighbours=self.neighbours))
        if self.length_weight:
            fused += self.length_weight * standardise(length_prior(texts_a, texts_b))
        if self.balance == "sinkhorn":
            fused = sinkhorn(fused, temperature=self.temperature, iterations=self.iterations)
        return fused
