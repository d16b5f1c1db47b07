"""Alignment accuracy on real data, and the file helpers behind ``innotwin text align`` and ``embed``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from innotwin.core.errors import DataError, NotFoundError
from innotwin.core.text import AlignmentResult, HybridScorer, align, embed_file, read_lines


@pytest.fixture(scope="module")
def news_dev_alignment(shared_data: Path) -> AlignmentResult:
    folder = shared_data / "parallel_en_ko"
    return align(read_lines(folder / "news_dev.ko"), read_lines(folder / "news_dev.en"))


def test_align_news_dev_meets_target_korean_to_english(news_dev_alignment: AlignmentResult) -> None:
    assert news_dev_alignment.size == 1000
    assert news_dev_alignment.a_to_b >= 0.95


def test_align_news_dev_meets_target_english_to_korean(news_dev_alignment: AlignmentResult) -> None:
    assert news_dev_alignment.b_to_a >= 0.95


def test_align_identical_lines_count_as_found() -> None:
    korean = ["적정 온도:", "적정 온도:", "베이징은 교통 통제를 시작했다."]
    english = ["Ideal temperature:", "Ideal temperature:", "Beijing started its traffic control plan."]
    result = align(korean, english, scorer=HybridScorer(embedder="use-multilingual"))
    assert (result.a_to_b, result.b_to_a) == (1.0, 1.0)


def test_align_different_lengths_is_a_data_error() -> None:
    with pytest.raises(DataError, match="A has 2 and B has 1"):
        align(["하나", "둘"], ["one"])


def test_embed_file_writes_unit_rows(tmp_path: Path) -> None:
    source = tmp_path / "texts.txt"
    source.write_text("세종은 스마트시티다.\nBelfast is a smart city.\n", encoding="utf-8")
    written = embed_file(source, out=tmp_path / "out" / "vectors.npy", embedder="use-multilingual")
    vectors = np.load(written.out)
    assert (written.rows, written.dim, written.embedder, vectors.shape) == (
        2,
        512,
        "use-multilingual",
        (2, 512),
    )
    assert np.linalg.norm(vectors, axis=1).round(5).tolist() == [1.0, 1.0]


def test_read_lines_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        read_lines(tmp_path / "missing.txt")


def test_read_lines_non_utf8_is_a_data_error(tmp_path: Path) -> None:
    source = tmp_path / "latin1.txt"
    source.write_bytes("caf\xe9\n".encode("latin-1"))
    with pytest.raises(DataError, match="not UTF-8"):
        read_lines(source)
