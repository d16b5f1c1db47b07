from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from innotwin.cli.main import cli
from innotwin.library.models import Document


def test_library_add_adds_each_file_and_reports_the_refused_one(
    atlas,
    tmp_path: Path,
    korean_pdf: bytes,
    make_docx: Callable[..., bytes],
) -> None:
    (tmp_path / "busan.pdf").write_bytes(korean_pdf)
    (tmp_path / "daegu.docx").write_bytes(
        make_docx(title="Daegu UAM", paragraphs=("Urban air mobility pilot.",))
    )
    (tmp_path / "evil.md").write_bytes(b"MZ\x90\x00 program")
    result = CliRunner().invoke(
        cli,
        [
            "library",
            "add",
            str(tmp_path / "busan.pdf"),
            str(tmp_path / "daegu.docx"),
            str(tmp_path / "evil.md"),
            "--type",
            "strategy",
            "--theme",
            "maritime_ports",
            "--city",
            "KR-26",
            "--publish",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 2
    rows = json.loads(result.stdout)
    assert [(row["file"], row["language"], row["status"]) for row in rows] == [
        ("busan.pdf", "ko", "published"),
        ("daegu.docx", "en", "published"),
    ]
    assert "Refused" in result.stderr
    assert "evil.md" in result.stderr
    assert "a Windows program" in result.stderr
    assert sorted(Document.objects.values_list("region_id", flat=True)) == ["KR-26", "KR-26"]


def test_library_add_with_a_title_and_an_unknown_theme_is_refused(atlas, tmp_path: Path) -> None:
    (tmp_path / "note.md").write_text("# Note\n\nShore power.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["library", "add", str(tmp_path / "note.md"), "--theme", "space_opera"])
    assert result.exit_code == 2
    assert "space_opera" in result.stderr
    assert Document.objects.count() == 0


def test_library_search_finds_english_documents_for_a_korean_query(library) -> None:
    result = CliRunner().invoke(
        cli, ["library", "search", "자율주행 버스와 차량 공유", "--top", "3", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["id"] == library["sejong-5-1-living-zone"].pk
    assert [row["rank"] for row in rows] == [1, 2, 3]


def test_library_search_as_csv_and_table(library) -> None:
    csv_result = CliRunner().invoke(cli, ["library", "search", "hydrogen", "--format", "csv", "--top", "2"])
    assert csv_result.stdout.splitlines()[0] == "rank,id,title,type,city,language,score,passage"
    table = CliRunner().invoke(cli, ["library", "search", "hydrogen", "--top", "2"])
    assert "Library: hydrogen" in table.stdout


def test_library_list_and_reindex(library) -> None:
    listing = CliRunner().invoke(cli, ["library", "list", "--format", "json"])
    assert len(json.loads(listing.stdout)) == 8
    assert CliRunner().invoke(cli, ["library", "reindex"]).stdout == "Every passage is up to date.\n"
