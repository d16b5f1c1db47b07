from __future__ import annotations

import pytest

from innotwin.core.errors import DataError
from innotwin.core.library import Limits, RefusedFileError, check_file, format_for, sniff


def test_format_for_known_extensions_in_any_case() -> None:
    assert [format_for(name) for name in ("a.PDF", "b.docx", "c.htm", "d.Markdown", "e.txt")] == [
        "pdf",
        "docx",
        "html",
        "markdown",
        "text",
    ]


@pytest.mark.parametrize("name", ["report.exe", "notes", "macro.docm", "sheet.xlsx", "archive.zip"])
def test_format_for_unsupported_extension_is_refused(name: str) -> None:
    with pytest.raises(RefusedFileError) as caught:
        format_for(name)
    assert caught.value.reason == "extension"
    assert name in caught.value.message
    assert ".pdf" in caught.value.message


def test_refused_file_error_is_a_data_error_with_its_own_code() -> None:
    with pytest.raises(DataError) as caught:
        format_for("x.exe")
    assert caught.value.code == "refused_file"
    assert caught.value.problems[0].file == "x.exe"


def test_check_file_pdf_named_as_docx_is_a_mismatch() -> None:
    with pytest.raises(RefusedFileError) as caught:
        check_file(b"%PDF-1.7\n...", filename="brief.docx", limits=Limits())
    assert caught.value.reason == "mismatch"
    assert caught.value.message == (
        "The file 'brief.docx' is named as Word (DOCX) but its content is a PDF document; "
        "upload the real Word (DOCX) file or rename it."
    )


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (b"MZ\x90\x00\x03", "a Windows program"),
        (b"\x7fELF\x02\x01", "a Linux program"),
        (b"\x89PNG\r\n\x1a\nxxxx", "a PNG image"),
        (b"PK\x03\x04zzzz", "a ZIP archive"),
        (b"plain\x00binary", "binary data"),
    ],
)
def test_check_file_binary_named_as_markdown_is_a_mismatch(data: bytes, found: str) -> None:
    with pytest.raises(RefusedFileError) as caught:
        check_file(data, filename="notes.md", limits=Limits())
    assert caught.value.reason == "mismatch"
    assert caught.value.params["found"] == found


def test_check_file_text_named_as_pdf_is_a_mismatch() -> None:
    with pytest.raises(RefusedFileError) as caught:
        check_file(b"<html>not a pdf</html>", filename="paper.pdf", limits=Limits())
    assert (caught.value.reason, caught.value.params["found"]) == ("mismatch", "something else")


def test_check_file_over_the_size_limit_is_refused() -> None:
    with pytest.raises(RefusedFileError) as caught:
        check_file(b"a" * 2048, filename="long.txt", limits=Limits(max_bytes=1024))
    assert caught.value.reason == "too_large"
    assert caught.value.message == "The file 'long.txt' is 2 KiB; the library accepts files of at most 1 KiB."


def test_check_file_empty_is_refused() -> None:
    with pytest.raises(RefusedFileError) as caught:
        check_file(b"", filename="empty.md", limits=Limits())
    assert caught.value.reason == "empty"


def test_sniff_finds_pdf_header_after_leading_junk() -> None:
    assert sniff(b"\n\n  %PDF-1.4 ...") == "a PDF document"
    assert sniff(b"# heading") is None
