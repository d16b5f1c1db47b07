"""The roadmap document as PDF (WeasyPrint, with the Korean font) and as a standalone HTML file."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from innotwin.roadmaps.domain.roadmap import add_objective, draft_roadmap
from innotwin.roadmaps.interfaces.document import document_html, document_pdf


@pytest.fixture
def roadmap(world: dict[str, Any]) -> Any:
    draft = draft_roadmap(
        actor=None,
        pair=world["pair"],
        values={
            "title_en": "Belfast – Sejong smart port roadmap",
            "title_ko": "벨파스트–세종 스마트 항만 로드맵",
        },
        themes=["smart_cities"],
    )
    add_objective(
        actor=None,
        roadmap=draft,
        values={
            "title_en": "Shared testbed",
            "title_ko": "공동 테스트베드",
            "pillar": "civic",
            "theme": "smart_cities",
        },
    )
    return draft


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_side_by_side_pdf_holds_the_korean_and_english_titles(
    roadmap: Any, world: dict[str, Any]
) -> None:
    pdf = document_pdf(world["pair"], language="both")
    assert pdf.startswith(b"%PDF-")
    text = _text(pdf)
    assert "Belfast – Sejong smart port roadmap" in text
    assert "벨파스트–세종 스마트 항만 로드맵" in text
    assert "Port crane digital twin" in text
    assert "항만 크레인 디지털 트윈" in text
    assert "혁신 트윈 로드맵" in text  # the Korean column's own headings


def test_the_korean_pdf_is_in_korean(roadmap: Any, world: dict[str, Any]) -> None:
    text = _text(document_pdf(world["pair"], language="ko"))
    assert "공동 테스트베드" in text
    assert "공동 제안" in text
    assert "Joint proposals" not in text


def test_the_html_file_is_standalone_with_the_timeline(roadmap: Any, world: dict[str, Any]) -> None:
    from innotwin.roadmaps.domain.proposals import update_proposal

    update_proposal(
        actor=None, proposal=world["proposal"], values={"starts_on": "2026-01-01", "ends_on": "2027-06-30"}
    )
    html = document_html(world["pair"], language="en")
    assert "<style>" in html
    assert "<svg" in html
    assert "Shared testbed" in html
