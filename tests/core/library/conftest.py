"""Real files for the extraction tests, made here: PDFs with WeasyPrint (Korean in Noto Sans CJK, which
scripts/ensure-system-packages.sh installs), Word files with python-docx, archives with zipfile."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest

KOREAN_HTML = """<html><head><meta charset="utf-8"><title>부산항 탈탄소 전략</title>
<style>body { font-family: "Noto Sans CJK KR"; }</style></head><body>
<h1>부산항 탈탄소 전략</h1>
<p>부산시는 2030년까지 항만 배출량을 40% 줄이기 위해 육상전원공급설비를 확대한다.</p>
<p>리버풀 시티 리전은 해상 풍력과 조력 발전 경험을 공유한다.</p>
</body></html>"""


@pytest.fixture(scope="session")
def make_pdf() -> Callable[[str], bytes]:
    """A PDF rendered by WeasyPrint from HTML: real glyphs, real ToUnicode maps."""
    import weasyprint

    def make(html: str) -> bytes:
        pdf: bytes = weasyprint.HTML(string=html).write_pdf()
        return pdf

    return make


@pytest.fixture(scope="session")
def korean_pdf(make_pdf: Callable[[str], bytes]) -> bytes:
    return make_pdf(KOREAN_HTML)


@pytest.fixture(scope="session")
def make_docx() -> Callable[..., bytes]:
    """A Word file written by python-docx, with a title, a heading, paragraphs and a table."""
    import docx

    def make(
        *, title: str = "", paragraphs: tuple[str, ...] = (), table: tuple[tuple[str, ...], ...] = ()
    ) -> bytes:
        document = docx.Document()
        if title:
            document.core_properties.title = title
            document.add_heading(title, level=0)
        for text in paragraphs:
            document.add_paragraph(text)
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, values in zip(grid.rows, table, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    return make


def rezip(
    data: bytes, *, add: dict[str, bytes] | None = None, replace: dict[str, bytes] | None = None
) -> bytes:
    """The archive ``data`` with entries added or replaced (deflated)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = (replace or {}).get(info.filename, source.read(info.filename))
            target.writestr(info.filename, content)
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()
