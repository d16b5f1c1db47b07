from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from innotwin.core.library import Limits, RefusedFileError, extract
from tests.core.library.conftest import rezip


def test_extract_korean_pdf_keeps_hangul_and_detects_korean(korean_pdf: bytes) -> None:
    document = extract(korean_pdf, filename="부산항.pdf")
    assert document.format == "pdf"
    assert document.pages == 1
    assert document.language == "ko"
    assert document.title == "부산항 탈탄소 전략"
    assert "육상전원공급설비를 확대한다" in document.text
    assert [passage.language for passage in document.passages] == ["ko"] * len(document.passages)


def test_extract_pdf_from_a_path_reads_the_file(tmp_path: Path, make_pdf: Callable[[str], bytes]) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf("<h1>Shore power</h1><p>Liverpool cut port emissions with shore power.</p>"))
    document = extract(path)
    assert (document.filename, document.language) == ("brief.pdf", "en")
    assert "Liverpool cut port emissions with shore power." in document.text


def test_extract_pdf_without_text_is_refused(make_pdf: Callable[[str], bytes]) -> None:
    blank = make_pdf("<html><body><div style='height: 5cm'></div></body></html>")
    with pytest.raises(RefusedFileError) as caught:
        extract(blank, filename="scan.pdf")
    assert caught.value.reason == "no_text"
    assert "OCR" in caught.value.message


def test_extract_damaged_pdf_is_refused(korean_pdf: bytes) -> None:
    with pytest.raises(RefusedFileError) as caught:
        extract(korean_pdf[:400], filename="cut.pdf")
    assert caught.value.reason in {"unreadable", "no_text"}


def test_extract_encrypted_pdf_is_refused(korean_pdf: bytes) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(korean_pdf)))
    writer.encrypt(user_password="secret", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(RefusedFileError) as caught:
        extract(buffer.getvalue(), filename="locked.pdf")
    assert caught.value.reason == "encrypted"


def test_extract_docx_reads_paragraphs_table_and_title(make_docx: Callable[..., bytes]) -> None:
    data = make_docx(
        title="Sejong autonomous buses",
        paragraphs=(
            "Sejong ran its first autonomous bus service in December 2022.",
            "세종시는 자율주행 버스를 운행했다.",
        ),
        table=(("Service", "Year"), ("Car sharing", "2022")),
    )
    document = extract(data, filename="sejong.docx")
    assert document.format == "docx"
    assert document.title == "Sejong autonomous buses"
    assert document.text.split("\n\n") == [
        "Sejong autonomous buses",
        "Sejong ran its first autonomous bus service in December 2022.",
        "세종시는 자율주행 버스를 운행했다.",
        "Service",
        "Year",
        "Car sharing",
        "2022",
    ]


def test_extract_docx_zip_bomb_by_ratio_is_refused(make_docx: Callable[..., bytes]) -> None:
    bomb = rezip(make_docx(paragraphs=("x",)), add={"word/media/zeros.bin": b"\0" * (4 * 1024 * 1024)})
    with pytest.raises(RefusedFileError) as caught:
        extract(bomb, filename="bomb.docx")
    assert caught.value.reason == "zip_bomb"
    assert "compressed more than 200 to 1" in caught.value.message


def test_extract_docx_declaring_too_much_data_is_refused(make_docx: Callable[..., bytes]) -> None:
    data = rezip(make_docx(paragraphs=("x",)), add={"word/media/noise.bin": bytes(range(256)) * 400})
    with pytest.raises(RefusedFileError) as caught:
        extract(data, filename="big.docx", limits=Limits(max_unpacked_bytes=50_000))
    assert caught.value.reason == "zip_bomb"


def test_extract_docx_with_too_many_entries_is_refused(make_docx: Callable[..., bytes]) -> None:
    data = rezip(make_docx(paragraphs=("x",)), add={f"word/x{i}.xml": b"<a/>" for i in range(60)})
    with pytest.raises(RefusedFileError) as caught:
        extract(data, filename="many.docx", limits=Limits(max_entries=50))
    assert caught.value.reason == "zip_bomb"


def test_extract_docx_with_macros_is_refused(make_docx: Callable[..., bytes]) -> None:
    data = rezip(make_docx(paragraphs=("x",)), add={"word/vbaProject.bin": b"macro"})
    with pytest.raises(RefusedFileError) as caught:
        extract(data, filename="macro.docx")
    assert caught.value.reason == "macros"


def test_extract_docx_with_entity_declarations_is_refused(make_docx: Callable[..., bytes]) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&lol2;</w:document>'
    )
    data = rezip(make_docx(paragraphs=("x",)), replace={"word/document.xml": laughs})
    with pytest.raises(RefusedFileError) as caught:
        extract(data, filename="laughs.docx")
    assert caught.value.reason == "unreadable"
    assert "document type declaration" in caught.value.message


