"""Alignment accuracy of two parallel files, and embedding a file of texts.

:func:`align` scores every line of one file against every line of the other with the full scorer and
reports top-1 retrieval accuracy in both directions: the share of lines whose best-scoring counterpart
is the line at the same position. Two lines with identical text cannot be told apart by any scorer, so
a retrieved line counts as correct when its text equals the gold line's text (news_dev repeats
"Ideal temperature:" five times). These back the CLI commands ``innotwin text align`` and
``innotwin text embed``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from innotwin.core.errors import DataError, NotFoundError, Problem
from innotwin.core.text.embedders import DEFAULT_EMBEDDER, Embedder, get_embedder
from innotwin.core.text.scoring import HybridScorer

__all__ = ["AlignmentResult", "EmbeddedFile", "align", "embed_file", "read_lines"]


@dataclass(frozen=True, kw_only=True)
class AlignmentResult:
    """Top-1 retrieval accuracy of two aligned lists of texts, in both directions."""

    size: int
    a_to_b: float
    b_to_a: float
    predicted_b: tuple[int, ...]
    """For each line of A, the index of the best-scoring line of B."""
    predicted_a: tuple[int, ...]
    """For each line of B, the index of the best-scoring line of A."""
    scorer: str
    seconds: float


@dataclass(frozen=True, kw_only=True)
class EmbeddedFile:
    """Where :func:`embed_file` wrote its vectors, and what they are."""

    source: Path
    out: Path
    rows: int
    dim: int
    embedder: str
    version: str


def read_lines(path: Path | str) -> tuple[str, ...]:
    """The lines of a UTF-8 text file, one text per line, without line endings."""
    path = Path(path)
    if not path.is_file():
        raise NotFoundError(f"The text file {path} does not exist.")
    try:
        return tuple(path.read_text(encoding="utf-8").splitlines())
    except UnicodeDecodeError as error:
        raise DataError(
            [Problem(f"the file is not UTF-8 text (byte {error.start}); save it as UTF-8", file=str(path))]
        ) from error


def align(
    lines_a: Sequence[str], lines_b: Sequence[str], *, scorer: HybridScorer | None = None
) -> AlignmentResult:
    """Top-1 accuracy of finding each line's counterpart, A→B and B→A, with ``scorer``.

    The default scorer is the full :class:`~innotwin.core.text.scoring.HybridScorer`.
    """
    if len(lines_a) != len(lines_b):
        raise DataError(
            "Aligned files must have the same number of lines; "
            f"A has {len(lines_a)} and B has {len(lines_b)}."
        )
    if not lines_a:
        raise DataError("There is nothing to align: both files are empty.")
    scorer = scorer or HybridScorer()
    start = time.perf_counter()
    scores = scorer.score(lines_a, lines_b)
    seconds = time.perf_counter() - start
    best_b = scores.argmax(axis=1)
    best_a = scores.argmax(axis=0)
    size = len(lines_a)
    hits_a_to_b = sum(lines_b[int(best_b[i])] == lines_b[i] for i in range(size))
    hits_b_to_a = sum(lines_a[int(best_a[j])] == lines_a[j] for j in range(size))
    return AlignmentResult(
        size=size,
        a_to_b=hits_a_to_b / size,
        b_to_a=hits_b_to_a / size,
        predicted_b=tuple(int(index) for index in best_b),
        predicted_a=tuple(int(index) for index in best_a),
        scorer=scorer.description,
        seconds=seconds,
    )


def embed_file(
    source: Path | str, *, out: Path | str, embedder: Embedder | str = DEFAULT_EMBEDDER
) -> EmbeddedFile:
    """Embed each line of ``source``; save the rows (L2-normalised float32) as a ``.npy`` file at ``out``."""
    backend = get_embedder(embedder) if isinstance(embedder, str) else embedder
    lines = read_lines(source)
    vectors = backend.embed(lines)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        np.save(handle, vectors)
    return EmbeddedFile(
        source=Path(source),
        out=out,
        rows=int(vectors.shape[0]),
        dim=int(vectors.shape[1]),
        embedder=backend.name,
        version=backend.version,
    )
