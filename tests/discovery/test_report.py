"""The shortlist report as a web page and as PDF in English and Korean, with the method appendix."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client
from pypdf import PdfReader

from innotwin.cli.main import cli


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize(
    ("language", "title", "other"),
    [("en", "City-pair shortlist", "도시 쌍 후보 목록"), ("ko", "도시 쌍 후보 목록", "City-pair shortlist")],
)
def test_pdf_report_has_both_titles_and_the_method(atlas, client: Client, language, title, other) -> None:
    response = client.get(f"/{language}/discover/report.pdf?top=3")
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == f'attachment; filename="innotwin-shortlist-GB-KR-{language}.pdf"'
    )
    text = _pdf_text(response.content)
    lines = [line.strip() for line in text.splitlines()]
    assert lines[1:3] == [title, other]
    assert ("Appendix: method" if language == "en" else "부록: 방법") in text


def test_pdf_report_names_the_shortlisted_pairs_in_korean(atlas, client: Client) -> None:
    text = _pdf_text(client.get("/ko/discover/report.pdf?top=3").content)
    assert "충청북도" in text
    assert "경상남도" in text


def test_report_page_explains_each_pair_and_describes_every_dimension(atlas, client: Client) -> None:
    response = client.get("/en/discover/report/?top=4")
    page = response.content.decode()
    assert [entry["entry"].rank for entry in response.context["explained"]] == [1, 2, 3, 4]
    for dimension in (
        "Scale",
        "Economic structure",
        "Shared specialisations",
        "Complementarity",
        "Research and innovation base",
        "Policy priorities",
        "Urban tier and governance",
    ):
        assert f"<dt>{dimension}</dt>" in page
    assert '<h2 id="method-title">Appendix: method</h2>' in page
    assert 'href="/ko/discover/report.pdf?top=4"' in page


def test_report_page_method_matches_the_method_document(atlas, client: Client) -> None:
    # The appendix summarises docs/methods/pairing.md: the three profiles and the robustness settings it
    # documents must be the ones the appendix states.
    method = (Path(__file__).resolve().parents[2] / "docs" / "methods" / "pairing.md").read_text(
        encoding="utf-8"
    )
    page = client.get("/en/discover/report/?top=1").content.decode()
    assert "| dimension | balanced | complementarity-first | peers |" in method
    assert "(default 200)" in method
    assert "200 times (seed" in page
    assert "±50%" in method
    assert "between 0.5 and 1.5" in page


def test_cli_writes_the_report_as_pdf(atlas, tmp_path: Path) -> None:
    out = tmp_path / "shortlist.pdf"
    result = CliRunner().invoke(cli, ["pairs", "report", "--top", "2", "--language", "ko", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote the shortlist of 2 pairs (ko) to {out}.\n"
    assert "도시 쌍 후보 목록" in _pdf_text(out.read_bytes())


def test_cli_writes_the_report_as_html_with_its_style(atlas, tmp_path: Path) -> None:
    out = tmp_path / "shortlist.html"
    result = CliRunner().invoke(cli, ["pairs", "report", "--top", "1", "--out", str(out)])
    html = out.read_text(encoding="utf-8")
    assert result.exit_code == 0
    assert '<html lang="en">' in html
    assert "<style>/* The shortlist report as PDF" in html