def test_extract_zip_without_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(RefusedFileError) as caught:
        extract(buffer.getvalue(), filename="fake.docx")
    assert caught.value.reason == "unreadable"


def test_extract_html_drops_scripts_styles_and_handlers() -> None:
    page = b"""<!doctype html><html><head><title>Port pilot</title><script>alert('x')</script>
    <style>p { color: red }</style></head><body onload="steal()"><h1>Port pilot</h1>
    <p>Busan tested <a href="javascript:evil()">shore power</a>.</p><iframe src="https://evil.example"></iframe>
    <script>document.write('injected')</script><noscript>enable js</noscript></body></html>"""
    document = extract(page, filename="pilot.html")
    assert document.title == "Port pilot"
    assert document.text == "Port pilot\n\nBusan tested shore power."
    assert document.warnings == ("3 script or embedded element(s) were removed; only the text is kept.",)


def test_extract_html_of_scripts_only_is_refused() -> None:
    with pytest.raises(RefusedFileError) as caught:
        extract(b"<html><body><script>steal()</script></body></html>", filename="evil.html")
    assert caught.value.reason == "no_text"


def test_extract_html_in_euc_kr_is_decoded() -> None:
    page = '<html><head><meta charset="euc-kr"></head><body><p>울산 수소 도시</p></body></html>'.encode(
        "euc-kr"
    )
    document = extract(page, filename="ulsan.htm")
    assert (document.text, document.language) == ("울산 수소 도시", "ko")


def test_extract_text_in_an_unknown_encoding_is_refused() -> None:
    with pytest.raises(RefusedFileError) as caught:
        extract(b"\xff\xfe\xfd caf\xe9 \x81\x41", filename="latin.txt")
    assert caught.value.reason in {"encoding", "mismatch"}


def test_extract_markdown_strips_markup_and_takes_the_title() -> None:
    source = (
        "---\ntitle: Front matter title\n---\n# Heading one\n\nSome **bold** and [a link](https://x.example).\n\n"
        "- item one\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n<script>alert(1)</script>\n"
    )
    document = extract(source.encode(), filename="note.md")
    assert document.title == "Front matter title"
    assert document.text == "Heading one\n\nSome bold and a link.\n\nitem one\nitem two\n\na · b\n\n1 · 2"
    assert document.warnings == ("1 script or embedded element(s) were removed; only the text is kept.",)


def test_extract_path_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(RefusedFileError) as caught:
        extract(path, limits=Limits(max_bytes=1000))
    assert caught.value.reason == "too_large"


def test_extract_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RefusedFileError) as caught:
        extract(tmp_path / "nothing.md")
    assert caught.value.reason == "unreadable"


def test_extract_normalises_decomposed_hangul_to_nfc() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "스마트시티 시범 사업")
    document = extract(decomposed.encode(), filename="nfd.txt")
    assert document.text == "스마트시티 시범 사업"
