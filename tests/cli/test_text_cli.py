from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from click.testing import CliRunner

from innotwin.cli.main import cli


def _head(source: Path, target: Path, lines: int) -> Path:
    target.write_text(
        "\n".join(source.read_text(encoding="utf-8").splitlines()[:lines]) + "\n", encoding="utf-8"
    )
    return target


def test_text_embed_writes_unit_rows_one_per_line(shared_data: Path, tmp_path: Path) -> None:
    source = _head(shared_data / "parallel_en_ko" / "news_dev.en", tmp_path / "en.txt", 20)
    out = tmp_path / "vectors.npy"
    result = CliRunner().invoke(
        cli, ["text", "embed", str(source), "--out", str(out), "--embedder", "use-multilingual"]
    )
    assert result.exit_code == 0, result.output
    vectors = np.load(out)
    assert vectors.shape == (20, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_text_align_reports_both_directions_on_real_news(shared_data: Path, tmp_path: Path) -> None:
    korean = _head(shared_data / "parallel_en_ko" / "news_dev.ko", tmp_path / "ko.txt", 40)
    english = _head(shared_data / "parallel_en_ko" / "news_dev.en", tmp_path / "en.txt", 40)
    result = CliRunner().invoke(
        cli,
        ["text", "align", str(korean), str(english), "--embedder", "use-multilingual", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["lines"] == 40
    assert report["a_to_b"] >= 0.9
    assert report["b_to_a"] >= 0.9


def test_text_align_files_of_different_length_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one\ntwo\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("하나\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["text", "align", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code != 0
    assert "A has 2 and B has 1" in str(result.exception)
