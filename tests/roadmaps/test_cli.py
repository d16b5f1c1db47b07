"""``innotwin roadmap``: export, list, show, proposals, move."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from innotwin.cli.main import cli
from innotwin.roadmaps.models import Proposal


def test_export_writes_html_and_pdf(world: dict[str, Any], tmp_path: Path) -> None:
    runner = CliRunner()
    html = tmp_path / "roadmap.html"
    result = runner.invoke(
        cli,
        ["roadmap", "export", "belfast-sejong", "--lang", "ko", "--format", "html", "--output", str(html)],
    )
    assert result.exit_code == 0, result.output
    assert "항만 크레인 디지털 트윈" in html.read_text(encoding="utf-8")
    pdf = tmp_path / "roadmap.pdf"
    result = runner.invoke(
        cli,
        ["roadmap", "export", "belfast-sejong", "--lang", "both", "--format", "pdf", "--output", str(pdf)],
    )
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_an_unknown_pair_is_one_clear_error(world: dict[str, Any]) -> None:
    result = CliRunner().invoke(cli, ["roadmap", "export", "atlantis-sejong"])
    assert result.exit_code != 0
    assert "There is no twin pair 'atlantis-sejong'" in str(result.exception or result.output)


def test_list_proposals_and_move(world: dict[str, Any]) -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["roadmap", "list", "--format", "csv"])
    assert "belfast-sejong,,none,,1" in listed.output
    proposals = runner.invoke(cli, ["roadmap", "proposals", "belfast-sejong", "--format", "json"])
    assert '"stage": "idea"' in proposals.output
    pk = world["proposal"].pk
    refused = runner.invoke(cli, ["roadmap", "move", str(pk), "funded"])
    assert refused.exit_code != 0
    assert Proposal.objects.get(pk=pk).stage == "idea"
    moved = runner.invoke(cli, ["roadmap", "move", str(pk), "scoping"])
    assert moved.exit_code == 0, moved.output
    assert Proposal.objects.get(pk=pk).stage == "scoping"
    assert Proposal.objects.get(pk=pk).changes.filter(field="stage", actor_label="innotwin CLI").exists()
